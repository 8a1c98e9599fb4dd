package io.plansim.scenario;

/** How a satellite indicator moves. */
public enum SatelliteMode {
    /** S(t) = S(t-1) (1 + trend(t) + elasticity(t) g_link(t)). */
    GROWTH,
    /** S(t) = ratio(t) x link(t); the ratio defaults to the base-year ratio. */
    RATIO,
    /** S(t) = path(t), given directly (a share the plan steers, say). */
    PATH
}
