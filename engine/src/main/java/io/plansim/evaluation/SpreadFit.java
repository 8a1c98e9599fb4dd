package io.plansim.evaluation;

import io.plansim.compile.SpreadCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the spread recalibration ({@link SpreadCalibration}) on the panel, out of sample. It records every ensemble
 * forecast of the model under test as its draws' deviations d_i from the forecast's central value c (log points) and
 * the outcome's, e = y - c. For a factor k the recalibrated ensemble is c + k d_i, whose CRPS is
 * (1/m) sum |k d_i - e| - k (1/m^2) sum (2i - m - 1) d_(i), convex in k; k(h) minimizes the mean CRPS over the cases
 * of a horizon (golden-section search on [{@link #K_MIN}, {@link #K_MAX}]).
 *
 * <p>Out of sample by economy: the cases of block f (economy index mod folds, the evaluation's blocks) are scored
 * with k fitted on the other blocks only. Those leave-one-block-out fits are the jackknife replicates of the factor
 * fitted on all blocks, whose standard error is sqrt((K - 1) / K sum (k_-f - mean)^2).
 */
public final class SpreadFit implements RollingOrigin.Recorder {
    public static final double K_MIN = 0.1;
    public static final double K_MAX = 10;
    /** Forecaster name of the recalibrated forecasts in a scorecard. */
    public static final String CALIBRATED = "plansim-calibrated";

    /** One forecast: its block, sorted deviations from its centre, the outcome's deviation, and the spread term. */
    record Case(int block, double[] d, double e, double spread) {
        /** CRPS of the ensemble c + k d against the outcome. */
        double crps(double k) {
            double s = 0;
            for (double x : d) {
                s += Math.abs(k * x - e);
            }
            return s / d.length - k * spread;
        }

        /** The randomized PIT of the outcome in c + k d (k > 0 keeps the order). */
        double pit(double k, double u) {
            double t = e / k;
            int below = 0;
            int equal = 0;
            for (double x : d) {
                below += x < t ? 1 : 0;
                equal += x == t ? 1 : 0;
            }
            return (below + u * (equal + 1)) / (d.length + 1);
        }
    }

    private final int folds;
    private final int horizons;
    private final List<List<List<Case>>> cases = new ArrayList<>(); // [variable][horizon - 1]

    /**
     * @param variables how many variables the evaluation records (their index is the recorder's)
     */
    public SpreadFit(int variables, int horizons, int folds) {
        if (folds < 2 || horizons < 1 || variables < 1) {
            throw new IllegalArgumentException("need at least 2 folds, 1 horizon and 1 variable: " + folds + ", " + horizons + ", " + variables);
        }
        this.folds = folds;
        this.horizons = horizons;
        for (int v = 0; v < variables; v++) {
            List<List<Case>> byH = new ArrayList<>();
            for (int h = 0; h < horizons; h++) {
                byH.add(new ArrayList<>());
            }
            cases.add(byH);
        }
    }

    @Override
    public void record(int economy, int origin, int variable, int horizon, Forecast forecast, double actual) {
        if (forecast instanceof Forecast.Ensemble en && Double.isFinite(en.centre()) && horizon <= horizons) {
            add(variable, horizon, economy % folds, en.sorted(), en.centre(), actual);
        }
    }

    /** Adds one forecast: sorted draws, their central value and the outcome, of a case in block {@code block}. */
    public void add(int variable, int horizon, int block, double[] sortedDraws, double centre, double actual) {
        int m = sortedDraws.length;
        double[] d = new double[m];
        double spread = 0;
        for (int i = 0; i < m; i++) {
            d[i] = sortedDraws[i] - centre;
            spread += (2.0 * (i + 1) - m - 1) * d[i];
        }
        cases.get(variable).get(horizon - 1).add(new Case(block, d, actual - centre, spread / ((double) m * m)));
    }

    /**
     * The fit of one variable at one horizon.
     *
     * @param k         the factor fitted on every block
     * @param se        its jackknife standard error over the blocks
     * @param leftOut   k fitted without block f, per block
     */
    public record HorizonFit(int horizon, long n, double k, double se, double[] leftOut) {
    }

    /** The factors of variable v by horizon (horizons without cases are left out). */
    public List<HorizonFit> fit(int v) {
        List<HorizonFit> out = new ArrayList<>();
        for (int h = 1; h <= horizons; h++) {
            List<Case> cs = cases.get(v).get(h - 1);
            if (cs.isEmpty()) {
                continue;
            }
            double all = minimize(cs, -1);
            double[] left = new double[folds];
            double mean = 0;
            for (int f = 0; f < folds; f++) {
                left[f] = minimize(cs, f);
                mean += left[f] / folds;
            }
            double ss = 0;
            for (double x : left) {
                ss += (x - mean) * (x - mean);
            }
            out.add(new HorizonFit(h, cs.size(), all, Math.sqrt((folds - 1.0) / folds * ss), left));
        }
        return out;
    }

    /**
     * Scores variable v's forecasts out of sample into {@code card}: raw as {@code raw} (null: not again), and recalibrated with the
     * factor fitted without their block as {@link #CALIBRATED}. The PIT's uniforms come from {@code seed}.
     */
    public void score(int v, List<HorizonFit> fits, String variable, Scorecard card, String raw, long seed) {
        for (HorizonFit fit : fits) {
            for (double[] x : scored(v, fit, seed + fit.horizon())) {
                if (raw != null) {
                    card.add(raw, variable, fit.horizon(), x[0], x[2]);
                }
                card.add(CALIBRATED, variable, fit.horizon(), x[1], x[3]);
            }
        }
    }

    /**
     * Each case of variable v at the fit's horizon, in the order added: {raw PIT, recalibrated PIT, raw CRPS,
     * recalibrated CRPS}, recalibrated with the factor fitted without the case's block; the PIT's uniforms from seed.
     */
    public List<double[]> scored(int v, HorizonFit fit, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (Case c : cases.get(v).get(fit.horizon() - 1)) {
            double u = rng.nextDouble();
            double k = fit.leftOut()[c.block()];
            out.add(new double[] {c.pit(1, u), c.pit(k, u), c.crps(1), c.crps(k)});
        }
        return out;
    }

    /** The calibration group of variable v: its factors, standard errors and out-of-sample figures from {@code card}. */
    public static SpreadCalibration.Group group(String id, List<String> variables, String fittedOn, List<HorizonFit> fits,
                                                Scorecard card, String raw, String variable) {
        int last = fits.isEmpty() ? 0 : fits.get(fits.size() - 1).horizon();
        double[] k = new double[last];
        double[] se = new double[last];
        Arrays.fill(k, 1);
        List<SpreadCalibration.Figures> figures = new ArrayList<>();
        for (HorizonFit f : fits) {
            k[f.horizon() - 1] = f.k();
            se[f.horizon() - 1] = f.se();
            Scorecard.Cell r = card.cell(raw, variable, f.horizon());
            Scorecard.Cell c = card.cell(CALIBRATED, variable, f.horizon());
            if (r != null && c != null) {
                figures.add(new SpreadCalibration.Figures(f.horizon(), c.n(), r.coverage(0.5), r.coverage(0.8), c.coverage(0.5),
                        c.coverage(0.8), r.meanCrps(), c.meanCrps(), r.pitDensity(), c.pitDensity()));
            }
        }
        return new SpreadCalibration.Group(id, variables, fittedOn, k, se, figures);
    }

    /** The cases of the first variable at horizon 1 (for tests). */
    List<Case> casesForTest() {
        return cases.get(0).get(0);
    }

    /** The k in [K_MIN, K_MAX] minimizing the mean CRPS of the cases outside block {@code leftOut} (-1: none left out). */
    static double minimize(List<Case> cs, int leftOut) {
        return GoldenSection.minimize(k -> total(cs, leftOut, k), K_MIN, K_MAX, 1e-4);
    }

    private static double total(List<Case> cs, int leftOut, double k) {
        double s = 0;
        for (Case c : cs) {
            if (c.block() != leftOut) {
                s += c.crps(k);
            }
        }
        return s;
    }
}
