package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The horizon regression recovers exact linear relations, and its path sums to the cumulative predictions. */
class HorizonRegressionTest {
    @Test
    void recoversAnExactLinearRelation() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 200;
        double[] recent = new double[n];
        double[] decade = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            recent[i] = rng.nextDouble(-0.02, 0.04);
            decade[i] = rng.nextDouble(-0.01, 0.03);
            y[i] = 0.004 + 0.6 * recent[i] + 0.25 * decade[i];
        }
        assertArrayEquals(new double[] {0.004, 0.6, 0.25}, HorizonRegression.fitHorizon(recent, decade, y, n), 1e-12);
        // collinear regressors or too few pairs: no fit
        assertNull(HorizonRegression.fitHorizon(recent, recent.clone(), y, n));
        assertNull(HorizonRegression.fitHorizon(recent, decade, y, GrowthPrior.MIN_PAIRS - 1));
    }

    @Test
    void thePathsYearsSumToEachHorizonsCumulativePrediction() {
        double[][] c = {{0.01, 0.9, 0.0}, {0.008, 0.7, 0.2}, {0.006, 0.5, 0.3}};
        HorizonRegression r = new HorizonRegression(c, new int[] {50, 50, 50});
        double[] g = r.path(0.02, 0.015);
        double cumulative = 0;
        for (int h = 1; h <= 3; h++) {
            cumulative += g[h - 1];
            assertEquals(h * (c[h - 1][0] + c[h - 1][1] * 0.02 + c[h - 1][2] * 0.015), cumulative, 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> new HorizonRegression(c, new int[] {50, 50, 5}));
    }
}
