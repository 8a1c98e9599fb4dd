package io.plansim.runner;

/** How the once-per-path parameter draws are spread over the unit hypercube. */
public enum Sampler {
    /** Independent uniforms from the block's own random stream. */
    MC,
    /** Latin hypercube: each of the N strata of every dimension is hit exactly once, jittered within. */
    LHS,
    /** Sobol quasi-random points (Commons Math), randomly shifted per seed (Cranley-Patterson). */
    SOBOL
}
