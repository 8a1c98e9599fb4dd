package io.plansim.verdict;

import io.plansim.target.Target;

/**
 * A target judged against one scenario.
 *
 * @param central        the central figure: the outcome on the deterministic central path (every parameter at its
 *                       stated value, no annual shocks or rare events), in the target's terms (NaN if not
 *                       projected); for a past target the actual. The same figure in targets, mc and the report.
 * @param gap            {@link VerdictRules#gap}: positive = ahead of the target by that much, negative = short by
 *                       that much, in the target's unit (points for growth and change targets)
 * @param gapPercent     gap relative to the target's threshold, in % (NaN for growth and change targets)
 * @param requiredGrowth annual growth in % needed from the latest actual to meet the target
 * @param scenarioGrowth annual growth in % the scenario delivers over the same years
 * @param fromYear       the year requiredGrowth starts from (the latest actual's year)
 * @param actual         the actual outcome when the target year is in the history, else NaN
 * @param actualMet      whether the actual met it (null when there is no actual)
 * @param unjudged       why a target is not evaluable, else null ({@link #reason()} in English)
 * @param probability    share of Monte Carlo paths that meet it, each judged against itself (NaN without a run)
 * @param ciLow          Wilson 95% interval of that share, lower end
 * @param ciHigh         upper end
 * @param standardError  Monte Carlo standard error of the share
 */
public record TargetVerdict(Target target, double central, double gap, double gapPercent, double requiredGrowth,
                            double scenarioGrowth, int fromYear, double actual, Boolean actualMet, Verdict verdict,
                            Unjudged unjudged, double probability, double ciLow, double ciHigh, double standardError) {

    public TargetVerdict(Target target, double central, double gap, double gapPercent, double requiredGrowth,
                         double scenarioGrowth, int fromYear, double actual, Boolean actualMet, Verdict verdict,
                         Unjudged unjudged) {
        this(target, central, gap, gapPercent, requiredGrowth, scenarioGrowth, fromYear, actual, actualMet, verdict, unjudged,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A past target's verdict with the probability of the known outcome: 1 if the actual met it, else 0. */
    public TargetVerdict withKnownOutcome() {
        double p = Boolean.TRUE.equals(actualMet) ? 1 : 0;
        return new TargetVerdict(target, central, gap, gapPercent, requiredGrowth, scenarioGrowth, fromYear, actual,
                actualMet, verdict, unjudged, p, p, p, 0);
    }

    /** This verdict with a Monte Carlo probability; the verdict follows the probability (VerdictRules). */
    public TargetVerdict withProbability(double p, double low, double high, double se) {
        return new TargetVerdict(target, central, gap, gapPercent, requiredGrowth, scenarioGrowth, fromYear, actual,
                actualMet, VerdictRules.fromProbability(p), unjudged, p, low, high, se);
    }

    /** Why the target is not evaluable, in English (as the JSON says it); null when it is. */
    public String reason() {
        return unjudged == null ? null : unjudged.text();
    }
}
