package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The prior recovers a known regression to the mean and a known persistent shift from synthetic decades: the
 * next decade's mean growth = 0.01 + 0.3 x + shift + the mean of ten annual shocks, shift ~ N(0, 0.015^2), shocks
 * N(0, 0.03^2), so the annual shocks explain 0.03^2 / 10 of the residual variance and the prior takes it out.
 */
class GrowthPriorTest {
    @Test
    void recoversTheSlopeAndTheShiftOfASyntheticPanel() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 20000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s2 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.02 + 0.02 * gauss(rng);
            double shocks = 0;
            double sum = 0;
            double[] e = new double[10];
            for (int t = 0; t < 10; t++) {
                e[t] = 0.03 * gauss(rng);
                sum += e[t];
            }
            double m = sum / 10;
            for (int t = 0; t < 10; t++) {
                shocks += (e[t] - m) * (e[t] - m) / 9;
            }
            y[i] = 0.01 + 0.3 * x[i] + 0.015 * gauss(rng) + m;
            s2[i] = shocks;
        }
        GrowthPrior p = GrowthPrior.fit(x, y, s2, n, 10);
        // standard errors at n = 20000: slope about 0.0065, intercept 0.0002, shift sd about 0.0002
        assertEquals(0.3, p.slope(), 0.03);
        assertEquals(0.01, p.intercept(), 0.001);
        assertEquals(0.015, p.shiftSd(), 0.001);
        assertEquals(0.01 + 0.3 * 0.05, p.mean(0.05), 0.002);
    }

    @Test
    void tooFewPairsGiveNoPrior() {
        double[] x = new double[GrowthPrior.MIN_PAIRS];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        assertNull(GrowthPrior.fit(x, x.clone(), new double[x.length], x.length - 1, 10));
    }

    private static double gauss(SplittableRandom rng) {
        // Box-Muller: a normal draw from two uniforms of the given stream
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
