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
        assertArrayEquals(new double[] {0.004, 0.6, 0.25, 0}, HorizonRegression.fitHorizon(recent, decade, y, n), 1e-12);
        // collinear regressors or too few pairs: no fit
        assertNull(HorizonRegression.fitHorizon(recent, recent.clone(), y, n));
        assertNull(HorizonRegression.fitHorizon(recent, decade, y, GrowthPrior.MIN_PAIRS - 1));
    }

    @Test
    void thePathsYearsSumToEachHorizonsCumulativePrediction() {
        double[][] c = {{0.01, 0.9, 0.0}, {0.008, 0.7, 0.2}, {0.006, 0.5, 0.3}};
        HorizonRegression r = new HorizonRegression(c, new int[] {50, 50, 50}, new double[] {1, 2, 3});
        double[] g = r.path(0.02, 0.015);
        double cumulative = 0;
        for (int h = 1; h <= 3; h++) {
            cumulative += g[h - 1];
            assertEquals(h * (c[h - 1][0] + c[h - 1][1] * 0.02 + c[h - 1][2] * 0.015), cumulative, 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> new HorizonRegression(c, new int[] {50, 50, 5}, new double[] {1, 2, 3}));
    }

    @Test
    void theAr1ReproducesTheVarianceAtOneAndTenYears() {
        // variances of the cumulative sum of an AR(1) with sd 0.01 and rho 0.6: the fit gives them back
        double[] v = new double[15];
        for (int h = 1; h <= 15; h++) {
            v[h - 1] = 1e-4 * HorizonRegression.cumulativeVariance(0.6, h);
        }
        double[][] c = new double[15][];
        int[] n = new int[15];
        for (int h = 0; h < 15; h++) {
            c[h] = new double[] {0, 1, 0};
            n[h] = 50;
        }
        double[] ar = new HorizonRegression(c, n, v).ar1(10);
        assertEquals(0.01, ar[0], 1e-12);
        assertEquals(0.6, ar[1], 1e-9);
        // closed forms at the ends: independent shocks h, a random walk h(h+1)(2h+1)/6
        assertEquals(10, HorizonRegression.cumulativeVariance(0, 10), 1e-12);
        assertEquals(385, HorizonRegression.cumulativeVariance(1, 10), 1e-9);
    }
}
