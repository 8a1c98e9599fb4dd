package io.plansim.target;

/** What a plan target measures on a path. */
public enum TargetKind {
    /** The value in the target year (GDP 2035 > 4000亿元). */
    LEVEL,
    /** Average annual growth in % from {@code from} to the target year (compound). */
    GROWTH,
    /** % change in the target year against the same path's value in {@code from} (-16% intensity, +100% doubling). */
    CHANGE,
    /** A share in % in the target year (tertiary share, R&D share of GDP). */
    SHARE,
    /** The sum over {@code from}..year (new urban jobs 2016-2020). */
    CUMULATIVE
}
