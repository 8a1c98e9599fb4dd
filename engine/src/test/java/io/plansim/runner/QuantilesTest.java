package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.Quantiles;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Sketched percentiles agree with exact order statistics within the stated relative accuracy. */
class QuantilesTest {
    @Test
    void sketchPercentilesAreWithinTheirRelativeAccuracy() {
        int n = 200_000;
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] data = new double[n];
        Quantiles sketch = Quantiles.create(2, Quantiles.EXACT_LIMIT + 1);
        Quantiles half = sketch.emptyCopy();
        for (int i = 0; i < n; i++) {
            data[i] = Math.exp(7 + 0.3 * normal.sample());
            double[] v = {data[i], data[i] - 1200}; // a positive and a mixed-sign variable
            (i % 2 == 0 ? sketch : half).add(i, v);
        }
        sketch.merge(half);
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95}) {
            double rank = q * (n - 1);
            double lo = sorted[(int) Math.floor(rank)];
            double hi = sorted[(int) Math.ceil(rank)];
            double s = sketch.quantile(0, q);
            double a = Quantiles.RELATIVE_ACCURACY;
            assertTrue(s >= lo * (1 - a) - 1e-9 && s <= hi * (1 + a) + 1e-9, q + ": " + s + " vs [" + lo + ", " + hi + "]");
            double m = sketch.quantile(1, q);
            double mlo = lo - 1200;
            double mhi = hi - 1200;
            assertTrue(m >= mlo - a * Math.abs(mlo) - 1e-9 && m <= mhi + a * Math.abs(mhi) + 1e-9, q + " mixed: " + m);
        }
    }
}
