package io.plansim.analysis;

import io.plansim.aggregate.PathTargets;
import io.plansim.aggregate.TargetShares;
import io.plansim.compile.CompiledScenario;
import io.plansim.kernel.ProjectionKernel;
import io.plansim.runner.McOptions;
import io.plansim.runner.DrawCache;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.RunControl;
import io.plansim.target.Comparator;
import io.plansim.target.History;
import io.plansim.target.Target;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/**
 * "What would it take?": the value of one driver at which a target's central projection is exactly met,
 * or at which the target is met on a chosen share of Monte Carlo paths. Brent's bracketing root finder
 * (Commons Math) searches the driver's allowed range; every Monte Carlo evaluation uses the same seed
 * (common random numbers), so the probability moves only because the driver moves. The evaluations after the
 * first read the first one's random inputs instead of drawing them again ({@link DrawCache}, up to
 * {@link #DRAWS_BYTES}: bit for bit the same runs) and count the one target only ({@link TargetShares}).
 */
public final class RequiredDriverSolver {
    /** Evaluations Brent's method may take before the search gives up. */
    public static final int MAX_EVALUATIONS = 100;
    /** The random inputs kept between a search's runs: 10,000 Yiwu paths take 32 MB, 100,000 take 320 MB (not kept). */
    static final long DRAWS_BYTES = 128L << 20;

    private RequiredDriverSolver() {
    }

    /** The driver value at which the central path's outcome equals the target's threshold. */
    public static SolveResult central(CompiledScenario c, Target t, History history, DriverSetting knob, double low, double high) {
        PathTargets one = PathTargets.of(c, List.of(t), history);
        if (one.size() == 0) {
            throw new IllegalArgumentException("target " + t.id() + " cannot be judged on a projection of " + c.runId()
                    + " (its year is not projected or its metric is not)");
        }
        double[] out = new double[c.rows() * c.years()];
        double[] params = new double[c.params().length];
        DoubleUnaryOperator outcome = x -> {
            System.arraycopy(c.params(), 0, params, 0, params.length);
            knob.write(c, params, x);
            ProjectionKernel.project(c, params, c.shocks(), out);
            return one.outcome(0, out);
        };
        double threshold = t.comparator() == Comparator.BETWEEN ? t.value() : t.threshold();
        return solve(x -> outcome.applyAsDouble(x) - threshold, low, high, 1e-10, "the central " + t.metric()
                + " outcome", threshold, outcome, x -> t.metBy(outcome.applyAsDouble(x)));
    }

    /**
     * The driver value at which a share {@code probability} of paths meets the target, every run on {@code executor}
     * (the host's pool: the command line's --threads, the server's workers).
     */
    public static SolveResult probability(CompiledScenario c, Target t, History history, DriverSetting knob, double low,
                                          double high, double probability, McOptions o, ExecutorService executor) {
        PathTargets one = PathTargets.of(c, List.of(t), history);
        if (one.size() == 0) {
            throw new IllegalArgumentException("target " + t.id() + " cannot be judged on a projection of " + c.runId());
        }
        RunControl control = RunControl.on(executor).withDraws(DrawCache.of(DRAWS_BYTES));
        DoubleUnaryOperator share = x -> {
            TargetShares counts = TargetShares.of(one);
            MonteCarloRunner.run(knob.apply(c, x), o, counts, control);
            return counts.probability(0);
        };
        // a probability moves in steps of 1/N: stop once the bracket is narrower than the driver needs
        return solve(x -> share.applyAsDouble(x) - probability, low, high, 1e-7 * Math.max(1, Math.abs(high - low)),
                "the share of paths meeting it", probability, share, x -> share.applyAsDouble(x) >= probability);
    }

    private static SolveResult solve(DoubleUnaryOperator f, double low, double high, double accuracy, String what,
                                     double wanted, DoubleUnaryOperator level, java.util.function.DoublePredicate met) {
        double fl = f.applyAsDouble(low);
        double fh = f.applyAsDouble(high);
        if (Double.isNaN(fl) || Double.isNaN(fh)) {
            return new SolveResult(false, Double.NaN, low, high, fl + wanted, fh + wanted, 2, Double.NaN,
                    "the model gives no number at an end of the range [" + low + ", " + high + "]", SolveResult.Outcome.NO_NUMBER, wanted);
        }
        if (fl == 0) {
            return new SolveResult(true, low, low, high, fl + wanted, fh + wanted, 2, wanted, "met exactly at the lower end",
                    SolveResult.Outcome.AT_LOWER_END, wanted);
        }
        if (Math.signum(fl) == Math.signum(fh) && met.test(low) && met.test(high)) {
            return new SolveResult(false, Double.NaN, low, high, fl + wanted, fh + wanted, 4, Double.NaN,
                    "met for every value in [" + low + ", " + high + "]: " + what + " runs from " + SolveResult.shown(fl + wanted) + " to "
                            + SolveResult.shown(fh + wanted) + ", and " + SolveResult.shown(wanted) + " is needed; the driver does not bind this target",
                    SolveResult.Outcome.MET_EVERYWHERE, wanted);
        }
        if (Math.signum(fl) == Math.signum(fh)) {
            return new SolveResult(false, Double.NaN, low, high, fl + wanted, fh + wanted, 2, Double.NaN,
                    "no value in [" + low + ", " + high + "] reaches the target: " + what + " runs from "
                            + SolveResult.shown(fl + wanted) + " to " + SolveResult.shown(fh + wanted) + ", and " + SolveResult.shown(wanted) + " is needed",
                    SolveResult.Outcome.NEVER_MET, wanted);
        }
        BrentSolver brent = new BrentSolver(1e-14, accuracy, 1e-14);
        try {
            double x = brent.solve(MAX_EVALUATIONS, f::applyAsDouble, low, high);
            return new SolveResult(true, x, low, high, fl + wanted, fh + wanted, brent.getEvaluations() + 2,
                    level.applyAsDouble(x), "found", SolveResult.Outcome.FOUND, wanted);
        } catch (TooManyEvaluationsException e) {
            return new SolveResult(false, Double.NaN, low, high, fl + wanted, fh + wanted, MAX_EVALUATIONS + 2, Double.NaN,
                    "Brent's method did not converge in " + MAX_EVALUATIONS + " evaluations", SolveResult.Outcome.NOT_CONVERGED, wanted);
        }
    }
}
