package io.plansim.model;

/**
 * What a projected series is: a stable snake_case id (used in JSON, targets and {@code metric@year}),
 * English and Chinese names, unit and price basis.
 */
public record VariableInfo(String id, String name, String nameZh, String unit, Basis basis) {
}
