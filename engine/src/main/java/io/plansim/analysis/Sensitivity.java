package io.plansim.analysis;

import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import io.plansim.compile.DriverPaths;
import io.plansim.kernel.ProjectionKernel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Sensitivity of one output to the scenario's uncertain parameters (its {@code uncertainty.parameters}),
 * on the deterministic model (annual shocks and rare events off, so the indices describe the parameters).
 * An output is a variable in a year ({@code gdp_nominal@2035}) or a target's outcome.
 */
public final class Sensitivity {
    /** One tornado bar: the output with the parameter at its 10th and 90th percentile, all else at the median. */
    public record Bar(String parameter, double lowInput, double highInput, double atLow, double atHigh) {
        public double swing() {
            return Math.abs(atHigh - atLow);
        }
    }

    private Sensitivity() {
    }

    /** The output as a function of the parameters' quantiles u in (0,1)^d. */
    public static ToDoubleFunction<double[]> model(CompiledScenario c, ToDoubleFunction<double[]> output) {
        CompiledUncertainty cu = CompiledUncertainty.of(c);
        int n = c.years();
        double[] out = new double[c.rows() * c.years()];
        double[] p = new double[c.params().length];
        return u -> {
            System.arraycopy(c.params(), 0, p, 0, p.length);
            for (int j = 0; j < cu.dimensions(); j++) {
                double x = cu.paramDist[j].inverseCdf(Math.min(1 - 1e-12, Math.max(1e-12, u[j])));
                DriverPaths.set(p, cu.paramRow[j] * n, cu.paramFrom[j], cu.paramTo[j], x, cu.paramMode[j]);
            }
            ProjectionKernel.project(c, p, c.shocks(), out);
            return output.applyAsDouble(out);
        };
    }

    /** Output: a variable in a year. */
    public static ToDoubleFunction<double[]> variableAt(CompiledScenario c, String variable, int year) {
        int row = c.rowOf(variable);
        if (row < 0) {
            throw new IllegalArgumentException("the scenario does not project " + variable);
        }
        int t = year - c.baseYear();
        if (t < 0 || t >= c.years()) {
            throw new IllegalArgumentException("year " + year + " is outside " + c.baseYear() + "-" + (c.baseYear() + c.years() - 1));
        }
        int at = row * c.years() + t;
        return out -> out[at];
    }

    /** Output: the outcome of the only target of {@code targets}. */
    public static ToDoubleFunction<double[]> targetOutcome(PathTargets targets) {
        PathTargets.Counter counter = targets.counter(); // one view, reused by every model run (single-threaded)
        return out -> counter.outcome(0, out);
    }

    /** Tornado bars sorted by swing, largest first. */
    public static List<Bar> tornado(CompiledScenario c, ToDoubleFunction<double[]> output) {
        CompiledUncertainty cu = CompiledUncertainty.of(c);
        ToDoubleFunction<double[]> m = model(c, output);
        List<Bar> bars = new ArrayList<>();
        for (int j = 0; j < cu.dimensions(); j++) {
            double[] u = new double[cu.dimensions()];
            java.util.Arrays.fill(u, 0.5);
            u[j] = 0.1;
            double low = m.applyAsDouble(u);
            u[j] = 0.9;
            double high = m.applyAsDouble(u);
            bars.add(new Bar(cu.paramName[j] + (cu.paramMode[j].relative() ? " (" + cu.paramMode[j].key() + ")" : ""),
                    cu.paramDist[j].inverseCdf(0.1), cu.paramDist[j].inverseCdf(0.9), low, high));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
        return bars;
    }

    /**
     * The output with every parameter at its median: the tornado's reference, not the central path (whose
     * parameters are the scenario's values; a skewed distribution's median differs from them).
     */
    public static double atMedians(CompiledScenario c, ToDoubleFunction<double[]> output) {
        double[] u = new double[CompiledUncertainty.of(c).dimensions()];
        java.util.Arrays.fill(u, 0.5);
        return model(c, output).applyAsDouble(u);
    }
}
