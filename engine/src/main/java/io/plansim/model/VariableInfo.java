package io.plansim.model;

/**
 * What a projected series is: a stable snake_case id (used in JSON, targets and {@code metric@year}),
 * English and Chinese names, unit and price basis.
 */
public record VariableInfo(String id, String name, String nameZh, String unit, Basis basis) {
    /**
     * The unit of the growth-accounting contributions: 100 x a log difference (docs/MODEL.md), which add up to 100
     * ln(Y(t)/Y(t-1)) exactly and not to the growth rate in %, so they are not percentage points (pp, as they were
     * labelled until session 10: 6.23 in all against 6.42% of growth in 2021).
     */
    public static final String LOG_POINTS = "对数百分点";

    /** A rate of change (a growth rate, a contribution in log points) may be negative; every other variable is a level. */
    public boolean mayBeNegative() {
        return id.endsWith("_growth") || unit.equals(LOG_POINTS);
    }

    /** A change from the year before (a growth-accounting contribution), which has no base-year value. */
    public boolean changeFromYearBefore() {
        return unit.equals(LOG_POINTS);
    }
}
