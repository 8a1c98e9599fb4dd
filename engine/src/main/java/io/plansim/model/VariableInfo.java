package io.plansim.model;

/**
 * What a projected series is: a stable snake_case id (used in JSON, targets and {@code metric@year}),
 * English and Chinese names, unit and price basis.
 */
public record VariableInfo(String id, String name, String nameZh, String unit, Basis basis) {
    /** A rate of change (a growth rate, a contribution in pp) may be negative; every other variable is a level. */
    public boolean mayBeNegative() {
        return id.endsWith("_growth") || unit.equals("pp");
    }
}
