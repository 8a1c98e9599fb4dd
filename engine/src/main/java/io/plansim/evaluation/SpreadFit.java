package io.plansim.evaluation;

import io.plansim.compile.SpreadCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the spread recalibration ({@link SpreadCalibration}) on the panel, out of sample. It records every ensemble
 * forecast of the model under test as its draws' deviations d_i from the forecast's central value c (log points) and
 * the outcome's, e = y - c. The recalibrated ensemble is c + g(d_i), g(d) = k_lo d below the centre (d &lt; 0) and
 * k_hi d above it: monotone, so the draws keep their order, and the centre stays where it is. With k_lo = k_hi = k it
 * is the symmetric scaling c + k d of session 4.
 *
 * <p>Every criterion below separates into a part that depends on k_lo only (the draws or quantiles below the
 * centre) and one on k_hi only, each convex in its factor, so the two factors are fitted by two one-dimensional
 * golden-section searches on [{@link #K_MIN}, {@link #K_MAX}] over the cases of a horizon:
 * <ul>
 * <li>{@link Criterion#SYMMETRIC_CRPS}: one k minimizing the mean CRPS, (1/m) sum |k d_i - e| - k (1/m^2) sum
 * (2i - m - 1) d_(i) (session 4-5);</li>
 * <li>{@link Criterion#CRPS}: k_lo and k_hi minimizing the mean CRPS of c + g(d): its |g(d_i) - e| terms and its
 * spread term (2i - m - 1) g(d_(i)) split by the sign of d_i (the lower and upper halves of the CRPS);</li>
 * <li>{@link Criterion#INTERVALS}: k_lo minimizing the mean pinball (quantile) loss of the recalibrated 10% and 25%
 * quantiles, k_hi of the 75% and 90%: together the weighted interval score of the central 50% and 80% intervals
 * (Bracher et al. 2021, (alpha / 2) IS_alpha = pinball(alpha / 2) + pinball(1 - alpha / 2)), the score of the
 * intervals plansim prints. A quantile at level tau of m sorted draws is the draw at rank tau (m + 1), linearly
 * interpolated: the rank the PIT's coverage is counted with;</li>
 * <li>{@link Criterion#INTERVAL80}: the same with the 10% and 90% quantiles alone (the 80% interval's score);</li>
 * <li>{@link Criterion#SCALED_INTERVALS} (the panel's, docs/MODEL.md "Recalibration"): {@link Criterion#INTERVALS} with
 * each case's loss at level tau divided by |q(tau) - c|, the deviation the factor scales: the pinball loss of the
 * standardized outcome e / |q(tau) - c| against k, so every forecast counts once whatever its width, and with one
 * level the fitted k is the empirical quantile of the standardized outcomes (the share of outcomes below the
 * recalibrated quantile is tau in sample: a quantile mapping by side). Unscaled, the wide ensembles of volatile
 * economies dominate the fit while coverage counts every case the same;</li>
 * <li>{@link Criterion#SCALED_INTERVAL80}: so scaled, the 10% and 90% quantiles alone.</li>
 * </ul>
 *
 * <p>Out of sample by economy: the cases of block f (economy index mod folds, the evaluation's blocks) are scored
 * with factors fitted on the other blocks only. Those leave-one-block-out fits are the jackknife replicates of the
 * factor fitted on all blocks, whose standard error is sqrt((K - 1) / K sum (k_-f - mean)^2).
 */
public final class SpreadFit implements RollingOrigin.Recorder {
    public static final double K_MIN = 0.1;
    public static final double K_MAX = 10;
    /** Forecaster name of the recalibrated forecasts in a scorecard. */
    public static final String CALIBRATED = "plansim-calibrated";
    /** The quantile levels {@link Criterion#INTERVALS} scores: the ends of the central 80% and 50% intervals. */
    static final double[] LEVELS = {0.1, 0.25, 0.75, 0.9};

    /** What the factors minimize (class comment). */
    public enum Criterion {
        SYMMETRIC_CRPS(false), CRPS(false), INTERVALS(false, true, true, true, true),
        /** The pinball loss of the 10% quantile alone for k_lo, of the 90% for k_hi: the interval score of the 80% interval. */
        INTERVAL80(false, true, false, false, true),
        /** {@link #INTERVALS} with each quantile's loss in units of that quantile's own deviation from the centre. */
        SCALED_INTERVALS(true, true, true, true, true),
        /** {@link #INTERVAL80} so scaled. */
        SCALED_INTERVAL80(true, true, false, false, true);

        /** Whether each quantile's pinball loss is divided by |q(tau) - c|, the deviation it scales. */
        private final boolean scaled;
        /** Which of {@link #LEVELS} the criterion scores (none: the CRPS). */
        private final boolean[] levels;

        Criterion(boolean scaled, boolean... levels) {
            this.scaled = scaled;
            this.levels = levels.length == LEVELS_COUNT ? levels : new boolean[LEVELS_COUNT];
        }

        boolean quantiles() {
            for (boolean b : levels) {
                if (b) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final int LEVELS_COUNT = 4;

    /**
     * One forecast: its block, sorted deviations from its centre, the outcome's deviation, the CRPS's spread term
     * split into the draws below and above the centre, and the deviations of the quantiles at {@link #LEVELS}.
     */
    record Case(int block, double[] d, double e, double spreadBelow, double spreadAbove, double[] quantiles) {
        /** CRPS of the ensemble c + k d against the outcome. */
        double crps(double k) {
            return crps(k, k);
        }

        /** CRPS of the ensemble c + g(d) against the outcome. */
        double crps(double kBelow, double kAbove) {
            return crpsHalf(true, kBelow) + crpsHalf(false, kAbove);
        }

        /** The part of the CRPS that the draws below (or at and above) the centre contribute, scaled by k. */
        double crpsHalf(boolean below, double k) {
            double s = 0;
            for (double x : d) {
                if (x < 0 == below) {
                    s += Math.abs(k * x - e);
                }
            }
            return s / d.length - k * (below ? spreadBelow : spreadAbove);
        }

        /** Pinball loss of the criterion's quantiles below (or at and above) the centre, scaled by k. */
        double pinballHalf(Criterion c, boolean below, double k) {
            double s = 0;
            for (int j = 0; j < LEVELS.length; j++) {
                double q = quantiles[j];
                if (c.levels[j] && q < 0 == below && !(c.scaled && q == 0)) {
                    double u = e - k * q;
                    s += u * (LEVELS[j] - (u < 0 ? 1 : 0)) / (c.scaled ? Math.abs(q) : 1);
                }
            }
            return s;
        }

        /** Whether any draw (or, for a quantile criterion, any of its quantiles) lies on that side of the centre. */
        boolean has(Criterion c, boolean below) {
            double[] xs = c.quantiles() ? quantiles : d;
            for (int j = 0; j < xs.length; j++) {
                if ((!c.quantiles() || c.levels[j]) && xs[j] < 0 == below) {
                    return true;
                }
            }
            return false;
        }

        /** The randomized PIT of the outcome in c + k d (k > 0 keeps the order). */
        double pit(double k, double u) {
            return pit(k, k, u);
        }

        /** The randomized PIT of the outcome in c + g(d): g keeps the order and the sign, so compare d with g^-1(e). */
        double pit(double kBelow, double kAbove, double u) {
            double t = e < 0 ? e / kBelow : e / kAbove;
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
    private final Criterion criterion;
    private final List<List<List<Case>>> cases = new ArrayList<>(); // [variable][horizon - 1]

    /** A symmetric fit ({@link Criterion#SYMMETRIC_CRPS}). */
    public SpreadFit(int variables, int horizons, int folds) {
        this(variables, horizons, folds, Criterion.SYMMETRIC_CRPS);
    }

    /**
     * @param variables how many variables the evaluation records (their index is the recorder's)
     * @param criterion what the factors minimize
     */
    public SpreadFit(int variables, int horizons, int folds, Criterion criterion) {
        if (folds < 2 || horizons < 1 || variables < 1 || criterion == null) {
            throw new IllegalArgumentException("need at least 2 folds, 1 horizon, 1 variable and a criterion: " + folds + ", " + horizons + ", "
                    + variables + ", " + criterion);
        }
        this.folds = folds;
        this.horizons = horizons;
        this.criterion = criterion;
        for (int v = 0; v < variables; v++) {
            List<List<Case>> byH = new ArrayList<>();
            for (int h = 0; h < horizons; h++) {
                byH.add(new ArrayList<>());
            }
            cases.add(byH);
        }
    }

    /** The same recorded cases fitted by another criterion (they are shared, not copied: record no more into either). */
    public SpreadFit withCriterion(Criterion c) {
        SpreadFit out = new SpreadFit(cases.size(), horizons, folds, c);
        out.cases.clear();
        out.cases.addAll(cases);
        return out;
    }

    public Criterion criterion() {
        return criterion;
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
        double below = 0;
        double above = 0;
        for (int i = 0; i < m; i++) {
            d[i] = sortedDraws[i] - centre;
            double term = (2.0 * (i + 1) - m - 1) * d[i];
            if (d[i] < 0) {
                below += term;
            } else {
                above += term;
            }
        }
        double[] q = new double[LEVELS.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = quantile(d, LEVELS[j]);
        }
        double mm = (double) m * m;
        cases.get(variable).get(horizon - 1).add(new Case(block, d, actual - centre, below / mm, above / mm, q));
    }

    /** The sorted sample's quantile at level tau: rank tau (m + 1), linearly interpolated, clamped to the extremes. */
    static double quantile(double[] sorted, double tau) {
        double r = Math.min(Math.max(tau * (sorted.length + 1), 1), sorted.length) - 1;
        int i = (int) Math.floor(r);
        return i + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[i] + (r - i) * (sorted[i + 1] - sorted[i]);
    }

    /**
     * One factor fitted at one horizon.
     *
     * @param k       the factor fitted on every block
     * @param se      its jackknife standard error over the blocks
     * @param leftOut k fitted without block f, per block
     */
    public record Factor(double k, double se, double[] leftOut) {
    }

    /** The fit of one variable at one horizon: the factors below and above the centre (equal for a symmetric fit). */
    public record HorizonFit(int horizon, long n, Factor below, Factor above) {
    }

    /** The factors of variable v by horizon (horizons without cases are left out). */
    public List<HorizonFit> fit(int v) {
        List<HorizonFit> out = new ArrayList<>();
        for (int h = 1; h <= horizons; h++) {
            List<Case> cs = cases.get(v).get(h - 1);
            if (cs.isEmpty()) {
                continue;
            }
            if (criterion == Criterion.SYMMETRIC_CRPS) {
                Factor k = factor(cs, null);
                out.add(new HorizonFit(h, cs.size(), k, k));
            } else {
                out.add(new HorizonFit(h, cs.size(), factor(cs, true), factor(cs, false)));
            }
        }
        return out;
    }

    /** The factor of one side (null: both, symmetric) on every block, its leave-one-block-out fits and jackknife error. */
    private Factor factor(List<Case> cs, Boolean below) {
        double all = minimize(cs, -1, below);
        double[] left = new double[folds];
        double mean = 0;
        for (int f = 0; f < folds; f++) {
            left[f] = minimize(cs, f, below);
            mean += left[f] / folds;
        }
        double ss = 0;
        for (double x : left) {
            ss += (x - mean) * (x - mean);
        }
        return new Factor(all, Math.sqrt((folds - 1.0) / folds * ss), left);
    }

    /**
     * Scores variable v's forecasts out of sample into {@code card}: raw as {@code raw} (null: not again), and recalibrated with the
     * factors fitted without their block as {@link #CALIBRATED}. The PIT's uniforms come from {@code seed}.
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
     * recalibrated CRPS}, recalibrated with the factors fitted without the case's block; the PIT's uniforms from seed.
     */
    public List<double[]> scored(int v, HorizonFit fit, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (Case c : cases.get(v).get(fit.horizon() - 1)) {
            double u = rng.nextDouble();
            double lo = fit.below().leftOut()[c.block()];
            double hi = fit.above().leftOut()[c.block()];
            out.add(new double[] {c.pit(1, u), c.pit(lo, hi, u), c.crps(1), c.crps(lo, hi)});
        }
        return out;
    }

    /** The calibration group of variable v: its factors, standard errors and out-of-sample figures from {@code card}. */
    public static SpreadCalibration.Group group(String id, List<String> variables, String fittedOn, List<HorizonFit> fits,
                                                Scorecard card, String raw, String variable) {
        int last = fits.isEmpty() ? 0 : fits.get(fits.size() - 1).horizon();
        double[] lo = new double[last];
        double[] seLo = new double[last];
        double[] hi = new double[last];
        double[] seHi = new double[last];
        Arrays.fill(lo, 1);
        Arrays.fill(hi, 1);
        List<SpreadCalibration.Figures> figures = new ArrayList<>();
        for (HorizonFit f : fits) {
            lo[f.horizon() - 1] = f.below().k();
            seLo[f.horizon() - 1] = f.below().se();
            hi[f.horizon() - 1] = f.above().k();
            seHi[f.horizon() - 1] = f.above().se();
            Scorecard.Cell r = card.cell(raw, variable, f.horizon());
            Scorecard.Cell c = card.cell(CALIBRATED, variable, f.horizon());
            if (r != null && c != null) {
                figures.add(new SpreadCalibration.Figures(f.horizon(), c.n(), r.coverage(0.5), r.coverage(0.8), c.coverage(0.5),
                        c.coverage(0.8), r.meanCrps(), c.meanCrps(), r.pitDensity(), c.pitDensity()));
            }
        }
        return new SpreadCalibration.Group(id, variables, fittedOn, lo, seLo, hi, seHi, figures);
    }

    /** The cases of the first variable at horizon 1 (for tests). */
    List<Case> casesForTest() {
        return cases.get(0).get(0);
    }

    /**
     * The factor in [K_MIN, K_MAX] minimizing the criterion over the cases outside block {@code leftOut} (-1: none left
     * out), for the side below the centre, above it, or both (null). 1 when no case has a draw or quantile on that side.
     */
    private double minimize(List<Case> cs, int leftOut, Boolean below) {
        if (below != null && cs.stream().noneMatch(c -> c.block() != leftOut && c.has(criterion, below))) {
            return 1;
        }
        return GoldenSection.minimize(k -> total(cs, leftOut, below, k), K_MIN, K_MAX, 1e-4);
    }

    private double total(List<Case> cs, int leftOut, Boolean below, double k) {
        double s = 0;
        for (Case c : cs) {
            if (c.block() != leftOut) {
                s += below == null ? c.crps(k) : criterion.quantiles() ? c.pinballHalf(criterion, below, k) : c.crpsHalf(below, k);
            }
        }
        return s;
    }
}
