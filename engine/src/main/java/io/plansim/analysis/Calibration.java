package io.plansim.analysis;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.DriverPaths;
import io.plansim.kernel.ProjectionKernel;
import io.plansim.scenario.Driver;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits named drivers (each held constant over the projected years) so that the model's path matches
 * the observations in a history in least squares on logarithms (equal weight to equal relative errors),
 * within each driver's allowed range, by Levenberg-Marquardt (Commons Math) with a central-difference
 * Jacobian. Standard errors come from the covariance (J^T J)^-1 scaled by the residual variance
 * RSS/(m - p). R^2 compares the residuals with each metric's own spread around its mean log.
 */
public final class Calibration {
    /** One observation matched, with the fitted value and the log residual ln(fitted) - ln(actual). */
    public record Residual(String metric, int year, double actual, double fitted, double logResidual) {
    }

    /**
     * @param atBound   whether each fitted value sits at an end of its allowed range (then it is not a fit)
     * @param converged false when the optimizer gave up
     * @param message   what came of the fit, in English
     * @param fit       the same as a kind, for a table to word it in its own language
     */
    public record Result(List<Driver> drivers, double[] values, double[] standardErrors, boolean[] atBound,
                         List<Residual> residuals, double r2, double rss, boolean converged, int evaluations,
                         String message, Fit fit) {
    }

    /** What came of a fit. */
    public enum Fit {
        /** No observation to fit on (the message says which years were looked at). */
        NO_OBSERVATIONS,
        /** The optimizer gave up (the message says why). */
        NOT_CONVERGED,
        /** Converged, with standard errors. */
        CONVERGED,
        /** Converged, but J^T J is singular: the observations do not identify the parameters. */
        NOT_IDENTIFIED,
        /** As many observations as parameters or fewer: an exact fit, no standard errors. */
        EXACT,
        /** A parameter sits at its bound (the last such one is named): not a fitted value. */
        PINNED;

        /** The dictionary key's end: {@code not.identified}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    private Calibration() {
    }

    /**
     * The observations a fit can use: used history figures of projected metrics in (base, horizon] and [from, to], not
     * of an assumed driver path (the exchange rate, {@link io.plansim.model.Variable#assumed}).
     */
    public static List<HistoryRecord> observations(CompiledScenario c, History history, int from, int to) {
        List<HistoryRecord> out = new ArrayList<>();
        int last = c.baseYear() + c.years() - 1;
        for (HistoryRecord r : history.records()) {
            if (r.used() && r.year() > c.baseYear() && r.year() <= last && r.year() >= from && r.year() <= to
                    && c.rowOf(r.metric()) >= 0 && r.value() > 0 && !r.metric().endsWith("_growth")
                    && !io.plansim.model.Variable.assumed(r.metric())) {
                out.add(r);
            }
        }
        return out;
    }

