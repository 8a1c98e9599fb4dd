package io.plansim.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void crpsOfANormalForecastMatchesItsClosedForm() {
        double mu = 1500, sigma = 80;
        NormalDistribution n = new NormalDistribution(mu, sigma);
        for (double y : new double[] {1300, 1480, 1500, 1620, 1900}) {
            double exact = Scores.crpsNormal(mu, sigma, y);
            assertEquals(exact, Scores.crps(n::inverseCumulativeProbability, y), 0.002 * exact + 0.01, "y=" + y);
        }
        // the closed form itself: at y = mu it is sigma (sqrt(2) - 1)/sqrt(pi)
        assertEquals(sigma * (Math.sqrt(2) - 1) / Math.sqrt(Math.PI), Scores.crpsNormal(mu, sigma, mu), 1e-9);
    }

    @Test
    void intervalsCoverTheirShareWhenTheForecastIsRight() {
        NormalDistribution n = new NormalDistribution(0, 1);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(4L);
        var z = ZigguratSampler.NormalizedGaussian.of(rng);
        int draws = 20_000;
        int[] hits = new int[3];
        double[] levels = {0.5, 0.8, 0.9};
        for (int i = 0; i < draws; i++) {
            double y = z.sample();
            for (int k = 0; k < 3; k++) {
                hits[k] += Scores.covered(n::inverseCumulativeProbability, levels[k], y) ? 1 : 0;
            }
        }
        for (int k = 0; k < 3; k++) {
            double se = Math.sqrt(levels[k] * (1 - levels[k]) / draws);
            assertEquals(levels[k], (double) hits[k] / draws, 4 * se, "coverage " + levels[k]);
        }
        // and a forecast twice too narrow covers far less
        NormalDistribution narrow = new NormalDistribution(0, 0.5);
        assertEquals(0.0, Scores.covered(narrow::inverseCumulativeProbability, 0.9, 2.0) ? 1 : 0);
    }

    @Test
    void crpsOfAnEnsembleIsItsDefinitionAndApproachesTheNormalClosedForm() {
        // E|X - y| - E|X - X'|/2 over three draws, by hand: y = 1, draws 0, 2, 5
        double direct = (1 + 1 + 4) / 3.0 - (0 + 2 + 5 + 2 + 0 + 3 + 5 + 3 + 0) / 9.0 / 2;
        assertEquals(direct, Scores.crpsEnsemble(new double[] {0, 2, 5}, 1), 1e-12);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        var z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] draws = new double[200_000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = 3 + 2 * z.sample();
        }
        java.util.Arrays.sort(draws);
        for (double y : new double[] {-1, 3, 4.5, 9}) {
            double exact = Scores.crpsNormal(3, 2, y);
            assertEquals(exact, Scores.crpsEnsemble(draws, y), 0.01 * exact, "y=" + y);
        }
    }
}
