package io.plansim.scenario;

/**
 * A one-off shock: adds {@code size} to the growth of {@code variable} in {@code year}, so the level
 * shifts by that fraction and the shift persists (e.g. -0.04 on exports in 2022).
 */
public record Shock(String name, String variable, int year, double size, String note) {
}
