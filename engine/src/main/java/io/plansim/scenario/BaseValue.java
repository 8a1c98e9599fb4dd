package io.plansim.scenario;

/** A base-year figure with its unit and source. */
public record BaseValue(double value, String unit, Source source) {
}
