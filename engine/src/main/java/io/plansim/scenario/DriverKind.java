package io.plansim.scenario;

/** What sort of number a driver holds; decides its sanity bounds and how a mistake is explained. */
public enum DriverKind {
    /** An annual growth rate as a fraction (0.05 = 5% a year). */
    RATE,
    /** A share or probability-like fraction in [0, 1]. */
    FRACTION,
    /** A positive level in the driver's unit. */
    LEVEL,
    /** A unitless elasticity or pass-through coefficient. */
    ELASTICITY
}
