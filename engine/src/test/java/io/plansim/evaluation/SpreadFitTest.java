package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spread fit on synthetic forecasts whose true spread is a known multiple of the model's. */
class SpreadFitTest {
    private static final int FOLDS = 10;
    private static final int CASES = 600;
    private static final int DRAWS = 200;

    /**
     * Each case: a model ensemble of 200 draws N(c, s^2) with its own c and s, and an outcome drawn from N(c, (ratio s)^2):
     * the model is under- (ratio &gt; 1) or over-dispersed (ratio &lt; 1) by a known factor.
     */
    private static SpreadFit synthetic(double ratio, long seed) {
        SpreadFit fit = new SpreadFit(1, 2, FOLDS);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            double c = rng.nextDouble(-1, 1);
            double s = rng.nextDouble(0.01, 0.2);
            for (int h = 1; h <= 2; h++) {
                double[] draws = new double[DRAWS];
                for (int j = 0; j < DRAWS; j++) {
                    draws[j] = c + s * h * gaussian(rng);
                }
                Arrays.sort(draws);
                fit.add(0, h, i % FOLDS, draws, c, c + ratio * s * h * gaussian(rng));
            }
        }
        return fit;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller from the test's own stream
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void recoversAKnownUnderDispersionWithinItsStandardError() {
        for (SpreadFit.HorizonFit f : synthetic(1.5, 7).fit(0)) {
            assertEquals(CASES, f.n());
            assertTrue(f.below().se() > 0.01 && f.below().se() < 0.15, "jackknife standard error " + f.below().se());
            assertTrue(Math.abs(f.below().k() - 1.5) < 2 * f.below().se(), "k " + f.below().k() + " +- " + f.below().se() + " against 1.5 at horizon " + f.horizon());
        }
    }

    @Test
    void recoversOverDispersionAndLeavesACalibratedModelAlone() {
        for (SpreadFit.HorizonFit f : synthetic(0.6, 11).fit(0)) {
            assertTrue(Math.abs(f.below().k() - 0.6) < 2 * f.below().se(), "k " + f.below().k() + " +- " + f.below().se() + " against 0.6");
        }
        for (SpreadFit.HorizonFit f : synthetic(1.0, 13).fit(0)) {
            assertTrue(Math.abs(f.below().k() - 1.0) < 2 * f.below().se(), "k " + f.below().k() + " +- " + f.below().se() + " against 1");
        }
    }

    @Test
    void outOfSampleScoresRepairTheCoverageOfAnUnderDispersedModel() {
        SpreadFit fit = synthetic(1.5, 17);
        List<SpreadFit.HorizonFit> fits = fit.fit(0);
        Scorecard card = new Scorecard();
        fit.score(0, fits, "x", card, "raw", 1);
        double se = Math.sqrt(0.8 * 0.2 / CASES);
        for (int h = 1; h <= 2; h++) {
            Scorecard.Cell raw = card.cell("raw", "x", h);
            Scorecard.Cell cal = card.cell(SpreadFit.CALIBRATED, "x", h);
            // N(0, 1.5^2) outcome in the model's N(0, 1) 80% interval: P(|Z| < 1.2816 / 1.5) = 0.607
            assertEquals(0.607, raw.coverage(0.8), 4 * se, "raw coverage");
            assertEquals(0.8, cal.coverage(0.8), 4 * se, "calibrated coverage");
            assertTrue(cal.meanCrps() < raw.meanCrps(), "CRPS " + cal.meanCrps() + " against raw " + raw.meanCrps());
        }
    }

    @Test
    void theCrpsOfAScaledEnsembleIsTheEnsembleFormula() {
        SpreadFit.Case c = synthetic(1.5, 3).casesForTest().get(0);
        double k = 1.7;
        double[] scaled = new double[c.d().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = k * c.d()[i];
        }
        assertEquals(io.plansim.backtest.Scores.crpsEnsemble(scaled, c.e()), c.crps(k), 1e-12);
    }

