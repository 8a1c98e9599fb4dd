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
            assertTrue(f.se() > 0.01 && f.se() < 0.15, "jackknife standard error " + f.se());
            assertTrue(Math.abs(f.k() - 1.5) < 2 * f.se(), "k " + f.k() + " +- " + f.se() + " against 1.5 at horizon " + f.horizon());
        }
    }

    @Test
    void recoversOverDispersionAndLeavesACalibratedModelAlone() {
        for (SpreadFit.HorizonFit f : synthetic(0.6, 11).fit(0)) {
            assertTrue(Math.abs(f.k() - 0.6) < 2 * f.se(), "k " + f.k() + " +- " + f.se() + " against 0.6");
        }
        for (SpreadFit.HorizonFit f : synthetic(1.0, 13).fit(0)) {
            assertTrue(Math.abs(f.k() - 1.0) < 2 * f.se(), "k " + f.k() + " +- " + f.se() + " against 1");
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
}
