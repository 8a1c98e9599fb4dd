package io.plansim.evaluation;

import org.apache.commons.math3.special.Gamma;

/**
 * Degrees of freedom of a Student-t fitted by maximum likelihood to a sample centred on 0 (location fixed at 0,
 * scale and degrees of freedom free): the profile likelihood over df on a log grid, the scale maximized by
 * golden-section search at each df.
 *
 * <p>Used on the training panel's one-year-ahead residuals standardized by the window's sd
 * ({@link SolowForecaster#fit}): a normal shock whose sd is estimated on ten years is followed by outcomes whose
 * standardized error is heavier-tailed than normal (the predictive of a normal with an estimated variance is a
 * Student-t), and growth shocks themselves are not normal (wars, crises). The df fitted there is the shape of the
 * model's annual shocks (scenario {@code tails: {df}}); their scale stays the window's sd.
 *
 * @param df    degrees of freedom (at most {@link #DF_MAX}: a sample with tails no heavier than a normal's)
 * @param scale the scale of the fitted t (not its sd)
 * @param n     sample size
 */
public record StudentTFit(double df, double scale, int n) {
    /** Smallest df fitted: the engine's t shocks need a variance (df above 2). */
    public static final double DF_MIN = 2.2;
    /** Largest df on the grid; a fit there means normal tails. */
    public static final double DF_MAX = 200;
    /** Fewest observations a df is fitted on. */
    public static final int MIN_N = 50;
    private static final int GRID = 60;

    public StudentTFit {
        if (!(df >= DF_MIN && df <= DF_MAX) || !(scale > 0) || n < MIN_N) {
            throw new IllegalArgumentException("Student-t fit df " + df + ", scale " + scale + " on " + n
                    + " values: need df in [" + DF_MIN + ", " + DF_MAX + "], scale > 0, at least " + MIN_N + " values");
        }
    }

    /** True when the fit found tails no heavier than a normal's (df at the top of the grid). */
    public boolean normal() {
        return df >= DF_MAX;
    }

    /**
     * Fits z[0..n) (finite values; others are skipped).
     *
     * @return null with fewer than {@link #MIN_N} finite values or no spread
     */
    public static StudentTFit fit(double[] z, int n) {
        double[] x = new double[n];
        int m = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(z[i])) {
                x[m++] = z[i];
                ss += z[i] * z[i];
            }
        }
        if (m < MIN_N || !(ss > 0)) {
            return null;
        }
        double sd = Math.sqrt(ss / m);
        double bestLl = Double.NEGATIVE_INFINITY;
        double bestDf = DF_MAX;
        double bestScale = sd;
        double step = Math.log(DF_MAX / DF_MIN) / GRID;
        for (int g = 0; g <= GRID; g++) {
            double df = g == GRID ? DF_MAX : DF_MIN * Math.exp(g * step);
            double s = scale(x, m, df, sd);
            double ll = logLikelihood(x, m, df, s);
            if (ll > bestLl) {
                bestLl = ll;
                bestDf = df;
                bestScale = s;
            }
        }
        return new StudentTFit(bestDf, bestScale, m);
    }

    /** Log-likelihood of x[0..m) under a t with df degrees of freedom and scale s, centred on 0. */
    static double logLikelihood(double[] x, int m, double df, double s) {
        double c = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - Math.log(s);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double u = x[i] / s;
            sum += Math.log1p(u * u / df);
        }
        return m * c - (df + 1) / 2 * sum;
    }

    /** The scale maximizing the likelihood at df (golden section on ln s within a factor 20 of the sample sd). */
    private static double scale(double[] x, int m, double df, double sd) {
        return Math.exp(GoldenSection.minimize(ls -> -logLikelihood(x, m, df, Math.exp(ls)), Math.log(sd / 20), Math.log(sd * 20), 1e-4));
    }
}
