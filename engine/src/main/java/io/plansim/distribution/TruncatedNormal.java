package io.plansim.distribution;

/** Normal(mean, sd) restricted to [min, max], drawn by inverting the CDF within the truncation. */
public record TruncatedNormal(double mean, double sd, double min, double max) implements Distribution {
    public TruncatedNormal {
        Distribution.require(Double.isFinite(mean), "truncated normal mean must be finite: " + mean);
        Distribution.require(sd > 0 && Double.isFinite(sd), "truncated normal sd must be positive: " + sd);
        Distribution.require(min < max, "truncated normal needs min < max: " + min + " >= " + max);
        Distribution.require(Normal.StandardNormal.cdf((max - mean) / sd) - Normal.StandardNormal.cdf((min - mean) / sd) > 1e-12,
                "truncated normal bounds [" + min + ", " + max + "] hold no probability for normal(" + mean + ", " + sd + ")");
    }

    public static TruncatedNormal of(double mean, double sd, double min, double max) {
        return new TruncatedNormal(mean, sd, min, max);
    }

    @Override
    public double inverseCdf(double u) {
        double lo = Normal.StandardNormal.cdf((min - mean) / sd); // two erf evaluations: cheap next to the inverse
        double hi = Normal.StandardNormal.cdf((max - mean) / sd);
        double x = mean + sd * Normal.StandardNormal.inverseCdf(lo + u * (hi - lo));
        return Math.min(max, Math.max(min, x));
    }

    @Override
    public String describe() {
        return "truncnormal(" + mean + ", " + sd + ", " + min + ", " + max + ")";
    }
}
