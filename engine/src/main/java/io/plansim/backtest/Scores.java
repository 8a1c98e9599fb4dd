package io.plansim.backtest;

import java.util.function.DoubleUnaryOperator;

/** Forecast scores: the continuous ranked probability score and interval coverage. */
public final class Scores {
    /** Quantile levels used to integrate the CRPS: midpoints of 1000 equal slices of (0, 1). */
    public static final int LEVELS = 1000;

    /** N(0, 1) without a random generator: constructing one per call (seeding a WELL generator) was the evaluation's largest cost. */
    private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD_NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

    private Scores() {
    }

    /**
     * CRPS of a forecast given by its quantile function, for the outcome y: the integral over levels tau
     * of twice the quantile (pinball) loss, CRPS = 2 int_0^1 (1{y < q(tau)} - tau)(q(tau) - y) dtau,
     * by the midpoint rule. Equal to E|X - y| - E|X - X'|/2 for X, X' drawn from the forecast.
     */
    public static double crps(DoubleUnaryOperator quantile, double y) {
        double sum = 0;
        for (int k = 0; k < LEVELS; k++) {
            double tau = (k + 0.5) / LEVELS;
            double q = quantile.applyAsDouble(tau);
            sum += ((y < q ? 1 : 0) - tau) * (q - y);
        }
        return 2 * sum / LEVELS;
    }

    /** Closed form of the CRPS of a normal forecast N(mu, sigma^2) (Gneiting and Raftery 2007). */
    public static double crpsNormal(double mu, double sigma, double y) {
        double z = (y - mu) / sigma;
        double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double cdf = STANDARD_NORMAL.cumulativeProbability(z);
        return sigma * (z * (2 * cdf - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
    }

    /**
     * CRPS of an ensemble forecast (m equally likely draws, sorted ascending) for the outcome y:
     * E|X - y| - E|X - X'|/2 over the ensemble's empirical distribution, computed in O(m) from the sorted draws
     * as (1/m) sum |x_i - y| - (1/m^2) sum_i (2i - m - 1) x_i (i = 1..m).
     */
    public static double crpsEnsemble(double[] sorted, double y) {
        int m = sorted.length;
        double spread = 0;
        double miss = 0;
        for (int i = 0; i < m; i++) {
            miss += Math.abs(sorted[i] - y);
            spread += (2.0 * (i + 1) - m - 1) * sorted[i];
        }
        return miss / m - spread / ((double) m * m);
    }

    /** Whether y lies in the central interval of the given coverage (0.5: between the 25th and 75th percentile). */
    public static boolean covered(DoubleUnaryOperator quantile, double coverage, double y) {
        double tail = (1 - coverage) / 2;
        return y >= quantile.applyAsDouble(tail) && y <= quantile.applyAsDouble(1 - tail);
    }
}
