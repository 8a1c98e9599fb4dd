package io.plansim.evaluation;

/**
 * A growth rate's prior fitted on a panel: the next decade's mean log growth regressed on the last decade's
 * (regression towards the panel mean, Pritchett and Summers 2014), and the spread of what the regression leaves.
 *
 * <p>Fit: for every training economy and every anchor year t with a complete window before and after it, x = mean
 * annual log growth over t-9..t, y = the same over t+1..t+10. Ordinary least squares y = intercept + slope x; of
 * the residual variance, the part the annual shocks explain (their variance within the decade, s^2/10 with s the
 * sd of the later decade's annual changes, averaged) is taken out, and what remains is the variance of a
 * persistent shift of the growth rate. A forecaster then draws its growth as intercept + slope x + shift, shift
 * ~ N(0, shiftSd^2) once per path, plus the annual shocks.
 *
 * @param intercept the regression's intercept (log points a year)
 * @param slope     the weight on the economy's own last decade (1: no regression to the mean, 0: only the panel mean)
 * @param shiftSd   sd of the persistent growth shift (log points a year)
 * @param pairs     the (economy, anchor) pairs it was fitted on
 */
public record GrowthPrior(double intercept, double slope, double shiftSd, int pairs) {
    /** Fewest pairs a prior is fitted on; with fewer the forecaster falls back to the economy's own window. */
    public static final int MIN_PAIRS = 20;

    public GrowthPrior {
        if (!Double.isFinite(intercept) || !Double.isFinite(slope) || !(shiftSd >= 0) || pairs < MIN_PAIRS) {
            throw new IllegalArgumentException("growth prior intercept " + intercept + ", slope " + slope + ", shift sd "
                    + shiftSd + " from " + pairs + " pairs: need finite values, sd >= 0, at least " + MIN_PAIRS + " pairs");
        }
    }

    /** The prior mean log growth of an economy whose last decade grew x a year. */
    public double mean(double x) {
        return intercept + slope * x;
    }

    /**
     * Fits the prior on pairs (x_i, y_i) with the annual-change variances s2_i of each later decade.
     *
     * @param window years per decade (the annual shocks' share of the residual variance is s2 / window)
     * @return null with fewer than {@link #MIN_PAIRS} pairs or no spread in x
     */
    public static GrowthPrior fit(double[] x, double[] y, double[] s2, int n, int window) {
        if (n < MIN_PAIRS) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            return null;
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        double shocks = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
            shocks += s2[i] / window / n;
        }
        double residual = rss / (n - 2);
        return new GrowthPrior(intercept, slope, Math.sqrt(Math.max(residual - shocks, 0)), n);
    }

}
