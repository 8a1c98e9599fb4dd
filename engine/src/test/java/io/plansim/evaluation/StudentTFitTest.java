package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Maximum likelihood recovers the degrees of freedom and scale of samples with a known answer. */
class StudentTFitTest {
    private static double[] sample(double df, double scale, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TDistribution t = new TDistribution(null, df);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scale * t.inverseCumulativeProbability(rng.nextDouble());
        }
        return z;
    }

    @Test
    void recoversHeavyTails() {
        // 20,000 draws of 2 t(4): the estimate's standard error is about 0.15 df at this size
        StudentTFit f = StudentTFit.fit(sample(4, 2, 20_000, 1), 20_000);
        assertEquals(4, f.df(), 0.6);
        assertEquals(2, f.scale(), 0.06);
        assertEquals(20_000, f.n());
    }

    @Test
    void aNormalSampleFitsAtTheTopOfTheGrid() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] z = new double[20_000];
        for (int i = 0; i < z.length; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            z[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        StudentTFit f = StudentTFit.fit(z, z.length);
        assertTrue(f.df() > 40, "df " + f.df());
    }

    @Test
    void skipsMissingValuesAndNeedsEnough() {
        double[] z = sample(5, 1, 200, 3);
        z[7] = Double.NaN;
        assertEquals(199, StudentTFit.fit(z, z.length).n());
        assertNull(StudentTFit.fit(z, StudentTFit.MIN_N - 1));
    }
}
