package io.plansim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The standard normal's inverse CDF (AS 241) against published values and Commons Math's. */
class NormalTest {
    private static final NormalDistribution COMMONS = new NormalDistribution(null, 0, 1);

    @Test
    void publishedQuantiles() {
        // 97.5% and 99.5% points (Abramowitz and Stegun 26.2, to the digits given there and by R's qnorm)
        assertEquals(1.959963984540054, Normal.StandardNormal.inverseCdf(0.975), 1e-15);
        assertEquals(2.5758293035489004, Normal.StandardNormal.inverseCdf(0.995), 1e-15);
        assertEquals(0.0, Normal.StandardNormal.inverseCdf(0.5), 0.0);
        // Rscript -e 'print(qnorm(c(1e-300, 1e-10)), digits = 17)' (R's qnorm is AS 241; SciPy's ndtri agrees)
        assertEquals(-6.361340902404056, Normal.StandardNormal.inverseCdf(1e-10), 1e-14);
        assertEquals(-37.047096299361199, Normal.StandardNormal.inverseCdf(1e-300), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Normal.StandardNormal.inverseCdf(0));
        assertEquals(Double.POSITIVE_INFINITY, Normal.StandardNormal.inverseCdf(1));
        assertThrows(IllegalArgumentException.class, () -> Normal.StandardNormal.inverseCdf(1.5));
        assertThrows(IllegalArgumentException.class, () -> Normal.StandardNormal.inverseCdf(Double.NaN));
    }

    @Test
    void agreesWithCommonsMathAndInvertsTheCdf() {
        double worst = 0;
        for (int i = 1; i < 200_000; i++) {
            double u = i / 200_000.0;
            double x = Normal.StandardNormal.inverseCdf(u);
            double c = COMMONS.inverseCumulativeProbability(u);
            if (Math.abs(u - 0.5) <= 0.425) { // below 0.075 Commons Math's erfInv(2u - 1) has lost digits of u
                worst = Math.max(worst, Math.abs(x - c));
            }
            assertEquals(u, Normal.StandardNormal.cdf(x), 1e-15 + 1e-13 * Math.min(u, 1 - u), "u = " + u);
            double v = 1 - u; // rounded; 1 - v is then exact, so the two arguments are exactly symmetric
            assertEquals(-Normal.StandardNormal.inverseCdf(1 - v), Normal.StandardNormal.inverseCdf(v), 1e-13, "symmetry at u = " + u);
        }
        // the tail branches: the CDF (Commons Math's, from erfc, accurate in the lower tail) gives u back to a
        // relative few x^2 units of 1e-16; Commons Math's own inverse is not used here, it computes erfInv(2u - 1), which loses u's
        // digits below about 1e-6 (at 1e-15 it is off by 1e-4: -7.94144 against R's and AS 241's -7.9413453261709952)
        for (double u = 1e-300; u < 0.075; u *= 1.37) {
            double x = Normal.StandardNormal.inverseCdf(u);
            // the CDF's own conditioning: an error of a few units in x's last place moves u by a relative x^2 ulp(1)
            assertEquals(u, Normal.StandardNormal.cdf(x), 1e-14 * Math.max(1, x * x) * u, "u = " + u);
        }
        assertEquals(-7.9413453261709952, Normal.StandardNormal.inverseCdf(1e-15), 1e-14);
        assertEquals(0, worst, 1e-15);
    }
}
