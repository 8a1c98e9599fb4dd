package io.plansim.verdict;

/** The judgement on one target. Thresholds are in {@link VerdictRules} and docs/TARGETS.md. */
public enum Verdict {
    /** The actual figure met the target. */
    MET("met"),
    /** The actual figure missed the target. */
    MISSED("missed"),
    /** The central path meets it with room to spare (or, under Monte Carlo, most paths do). */
    ON_TRACK("on track"),
    /** The central path meets it narrowly or misses narrowly. */
    AT_RISK("at risk"),
    /** The central path misses it clearly. */
    OFF_TRACK("off track"),
    /** Nothing to judge it on: the year is outside the projection and no actual is recorded. */
    NOT_EVALUABLE("not evaluable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
