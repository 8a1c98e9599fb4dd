package io.plansim.distribution;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * PERT(min, mode, max): a Beta distribution scaled to [min, max] with shape a = 1 + 4 (mode-min)/(max-min),
 * b = 1 + 4 (max-mode)/(max-min), the form @RISK uses; its mean is (min + 4 mode + max)/6.
 */
public record Pert(double min, double mode, double max) implements Distribution {
    public Pert {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "pert needs finite min < max: " + min + ", " + max);
        Distribution.require(mode >= min && mode <= max, "pert mode must lie in [min, max]: " + mode);
    }

    public static Pert of(double min, double mode, double max) {
        return new Pert(min, mode, max);
    }

    @Override
    public double inverseCdf(double u) {
        double range = max - min;
        BetaDistribution beta = new BetaDistribution(null, 1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range);
        return min + range * beta.inverseCumulativeProbability(u);
    }

    @Override
    public double mean() {
        return (min + 4 * mode + max) / 6;
    }

    @Override
    public String describe() {
        return "pert(" + min + ", " + mode + ", " + max + ")";
    }
}
