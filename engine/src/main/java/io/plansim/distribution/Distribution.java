package io.plansim.distribution;

/**
 * A univariate distribution for a parameter drawn once per path. Draws go through the inverse CDF, so
 * the same distribution serves plain Monte Carlo, Latin hypercube and Sobol points (each supplies the
 * uniform). Instances are immutable and validated when built: a bad parameter fails with a message that
 * shows the value.
 */
public sealed interface Distribution
        permits Normal, TruncatedNormal, LogNormal, Uniform, Triangular, Pert {

    /** The value whose CDF is {@code u}, for u in (0, 1). */
    double inverseCdf(double u);

    double mean();

    /** Short text such as "triangular(0.005, 0.015, 0.025)". */
    String describe();

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
