package io.plansim.model;

/** Price basis of a figure: plan level targets are in current prices, growth targets at constant prices. */
public enum Basis {
    /** Current prices (当年价). */
    NOMINAL,
    /** Constant prices of the scenario's base year (不变价). */
    REAL,
    /** Physical quantities, shares, rates, counts, indices: no price basis. */
    NONE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
