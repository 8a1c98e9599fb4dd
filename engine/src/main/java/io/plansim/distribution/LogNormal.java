package io.plansim.distribution;

/** exp(Normal(mu, sigma)): mu and sigma are the mean and sd of the logarithm. */
public record LogNormal(double mu, double sigma) implements Distribution {
    public LogNormal {
        Distribution.require(Double.isFinite(mu), "lognormal mu must be finite: " + mu);
        Distribution.require(sigma > 0 && Double.isFinite(sigma), "lognormal sigma must be positive: " + sigma);
    }

    public static LogNormal of(double mu, double sigma) {
        return new LogNormal(mu, sigma);
    }

    @Override
    public double inverseCdf(double u) {
        return Math.exp(mu + sigma * Normal.StandardNormal.inverseCdf(u));
    }

    @Override
    public double mean() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    @Override
    public String describe() {
        return "lognormal(" + mu + ", " + sigma + ")";
    }
}
