package io.plansim.distribution;

/** Uniform on [min, max]. */
public record Uniform(double min, double max) implements Distribution {
    public Uniform {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "uniform needs finite min < max: " + min + ", " + max);
    }

    public static Uniform of(double min, double max) {
        return new Uniform(min, max);
    }

    @Override
    public double inverseCdf(double u) {
        return min + u * (max - min);
    }

    @Override
    public double mean() {
        return (min + max) / 2;
    }

    @Override
    public String describe() {
        return "uniform(" + min + ", " + max + ")";
    }
}