    public static Result fit(CompiledScenario c, List<Driver> drivers, History history, int from, int to) {
        List<HistoryRecord> obs = observations(c, history, from, to);
        int p = drivers.size();
        int m = obs.size();
        if (m == 0) {
            return new Result(drivers, new double[p], nan(p), new boolean[p], List.of(), Double.NaN, Double.NaN, false, 0,
                    "no observations of projected variables between " + from + " and " + to + " after the base year "
                            + c.baseYear(), Fit.NO_OBSERVATIONS);
        }
        int n = c.years();
        int[] at = new int[m];
        double[] logActual = new double[m];
        for (int i = 0; i < m; i++) {
            at[i] = c.rowOf(obs.get(i).metric()) * n + obs.get(i).year() - c.baseYear();
            logActual[i] = Math.log(obs.get(i).value());
        }
        double[] lower = new double[p];
        double[] upper = new double[p];
        double[] start = new double[p];
        for (int j = 0; j < p; j++) {
            lower[j] = drivers.get(j).min();
            upper[j] = drivers.get(j).max();
            start[j] = c.param(drivers.get(j), Math.min(1, n - 1));
        }
        double[] out = new double[c.rows() * n];
        double[] prm = new double[c.params().length];
        int last = c.baseYear() + n - 1;
        java.util.function.Function<double[], double[]> residuals = x -> {
            System.arraycopy(c.params(), 0, prm, 0, prm.length);
            for (int j = 0; j < p; j++) {
                DriverPaths.set(prm, drivers.get(j), c.baseYear(), last, c.baseYear(), n, x[j], io.plansim.scenario.DrawMode.REPLACE);
            }
            ProjectionKernel.project(c, prm, c.shocks(), out);
            double[] r = new double[m];
            for (int i = 0; i < m; i++) {
                r[i] = Math.log(out[at[i]]) - logActual[i];
            }
            return r;
        };
        MultivariateJacobianFunction model = point -> {
            double[] x = clamp(point.toArray(), lower, upper);
            double[] value = residuals.apply(x);
            RealMatrix jac = new Array2DRowRealMatrix(m, p);
            for (int j = 0; j < p; j++) {
                double h = 1e-6 * Math.max(1e-3, Math.abs(x[j]));
                double[] up = x.clone();
                double[] dn = x.clone();
                up[j] = Math.min(upper[j], x[j] + h);
                dn[j] = Math.max(lower[j], x[j] - h);
                double[] ru = residuals.apply(up);
                double[] rd = residuals.apply(dn);
                for (int i = 0; i < m; i++) {
                    jac.setEntry(i, j, (ru[i] - rd[i]) / (up[j] - dn[j]));
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false), jac);
        };
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(model)
                    .target(new double[m])
                    .start(start)
                    .parameterValidator(v -> new ArrayRealVector(clamp(v.toArray(), lower, upper), false))
                    .maxEvaluations(1000)
                    .maxIterations(1000)
                    .build());
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            return new Result(drivers, start, nan(p), new boolean[p], List.of(), Double.NaN, Double.NaN, false, 1000,
                    "the fit did not converge: " + e.getMessage(), Fit.NOT_CONVERGED);
        }
        double[] x = clamp(optimum.getPoint().toArray(), lower, upper);
        double[] r = residuals.apply(x);
        double rss = 0;
        for (double v : r) {
            rss += v * v;
        }
        double[] se = nan(p);
        String message = "converged";
        Fit fit = Fit.CONVERGED;
        if (m > p) {
            try {
                RealMatrix cov = optimum.getCovariances(1e-14);
                double s2 = rss / (m - p);
                for (int j = 0; j < p; j++) {
                    se[j] = Math.sqrt(cov.getEntry(j, j) * s2);
                }
            } catch (SingularMatrixException e) {
                message = "converged, but the parameters are not identified by these observations (singular J^T J)";
                fit = Fit.NOT_IDENTIFIED;
            }
        } else {
            message = "converged; " + m + " observations for " + p + " parameters: an exact fit has no standard errors";
            fit = Fit.EXACT;
        }
        boolean[] atBound = new boolean[p];
        for (int j = 0; j < p; j++) {
            double eps = 1e-9 * (upper[j] - lower[j]);
            atBound[j] = x[j] <= lower[j] + eps || x[j] >= upper[j] - eps;
            if (atBound[j]) {
                message = drivers.get(j).path() + " is pinned at its bound " + x[j] + ": not a fitted value";
                fit = Fit.PINNED;
            }
        }
        List<Residual> rows = new ArrayList<>();
        java.util.Map<String, double[]> byMetric = new java.util.HashMap<>();
        for (int i = 0; i < m; i++) {
            rows.add(new Residual(obs.get(i).metric(), obs.get(i).year(), obs.get(i).value(), Math.exp(logActual[i] + r[i]), r[i]));
            double[] acc = byMetric.computeIfAbsent(obs.get(i).metric(), k -> new double[3]);
            acc[0] += logActual[i];
            acc[1] += logActual[i] * logActual[i];
            acc[2] += 1;
        }
        double tss = 0;
        for (double[] acc : byMetric.values()) {
            tss += acc[1] - acc[0] * acc[0] / acc[2];
        }
        double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
        return new Result(drivers, x, se, atBound, rows, r2, rss, true, optimum.getEvaluations(), message, fit);
    }

    private static double[] clamp(double[] x, double[] lo, double[] hi) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.min(hi[j], Math.max(lo[j], y[j]));
        }
        return y;
    }

    private static double[] nan(int p) {
        double[] v = new double[p];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
