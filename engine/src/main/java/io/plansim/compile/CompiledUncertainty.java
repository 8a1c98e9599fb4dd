package io.plansim.compile;

import io.plansim.distribution.Distribution;
import io.plansim.scenario.DrawMode;
import io.plansim.scenario.Uncertainty;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RectangularCholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A scenario's uncertainty compiled against its kernel layout: parameter draws as (param row, year
 * range, distribution), annual shocks as kernel rows with sd, AR(1) coefficient and the Cholesky factor
 * of their correlation (factored once here), rare events as rows and size distributions.
 */
public final class CompiledUncertainty {
    public final int[] paramRow;
    public final int[] paramFrom;
    public final int[] paramTo;
    public final DrawMode[] paramMode;
    public final Distribution[] paramDist;
    /** Each drawn parameter's driver path ({@code trade.exportTrend}), for tables and tornado bars. */
    public final String[] paramName;
    public final int[] shockRow;
    public final double[] shockSd;
    public final double[] shockRho;
    /** A k x k factor B, row-major, with C = B B^T (pivoted, so not necessarily triangular). */
    public final double[] cholesky;
    public final double tailsDf;
    public final double[] eventProbability;
    public final int[][] eventRows;
    public final Distribution[][] eventSize;
    /** The parameter rows and shock rows a path's draws change: a runner resets only these between paths. */
    public final int[] drawnParamRows;
    public final int[] drawnShockRows;

    private CompiledUncertainty(CompiledScenario c, Uncertainty u) {
        int n = c.years();
        int base = c.baseYear();
        List<Uncertainty.Parameter> ps = u.parameters();
        paramRow = new int[ps.size()];
        paramFrom = new int[ps.size()];
        paramTo = new int[ps.size()];
        paramMode = new DrawMode[ps.size()];
        paramDist = new Distribution[ps.size()];
        paramName = new String[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            Uncertainty.Parameter p = ps.get(i);
            paramRow[i] = p.driver().ordinal();
            paramFrom[i] = DriverPaths.first(p.driver(), p.from(), base);
            paramTo[i] = DriverPaths.last(p.driver(), p.to(), base, n);
            paramMode[i] = p.mode();
            paramDist[i] = p.distribution();
            paramName[i] = p.driver().path();
        }
        int k = u.shocks().size();
        shockRow = new int[k];
        shockSd = new double[k];
        shockRho = new double[k];
        for (int i = 0; i < k; i++) {
            Uncertainty.AnnualShock s = u.shocks().get(i);
            shockRow[i] = c.rowOf(s.variable());
            shockSd[i] = s.sd();
            shockRho[i] = s.persistence();
        }
        cholesky = new double[k * k];
        if (k > 0) {
            // RectangularCholesky handles semi-definite matrices; it returns B with C = B B^T, B of size k x r.
            RealMatrix b = new RectangularCholeskyDecomposition(new Array2DRowRealMatrix(u.correlation()), 1e-10).getRootMatrix();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < b.getColumnDimension(); j++) {
                    cholesky[i * k + j] = b.getEntry(i, j);
                }
            }
        }
        tailsDf = u.tailsDf();
        int e = u.events().size();
        eventProbability = new double[e];
        eventRows = new int[e][];
        eventSize = new Distribution[e][];
        for (int i = 0; i < e; i++) {
            Uncertainty.RareEvent ev = u.events().get(i);
            eventProbability[i] = ev.probability();
            eventRows[i] = ev.effects().stream().mapToInt(x -> c.rowOf(x.variable())).toArray();
            eventSize[i] = ev.effects().stream().map(Uncertainty.Effect::size).toArray(Distribution[]::new);
        }
        drawnParamRows = java.util.Arrays.stream(paramRow).distinct().toArray();
        drawnShockRows = java.util.stream.IntStream.concat(java.util.Arrays.stream(shockRow),
                java.util.Arrays.stream(eventRows).flatMapToInt(java.util.Arrays::stream)).distinct().toArray();
    }

    public static CompiledUncertainty of(CompiledScenario c) {
        return new CompiledUncertainty(c, c.scenario().uncertainty());
    }

    /** Number of uniforms a parameter sampler supplies per path. */
    public int dimensions() {
        return paramRow.length;
    }

    public int shocks() {
        return shockRow.length;
    }
}
