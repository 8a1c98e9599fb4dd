package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Quantiles sketch = Quantiles.create(2, n);
        Quantiles half = sketch.emptyCopy();
        // batches of 50 paths, as the runner hands them over: a positive and a mixed-sign variable
        int count = 50;
        double[] batch = new double[2 * count];
        long[] paths = new long[count];
        for (int i = 0; i < n; i++) {
            data[i] = Math.exp(7 + 0.3 * normal.sample());
            int l = i % count;
            batch[2 * l] = data[i];
            batch[2 * l + 1] = data[i] - 1200;
            paths[l] = i;
            if (l == count - 1) {
                (i / count % 2 == 0 ? sketch : half).addBatch(batch, count, paths);
            }
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

    @Test
    void aMillionPathRunsPercentilesFromItsFirstPathsMatchAllItsPaths() {
        int n = 1_000_000;
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double sigma = 0.3;
        double[] data = new double[n];
        Quantiles sketch = Quantiles.create(1, n);
        int count = 64;
        double[] batch = new double[count];
        long[] paths = new long[count];
        for (int i = 0; i < n; i++) {
            data[i] = 4000 * Math.exp(sigma * normal.sample());
            batch[i % count] = data[i];
            paths[i % count] = i;
            if (i % count == count - 1) {
                sketch.addBatch(batch, count, paths);
            }
        }
        assertEquals(Quantiles.SKETCH_PATHS, sketch.paths());
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95}) {
            double exact = sorted[(int) Math.round(q * (n - 1))];
            // sampling error of a lognormal quantile from the sketched paths (delta method), 4 standard errors
            double z = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(q);
            double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            double se = Math.sqrt(q * (1 - q) / Quantiles.SKETCH_PATHS) / density * sigma;
            double allowed = sketch.relativeAccuracy() + 4 * se;
            double s = sketch.quantile(0, q);
            assertTrue(Math.abs(s / exact - 1) <= allowed, q + ": " + s + " vs " + exact + " allowed " + allowed);
        }
    }

    @Test
    void countingInFrontOfTheSketchGivesTheSketchOfEveryValueAcceptedOneByOne() {
        // three variables: narrow positive, very wide positive (many values outside the counting window),
        // and mixed-sign with zeros; compared with DDSketches fed value by value with the same mapping
        int n = 50_000;
        int size = 3;
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        Quantiles batched = Quantiles.create(size, n);
        var mapping = new com.datadoghq.sketch.ddsketch.mapping.BitwiseLinearlyInterpolatedMapping(Quantiles.RELATIVE_ACCURACY);
        com.datadoghq.sketch.ddsketch.DDSketch[] direct = new com.datadoghq.sketch.ddsketch.DDSketch[size];
        for (int i = 0; i < size; i++) {
            direct[i] = new com.datadoghq.sketch.ddsketch.DDSketch(mapping,
                    com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore::new);
        }
        int count = 64;
        double[] batch = new double[size * count];
        long[] paths = new long[count];
        for (int p = 0; p < n; p++) {
            double[] v = {100 * Math.exp(0.05 * normal.sample()), Math.exp(6 * normal.sample()),
                    p % 17 == 0 ? 0 : 3 * normal.sample()};
            for (int i = 0; i < size; i++) {
                batch[(p % count) * size + i] = v[i];
                direct[i].accept(v[i]);
            }
            paths[p % count] = p;
            if (p % count == count - 1 || p == n - 1) {
                batched.addBatch(batch, p % count + 1, paths);
            }
        }
        assertEquals(n, batched.paths());
        for (int i = 0; i < size; i++) {
            for (int k = 0; k <= 1000; k++) {
                double q = k / 1000.0;
                assertEquals(direct[i].getValueAtQuantile(q), batched.quantile(i, q), 0.0, "variable " + i + " q " + q);
            }
        }
    }

    @Test
    void exactPercentilesAreCommonsMathsRType7() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(8L);
        for (int n : new int[] {1, 2, 3, 10, 999, 10_000}) {
            Quantiles exact = Quantiles.create(1, n);
            double[] data = new double[n];
            double[] batch = new double[n];
            long[] paths = new long[n];
            for (int p = 0; p < n; p++) {
                data[p] = rng.nextDouble() < 0.1 ? 5 : 100 * rng.nextDouble() - 30; // ties and negatives
                batch[p] = data[p];
                paths[p] = p;
            }
            exact.addBatch(batch, n, paths);
            var reference = new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                    .withEstimationType(org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7);
            for (int k = 0; k <= 1000; k++) {
                double q = k / 1000.0;
                // Percentile takes p in (0, 100]: at q = 0, R type 7 is the smallest value
                double expected = q == 0 ? java.util.Arrays.stream(data).min().orElseThrow() : reference.evaluate(data, q * 100);
                assertEquals(expected, exact.quantile(0, q), 1e-12 * Math.max(1, Math.abs(expected)), "n " + n + " q " + q);
            }
        }
    }
}
