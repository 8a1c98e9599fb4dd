package io.plansim.evaluation;

/**
 * A growth path's median fitted on a panel horizon by horizon: for every horizon h, the mean annual log growth over
 * the next h years regressed (ordinary least squares) on the last {@link #RECENT} year's growth and the last
 * decade's mean, y_h = a_h + b_h recent + c_h decade. The latest growth predicts the next years (population moves
 * slowly), the decade the longer run with regression towards the panel mean; the fit lets the data weigh them at
 * each horizon instead of a rule that carries one of them at every horizon.
 *
 * <p>The path of annual growth rates is the difference of cumulative predictions: g_1 = yhat_1, g_h = h yhat_h -
 * (h - 1) yhat_(h-1).
 *
 * @param coefficients per horizon h (index h - 1): {a_h, b_h, c_h}
 * @param pairs        per horizon, the (economy, anchor) pairs fitted on
 * @param variance     per horizon, the residual variance of the cumulative log change h y_h (h^2 times that of y_h,
 *                     with n - 3 degrees of freedom): how far the outcome strays from the path by horizon
 */
public record HorizonRegression(double[][] coefficients, int[] pairs, double[] variance) {
    /**
     * Years of the recent drift: the last year's growth (population CRPS 0.0017 at one year and 0.0484 at 15 on PWT
     * 9.1, against 0.0024 and 0.0508 with the last five years' mean; docs/EVALUATION.md).
     */
    public static final int RECENT = 1;

    public HorizonRegression {
        if (coefficients.length == 0 || coefficients.length != pairs.length || variance.length != pairs.length) {
            throw new IllegalArgumentException("horizon regression: " + coefficients.length + " horizons of coefficients, "
                    + pairs.length + " of pair counts: need at least one, as many of each");
        }
        for (int h = 0; h < coefficients.length; h++) {
            if (coefficients[h].length != 3 || pairs[h] < GrowthPrior.MIN_PAIRS || !(variance[h] >= 0)) {
                throw new IllegalArgumentException("horizon " + (h + 1) + ": " + coefficients[h].length + " coefficients on "
                        + pairs[h] + " pairs: need 3 on at least " + GrowthPrior.MIN_PAIRS);
            }
            for (double c : coefficients[h]) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("horizon " + (h + 1) + ": coefficient " + c + " is not finite");
                }
            }
        }
    }

    /** Horizons fitted. */
    public int horizons() {
        return coefficients.length;
    }

    /** The annual log growth rates of years 1..horizons() after the origin, for an economy's recent and decade means. */
    public double[] path(double recent, double decade) {
        double[] g = new double[coefficients.length];
        double before = 0;
        for (int h = 1; h <= g.length; h++) {
            double[] c = coefficients[h - 1];
            double cumulative = h * (c[0] + c[1] * recent + c[2] * decade);
            g[h - 1] = cumulative - before;
            before = cumulative;
        }
        return g;
    }

    /**
     * Fits one horizon's regression on n triples (recent_i, decade_i, y_i).
     *
     * @return {a, b, c, residual variance of y (n - 3 degrees of freedom)}, or null with fewer than
     *         {@link GrowthPrior#MIN_PAIRS} pairs or collinear regressors
     */
    public static double[] fitHorizon(double[] recent, double[] decade, double[] y, int n) {
        if (n < GrowthPrior.MIN_PAIRS) {
            return null;
        }
        double m1 = 0;
        double m2 = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            m1 += recent[i] / n;
            m2 += decade[i] / n;
            my += y[i] / n;
        }
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double s1y = 0;
        double s2y = 0;
        for (int i = 0; i < n; i++) {
            double d1 = recent[i] - m1;
            double d2 = decade[i] - m2;
            double dy = y[i] - my;
            s11 += d1 * d1;
            s12 += d1 * d2;
            s22 += d2 * d2;
            s1y += d1 * dy;
            s2y += d2 * dy;
        }
        double det = s11 * s22 - s12 * s12;
        if (!(det > 1e-12 * s11 * s22)) {
            return null;
        }
        double b = (s22 * s1y - s12 * s2y) / det;
        double c = (s11 * s2y - s12 * s1y) / det;
        double a = my - b * m1 - c * m2;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a - b * recent[i] - c * decade[i];
            rss += r * r;
        }
        return new double[] {a, b, c, rss / (n - 3)};
    }

    /**
     * An AR(1) annual shock e_t = rho e_t-1 + sd innovation (e_0 = 0) whose cumulative sum has this regression's
     * residual variance at one year and at {@code later} years: sd^2 = variance at 1, rho by bisection on [0, 0.99]
     * so that Var(e_1 + ... + e_later) / sd^2 equals the ratio of the two (0 when the ratio is below independent
     * shocks', 0.99 when above that rho's).
     *
     * @return {sd, rho}
     */
    public double[] ar1(int later) {
        double v1 = variance[0];
        double ratio = variance[Math.min(later, variance.length) - 1] / v1;
        double lo = 0;
        double hi = 0.99;
        if (!(v1 > 0) || ratio <= cumulativeVariance(0, later)) {
            return new double[] {Math.sqrt(Math.max(v1, 0)), 0};
        }
        if (ratio >= cumulativeVariance(hi, later)) {
            return new double[] {Math.sqrt(v1), hi};
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (cumulativeVariance(mid, later) < ratio) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {Math.sqrt(v1), (lo + hi) / 2};
    }

    /** Var(e_1 + ... + e_h) for e_t = rho e_t-1 + innovation (unit variance), e_0 = 0. */
    static double cumulativeVariance(double rho, int h) {
        double v = 0;
        for (int k = 1; k <= h; k++) {
            double w = 0; // how much of the innovation of year h + 1 - k reaches the sum
            for (int j = 0; j < k; j++) {
                w += Math.pow(rho, j);
            }
            v += w * w;
        }
        return v;
    }
}
