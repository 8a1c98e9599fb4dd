package io.plansim.verdict;

import io.plansim.target.Target;

/**
 * A target judged against one scenario.
 *
 * @param central        the outcome on the central path, in the target's terms (NaN if not projected)
 * @param gap            central minus the target value, in the target's unit (or points)
 * @param gapPercent     gap relative to the target value, in %
 * @param requiredGrowth annual growth in % needed from the latest actual to meet the target
 * @param scenarioGrowth annual growth in % the scenario delivers over the same years
 * @param fromYear       the year requiredGrowth starts from (the latest actual's year)
 * @param actual         the actual outcome when the target year is in the history, else NaN
 * @param actualMet      whether the actual met it (null when there is no actual)
 * @param reason         why a target is not evaluable, else null
 */
public record TargetVerdict(Target target, double central, double gap, double gapPercent, double requiredGrowth,
                            double scenarioGrowth, int fromYear, double actual, Boolean actualMet, Verdict verdict,
                            String reason) {
}
