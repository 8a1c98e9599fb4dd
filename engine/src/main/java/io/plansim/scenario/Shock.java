package io.plansim.scenario;

/**
 * A one-off shock: multiplies the level of {@code variable} in {@code year} by (1 + size) on top of its
 * normal growth, and the shift persists (e.g. -0.04 on exports in 2022: 4% below where they would be).
 */
public record Shock(String name, String variable, int year, double size, String note) {
}
