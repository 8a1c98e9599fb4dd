package io.plansim.verdict;

import io.plansim.target.Comparator;
import io.plansim.target.Target;
import io.plansim.target.TargetKind;

/**
 * How a central projection becomes a verdict. The margin is how far the outcome lies beyond the target's
 * threshold in the direction the target asks for (positive = met): relative to the threshold for levels,
 * shares and sums, in percentage points for growth and change targets.
 *
 * <ul>
 *   <li>on track: margin at least +2% (levels) or +0.3 points (rates);</li>
 *   <li>at risk: between -5% and +2% (levels), or -1 and +0.3 points (rates);</li>
 *   <li>off track: a shortfall beyond 5% (levels) or 1 point (rates).</li>
 * </ul>
 * With a Monte Carlo run the probability decides instead: on track when at least 2/3 of paths meet
 * the target ("likely" in the IPCC's calibrated language), at risk from 1/3 to 2/3, off track below 1/3.
 *
 * <p>Why these: a 2% cushion on a level is about one year of a 2-3% a-year miss on growth over a five-year
 * plan, small against Monte Carlo spreads; a 5% shortfall is more than a plan's typical annual growth
 * shortfall can recover in the last year.
 */
public final class VerdictRules {
    public static final double LEVEL_ON_TRACK = 0.02;
    public static final double LEVEL_OFF_TRACK = -0.05;
    public static final double RATE_ON_TRACK = 0.3;
    public static final double RATE_OFF_TRACK = -1.0;

    private VerdictRules() {
    }

    static boolean rateKind(Target t) {
        return t.kind() == TargetKind.GROWTH || t.kind() == TargetKind.CHANGE;
    }

    /** Signed distance of an outcome beyond the target (positive = met), relative or in points. */
    public static double margin(Target t, double outcome) {
        double scale = rateKind(t) ? 1.0 : Math.max(Math.abs(t.threshold()), 1e-12);
        return gap(t, outcome) / scale;
    }

    /**
     * The gap every output states: how far an outcome lies beyond the target's threshold in the direction
     * the target asks for, in the target's unit (percentage points for growth and change targets).
     * Positive: ahead by that much; negative: short by that much. For a ceiling (<=, a cut) being below is
     * ahead; for a range, the distance to the nearer end (negative outside the range).
     */
    public static double gap(Target t, double outcome) {
        if (t.comparator() == Comparator.BETWEEN) {
            return Math.min(outcome - t.value(), t.high() - outcome);
        }
        return t.upperBound() ? t.threshold() - outcome : outcome - t.threshold();
    }

    /** The gap relative to the threshold in %, for levels, shares and sums; NaN for rates (their gap is in points). */
    public static double gapPercent(Target t, double outcome) {
        return rateKind(t) ? Double.NaN : 100 * gap(t, outcome) / Math.max(Math.abs(t.threshold()), 1e-12);
    }

    public static final double LIKELY = 2.0 / 3;
    public static final double UNLIKELY = 1.0 / 3;

    public static Verdict fromProbability(double p) {
        return p >= LIKELY ? Verdict.ON_TRACK : p >= UNLIKELY ? Verdict.AT_RISK : Verdict.OFF_TRACK;
    }

    /**
     * How near a margin may come to a threshold and count as on it: the margin is computed in binary, so a central
     * 2.55 against a target of 2.5 is a margin of 1.999999999999993%, which printed as 2.0% and was judged below 2%.
     */
    static final double MARGIN_TOLERANCE = 1e-9;

    public static Verdict fromCentral(Target t, double outcome) {
        double m = margin(t, outcome);
        boolean rate = rateKind(t);
        if (m >= (rate ? RATE_ON_TRACK : LEVEL_ON_TRACK) - MARGIN_TOLERANCE && t.metBy(outcome)) {
            return Verdict.ON_TRACK;
        }
        if (m > (rate ? RATE_OFF_TRACK : LEVEL_OFF_TRACK) - MARGIN_TOLERANCE) {
            return Verdict.AT_RISK;
        }
        return Verdict.OFF_TRACK;
    }
}
