package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.target.Comparator;
import io.plansim.target.Target;
import io.plansim.target.TargetKind;
import io.plansim.verdict.TargetVerdict;
import java.util.List;

/**
 * The distribution of one variable in one year, read off the Monte Carlo percentiles at many levels q
 * (McResult.quantile works for any q): the points of its cumulative distribution function. When the
 * scenario has a level target on that variable and year (GDP above 4000亿元 in 2035), the curve carries
 * it with the share of paths that meet it.
 *
 * @param q           levels, increasing, in (0, 1)
 * @param value       the quantile at each level, in the variable's unit
 * @param target      the level target marked on the chart, or null
 * @param probability share of paths meeting that target (NaN without one)
 */
public record QuantileCurve(String metric, int year, double[] q, double[] value, Target target, double probability) {
    /** 0.001, then 0.005, 0.01, ..., 0.995, then 0.999: the tails a little further out. */
    static final double[] LEVELS = levels();

    private static double[] levels() {
        double[] q = new double[201];
        q[0] = 0.001;
        for (int i = 1; i < q.length - 1; i++) {
            q[i] = i / 200.0;
        }
        q[q.length - 1] = 0.999;
        return q;
    }

    /** The curve of {@code metric} in {@code year}, or null when the run does not have it. */
    static QuantileCurve of(McResult mc, List<TargetVerdict> verdicts, String metric, int year) {
        int v = mc.variableIndex(metric);
        int t = year - mc.years()[0];
        if (v < 0 || t < 0 || t >= mc.years().length) {
            return null;
        }
        double[] value = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            value[i] = mc.quantile(v, t, LEVELS[i]);
        }
        Target target = null;
        double p = Double.NaN;
        for (TargetVerdict tv : verdicts) {
            Target x = tv.target();
            if (x.metric().equals(metric) && x.year() == year && x.kind() == TargetKind.LEVEL
                    && x.comparator() != Comparator.BETWEEN && Double.isFinite(tv.probability())) {
                target = x;
                p = tv.probability();
                break;
            }
        }
        return new QuantileCurve(metric, year, LEVELS.clone(), value, target, p);
    }
}
