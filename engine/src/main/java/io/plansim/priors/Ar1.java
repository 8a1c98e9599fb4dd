package io.plansim.priors;

/**
 * Estimates of the annual log shock e(t) = rho e(t-1) + sd z(t) (docs/MODEL.md, "Annual shocks") from a series
 * of log growth rates, whose deviations from their mean are that shock. Two cases:
 * <ul>
 *   <li>{@link #fit(double[])}: consecutive years. Least squares of x(t) on x(t-1) (x the demeaned growth
 *   rates) with Kendall's bias correction rho + (1 + 3 rho)/n, sd the residual standard deviation with n - 3
 *   degrees of freedom; standard errors
 *   se(rho) = sd / sqrt(sum x(t-1)^2) (the regression's) and se(sd) = sd / sqrt(2 df) (normal innovations).</li>
 *   <li>{@link #fitIntervals(int[], double[], double)}: levels observed with gaps (a region's history). Each
 *   interval of k years gives an annualised growth rate whose variance under a stationary AR(1) is
 *   sd^2 c(k, rho) / (k^2 (1 - rho^2)), c(k, rho) = k + 2 sum_{j<k} (k - j) rho^j, and neighbouring intervals
 *   are correlated; with rho given (the panel's: gaps cannot identify it) the weighted sum of squared deviations
 *   has a known expectation ({@link #fitRates}), which makes the estimate unbiased.</li>
 * </ul>
 */
public final class Ar1 {
    private Ar1() {
    }

    /** An estimate: innovation sd and persistence with their standard errors, from {@code n} growth rates. */
    public record Fit(double sd, double sdSe, double persistence, double persistenceSe, int n) {
        /** Standard error of ln sd, 1 / sqrt(2 df): the scale on which estimates are shrunk. */
        public double logSdSe() {
            return sdSe / sd;
        }
    }

    /** AR(1) by least squares on consecutive growth rates {@code g} (at least 4). */
    public static Fit fit(double[] g) {
        int n = g.length;
        if (n < 4) {
            throw new IllegalArgumentException("an AR(1) fit needs at least 4 consecutive growth rates, got " + n);
        }
        double mean = 0;
        for (double x : g) {
            mean += x;
        }
        mean /= n;
        double sxx = 0;
        double sxy = 0;
        for (int t = 1; t < n; t++) {
            double prev = g[t - 1] - mean;
            sxx += prev * prev;
            sxy += prev * (g[t] - mean);
        }
        double ols = sxx > 0 ? sxy / sxx : 0;
        // least squares with an estimated mean is biased towards 0 by about (1 + 3 rho) / n (Kendall 1954): corrected
        double rho = Math.max(-0.99, Math.min(0.99, ols + (1 + 3 * ols) / n));
        double ss = 0;
        for (int t = 1; t < n; t++) {
            double u = g[t] - mean - rho * (g[t - 1] - mean);
            ss += u * u;
        }
        int df = n - 1 - 2; // n - 1 pairs, two estimated coefficients (the mean and rho)
        double sd = Math.sqrt(ss / df);
        return new Fit(sd, sd / Math.sqrt(2.0 * df), rho, sxx > 0 ? sd / Math.sqrt(sxx) : Double.NaN, n);
    }

    /**
     * The innovation sd from levels observed in the given (increasing) years, with persistence {@code rho}
     * taken as known; {@code persistenceSe} is NaN and {@code n} is the number of intervals. Needs 3 or more
     * levels (2 or more intervals).
     */
    public static Fit fitIntervals(int[] years, double[] levels, double rho) {
        int m = years.length - 1;
        if (m < 2) {
            throw new IllegalArgumentException("an interval fit needs at least 3 observed levels, got " + years.length);
        }
        int[] start = new int[m];
        int[] end = new int[m];
        double[] rate = new double[m];
        for (int i = 0; i < m; i++) {
            if (years[i + 1] <= years[i] || !(levels[i] > 0) || !(levels[i + 1] > 0)) {
                throw new IllegalArgumentException("years must increase and levels be positive: " + years[i] + " " + levels[i]
                        + ", " + years[i + 1] + " " + levels[i + 1]);
            }
            start[i] = years[i];
            end[i] = years[i + 1];
            rate[i] = Math.log(levels[i + 1] / levels[i]) / (end[i] - start[i]);
        }
        return fitRates(start, end, rate, rho);
    }

    /**
     * The innovation sd from annualised growth rates over the years (start, end] of each, with persistence
     * {@code rho} taken as known. Q = sum w_i (r_i - weighted mean)^2 with w_i the inverse of each rate's variance;
     * its expectation under a stationary AR(1), V [sum w_i S_ii - sum w_i w_j S_ij / sum w], follows from the
     * correlations S_ij of the rates (overlapping or neighbouring years are correlated), so Q over that bracket is an
     * unbiased estimate of the long-run variance V = sd^2 / (1 - rho^2). Annual rates in scattered years are
     * intervals of one year. Standard error with m - 1 degrees of freedom.
     */
    public static Fit fitRates(int[] start, int[] end, double[] rate, double rho) {
        int m = rate.length;
        if (m < 2) {
            throw new IllegalArgumentException("needs at least 2 growth rates, got " + m);
        }
        double[][] corr = new double[m][m]; // covariance of the rates in units of V
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double c = 0;
                for (int s = start[i] + 1; s <= end[i]; s++) {
                    for (int t = start[j] + 1; t <= end[j]; t++) {
                        c += Math.pow(rho, Math.abs(s - t));
                    }
                }
                corr[i][j] = c / ((double) (end[i] - start[i]) * (end[j] - start[j]));
            }
        }
        double[] w = new double[m];
        double wsum = 0;
        double mean = 0;
        for (int i = 0; i < m; i++) {
            w[i] = 1 / corr[i][i];
            wsum += w[i];
            mean += w[i] * rate[i];
        }
        mean /= wsum;
        double q = 0;
        double expect = 0;
        for (int i = 0; i < m; i++) {
            q += w[i] * (rate[i] - mean) * (rate[i] - mean);
            expect += w[i] * corr[i][i];
            for (int j = 0; j < m; j++) {
                expect -= w[i] * w[j] * corr[i][j] / wsum;
            }
        }
        double sd = Math.sqrt(q / expect * (1 - rho * rho));
        return new Fit(sd, sd / Math.sqrt(2.0 * (m - 1)), rho, Double.NaN, m);
    }
}