    /**
     * Each case: a symmetric model ensemble N(c, s^2) and an outcome from the two-piece normal with scale 1.6 s below c
     * and 0.8 s above it (median c): skewed, with a long lower tail, and exactly the model recalibrated by k_lo = 1.6,
     * k_hi = 0.8, whose quantiles below c are 1.6 times the model's and above it 0.8 times.
     */
    private static SpreadFit skewed(SpreadFit.Criterion criterion, long seed) {
        SpreadFit fit = new SpreadFit(1, 1, FOLDS, criterion);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < CASES * 2; i++) {
            double c = rng.nextDouble(-1, 1);
            double s = rng.nextDouble(0.01, 0.2);
            double[] draws = new double[DRAWS];
            for (int j = 0; j < DRAWS; j++) {
                draws[j] = c + s * gaussian(rng);
            }
            Arrays.sort(draws);
            double z = gaussian(rng);
            fit.add(0, 1, i % FOLDS, draws, c, c + s * z * (z < 0 ? 1.6 : 0.8));
        }
        return fit;
    }

    @Test
    void everyAsymmetricCriterionRecoversAKnownSkewAndBalancesBothTailsOutOfSample() {
        int n = CASES * 2;
        double tailSe = Math.sqrt(0.1 * 0.9 / n);
        for (SpreadFit.Criterion c : List.of(SpreadFit.Criterion.CRPS, SpreadFit.Criterion.INTERVALS, SpreadFit.Criterion.SCALED_INTERVALS)) {
            SpreadFit fit = skewed(c, 23);
            List<SpreadFit.HorizonFit> fits = fit.fit(0);
            SpreadFit.HorizonFit f = fits.get(0);
            assertTrue(f.below().k() > f.above().k() + 4 * (f.below().se() + f.above().se()), c + ": k_lo " + f.below() + " against k_hi " + f.above());
            assertEquals(1.6, f.below().k(), 3 * f.below().se(), c + " k_lo +- " + f.below().se());
            assertEquals(0.8, f.above().k(), 3 * f.above().se(), c + " k_hi +- " + f.above().se());
            Scorecard card = new Scorecard();
            fit.score(0, fits, "x", card, "raw", 5);
            double[] pit = card.cell(SpreadFit.CALIBRATED, "x", 1).pitDensity();
            // the share of outcomes below the recalibrated 10% quantile and above the 90%: 0.1 each within Monte Carlo error
            assertEquals(0.1, pit[0] / 10, 4 * tailSe, c + " lowest tenth");
            assertEquals(0.1, pit[9] / 10, 4 * tailSe, c + " highest tenth");
            assertEquals(0.8, card.cell(SpreadFit.CALIBRATED, "x", 1).coverage(0.8), 4 * Math.sqrt(0.8 * 0.2 / n), c + " 80% coverage");
            assertEquals(0.5, card.cell(SpreadFit.CALIBRATED, "x", 1).coverage(0.5), 4 * Math.sqrt(0.5 * 0.5 / n), c + " 50% coverage");
        }
        // a symmetric scale cannot: it leaves the lowest tenth heavy and the highest light
        // (the CRPS-optimal k about 1.2: P(1.6 Z < 1.2 * -1.2816) = P(Z < -0.96) = 0.17, P(0.8 Z > 1.54) = 0.03)
        SpreadFit sym = skewed(SpreadFit.Criterion.SYMMETRIC_CRPS, 23);
        Scorecard card = new Scorecard();
        sym.score(0, sym.fit(0), "x", card, "raw", 5);
        double[] pit = card.cell(SpreadFit.CALIBRATED, "x", 1).pitDensity();
        assertTrue(pit[0] / 10 > 0.1 + 4 * tailSe && pit[9] / 10 < 0.1 - 4 * tailSe, "symmetric tails " + pit[0] + " " + pit[9]);
    }

    @Test
    void anAsymmetricFitOfASymmetricModelFindsEqualFactors() {
        SpreadFit fit = synthetic(1.5, 29).withCriterion(SpreadFit.Criterion.SCALED_INTERVALS);
        for (SpreadFit.HorizonFit f : fit.fit(0)) {
            assertEquals(1.5, f.below().k(), 3 * f.below().se(), "k_lo at " + f.horizon());
            assertEquals(1.5, f.above().k(), 3 * f.above().se(), "k_hi at " + f.horizon());
        }
    }

    @Test
    void theCrpsOfAnAsymmetricallyScaledEnsembleIsTheEnsembleFormulaAndItsPitTheRank() {
        SpreadFit.Case c = skewed(SpreadFit.Criterion.CRPS, 3).casesForTest().get(0);
        double lo = 1.7;
        double hi = 0.6;
        double[] scaled = new double[c.d().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = c.d()[i] * (c.d()[i] < 0 ? lo : hi);
        }
        assertEquals(io.plansim.backtest.Scores.crpsEnsemble(scaled, c.e()), c.crps(lo, hi), 1e-12);
        int below = 0;
        for (double x : scaled) {
            below += x < c.e() ? 1 : 0;
        }
        assertEquals((below + 0.5) / (scaled.length + 1), c.pit(lo, hi, 0.5), 1e-12);
    }

    @Test
    void theQuantileOfTheDrawsIsInterpolatedAtRankTauTimesMPlusOne() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.5, SpreadFit.quantile(x, 0.3), 1e-12); // rank 1.5
        assertEquals(1, SpreadFit.quantile(x, 0.1), 0); // rank 0.5 clamps to the first draw
        assertEquals(4, SpreadFit.quantile(x, 0.95), 0);
        assertEquals(3.5, SpreadFit.quantile(x, 0.7), 1e-12);
    }
}
