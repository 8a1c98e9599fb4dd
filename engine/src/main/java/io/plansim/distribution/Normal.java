package io.plansim.distribution;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Normal(mean, sd). */
public record Normal(double mean, double sd) implements Distribution {
    public Normal {
        Distribution.require(Double.isFinite(mean), "normal mean must be finite: " + mean);
        Distribution.require(sd > 0 && Double.isFinite(sd), "normal sd must be positive: " + sd);
    }

    public static Normal of(double mean, double sd) {
        return new Normal(mean, sd);
    }

    @Override
    public double inverseCdf(double u) {
        return mean + sd * StandardNormal.inverseCdf(u);
    }

    @Override
    public String describe() {
        return "normal(" + mean + ", " + sd + ")";
    }

    /** The standard normal of Commons Math, shared. */
    static final class StandardNormal {
        private static final NormalDistribution N = new NormalDistribution(null, 0, 1);

        static double inverseCdf(double u) {
            return N.inverseCumulativeProbability(u);
        }

        static double cdf(double x) {
            return N.cumulativeProbability(x);
        }

        private StandardNormal() {
        }
    }
}
