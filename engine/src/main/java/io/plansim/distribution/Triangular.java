package io.plansim.distribution;

/** Triangular(min, mode, max), as Commons Math defines it (a test checks the closed form against it). */
public record Triangular(double min, double mode, double max) implements Distribution {
    public Triangular {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "triangular needs finite min < max: " + min + ", " + max);
        Distribution.require(mode >= min && mode <= max, "triangular mode must lie in [min, max]: " + mode);
    }

    public static Triangular of(double min, double mode, double max) {
        return new Triangular(min, mode, max);
    }

    /** The closed form (as Commons Math's TriangularDistribution computes it), without an object per draw. */
    @Override
    public double inverseCdf(double u) {
        double c = (mode - min) / (max - min);
        return u < c ? min + Math.sqrt(u * (max - min) * (mode - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
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
