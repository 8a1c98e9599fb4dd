package io.plansim.verdict;

import java.util.Locale;

/**
 * Why a target cannot be judged: the kind of reason and what it names, so that a table words it in the reader's
 * language (the reports' dictionary, {@code reason.<key>} with the metric as {0} and the year as {1});
 * {@link #text()} is its English, as the JSON carries it.
 *
 * @param metric the target's metric
 * @param year   the base year ({@link Why#PAST_WITHOUT_ACTUAL}), the year the target is measured from
 *               ({@link Why#NO_START}, {@link Why#NO_REAL_START}), else the target's year
 */
public record Unjudged(Why why, String metric, int year) {
    public enum Why {
        /** The target year is not after the base year and the history has no actual for it. */
        PAST_WITHOUT_ACTUAL,
        /** The scenario does not project the target's metric. */
        NOT_PROJECTED,
        /** The target year is after the scenario's horizon. */
        AFTER_HORIZON,
        /** The history has no actual of the year the target is measured from. */
        NO_START,
        /** The history has that year's actual at current prices only, which cannot stand behind a constant-price path. */
        NO_REAL_START;

        /** The dictionary key's end: {@code past.without.actual}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    public Unjudged {
        if (why == null || metric == null) {
            throw new IllegalArgumentException("a reason needs its kind and metric, got " + why + " and " + metric);
        }
    }

    /** The reason in English. */
    public String text() {
        return switch (why) {
            case PAST_WITHOUT_ACTUAL -> "the target year is not after the base year " + year + " and the history has no actual "
                    + metric + " for it";
            case NOT_PROJECTED -> "the scenario does not project " + metric;
            case AFTER_HORIZON -> "the target year is after the scenario's horizon";
            case NO_START -> "the history has no actual " + metric + " for " + year + ", which the target is measured from";
            case NO_REAL_START -> "the history has no actual " + metric + " for " + year + " at constant prices (only one at "
                    + "current prices, which cannot stand behind a path at constant prices), which the target is measured from";
        };
    }
}
