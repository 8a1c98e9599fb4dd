package io.plansim.distribution;

import org.apache.commons.math3.distribution.TriangularDistribution;

/** Triangular(min, mode, max), as Commons Math defines it. */
public record Triangular(double min, double mode, double max) implements Distribution {
    public Triangular {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "triangular needs finite min < max: " + min + ", " + max);
        Distribution.require(mode >= min && mode <= max, "triangular mode must lie in [min, max]: " + mode);
    }

    public static Triangular of(double min, double mode, double max) {
        return new Triangular(min, mode, max);
    }

    @Override
    public double inverseCdf(double u) {
        return new TriangularDistribution(null, min, mode, max).inverseCumulativeProbability(u);
    }

    @Override
    public double mean() {
        return (min + mode + max) / 3;
    }

    @Override
    public String describe() {
        return "triangular(" + min + ", " + mode + ", " + max + ")";
    }
}
