package io.plansim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Inverse CDFs against closed forms, and constructor validation that shows the bad value. */
class DistributionTest {
    /** Mean by midpoint integration of the inverse CDF over (0,1). */
    private static double meanOf(Distribution d) {
        int n = 200_000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += d.inverseCdf((i + 0.5) / n);
        }
        return s / n;
    }

    @Test
    void meansMatchTheirClosedForms() {
        for (Distribution d : new Distribution[] {Normal.of(0.01, 0.02), Uniform.of(-1, 3), Triangular.of(0.005, 0.015, 0.025),
                Pert.of(0.02, 0.03, 0.045), LogNormal.of(0.1, 0.3)}) {
            assertEquals(d.mean(), meanOf(d), 1e-4 * Math.max(1, Math.abs(d.mean())), d.describe());
        }
        // truncated normal, symmetric truncation: mean stays at the centre
        assertEquals(0.05, meanOf(TruncatedNormal.of(0.05, 0.02, 0.01, 0.09)), 1e-6);
    }

    @Test
    void truncatedNormalStaysInItsBounds() {
        TruncatedNormal t = TruncatedNormal.of(0, 1, 0.5, 2);
        for (double u : new double[] {1e-12, 0.3, 0.999999}) {
            double x = t.inverseCdf(u);
            assertTrue(x >= 0.5 && x <= 2, "x=" + x);
        }
    }

    @Test
    void badParametersFailWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normal.of(0, -0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Triangular.of(0, 2, 1));
        assertTrue(e.getMessage().contains("mode") && e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pert.of(3, 3, 1));
        assertTrue(e.getMessage().contains("3.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TruncatedNormal.of(0, 1, 50, 60));
    }

    @Test
    void tabulatedAndClosedFormQuantilesMatchCommonsMath() {
        Pert p = Pert.of(0.02, 0.03, 0.045);
        var beta = new org.apache.commons.math3.distribution.BetaDistribution(1 + 4 * 0.01 / 0.025, 1 + 4 * 0.015 / 0.025);
        var tri = new org.apache.commons.math3.distribution.TriangularDistribution(0.005, 0.015, 0.025);
        Triangular t = Triangular.of(0.005, 0.015, 0.025);
        for (int i = 1; i < 2000; i++) {
            double u = i / 2000.0;
            double exact = 0.02 + 0.025 * beta.inverseCumulativeProbability(u);
            assertEquals(exact, p.inverseCdf(u), 1e-5 * exact, "pert u=" + u); // far below any run's sampling error
            assertEquals(tri.inverseCumulativeProbability(u), t.inverseCdf(u), 1e-12, "triangular u=" + u);
        }
        assertEquals(0.02 + 0.025 * beta.inverseCumulativeProbability(1e-9), p.inverseCdf(1e-9), 1e-12, "exact at the ends");
    }

    @Test
    void pertsOfOneShapeShareTheirQuantileTableAndStayBitIdenticalToATableComputedAfresh() {
        // the first two have one shape (a = 2.6, b = 3.4): the second reuses the first's unit table
        double[][] specs = {{0.0, 0.4, 1.0}, {-0.5, -0.1, 0.5}, {-0.01, 0.0, 0.015}};
        for (double[] spec : specs) {
            double min = spec[0];
            double range = spec[2] - spec[0];
            var beta = new org.apache.commons.math3.distribution.BetaDistribution(null,
                    1 + 4 * (spec[1] - min) / range, 1 + 4 * (spec[2] - spec[1]) / range);
            Pert p = Pert.of(spec[0], spec[1], spec[2]);
            for (int i = 1; i < 4096; i++) {
                double u = (i + 0.37) / 4096.0;
                int k = (int) (u * 4096);
                double w = u * 4096 - k;
                double lo = min + range * beta.inverseCumulativeProbability((double) k / 4096);
                double hi = min + range * beta.inverseCumulativeProbability((double) (k + 1) / 4096);
                double fresh = k < 16 || k >= 4096 - 16 ? min + range * beta.inverseCumulativeProbability(u) : lo + w * (hi - lo);
                assertEquals(fresh, p.inverseCdf(u), 0.0, p + " u=" + u);
            }
        }
    }
}
