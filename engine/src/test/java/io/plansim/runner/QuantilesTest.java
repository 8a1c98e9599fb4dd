package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.Quantiles;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Printed percentiles are within the stated accuracy of exact order statistics of all paths: within 0.5% in
 * rank, or within 1% of the value-year's 5-95% range, whichever is looser; deterministic values exactly.
 */
class QuantilesTest {
    static final double RANK_ACCURACY = 0.005;
    static final double RANGE_ACCURACY = 0.01;

    /**
     * Asserts every printed percentile of value i against the exact order statistics of {@code sorted} (all
     * the paths' values, sorted), and that it is flagged deterministic exactly when it has no spread.
     */
    static void assertWithinStatedAccuracy(Quantiles q, int i, double[] sorted, String what) {
        int n = sorted.length;
        boolean fixed = sorted[0] == sorted[n - 1];
        assertEquals(fixed, q.deterministic(i), what + " deterministic");
        double range = exact(sorted, 0.95) - exact(sorted, 0.05);
        for (double p : io.plansim.aggregate.McResult.PERCENTILES) {
            double v = q.quantile(i, p);
            double exact = exact(sorted, p);
            if (fixed) {
                assertEquals(sorted[0], v, 0.0, what + " p" + p);
                continue;
            }
            // ranks of v among all values: [share below v, share at or below v]
            double rankBelow = lowerBound(sorted, v) / (double) n;
            double rankAtOrBelow = upperBound(sorted, v) / (double) n;
            boolean inRank = rankAtOrBelow >= p - RANK_ACCURACY && rankBelow <= p + RANK_ACCURACY;
            boolean inRange = Math.abs(v - exact) <= RANGE_ACCURACY * range;
            assertTrue(inRank || inRange, what + " p" + p + ": " + v + " against exact " + exact + ", ranks "
                    + rankBelow + "-" + rankAtOrBelow + ", 5-95 range " + range);
        }
    }

    /** R type 7 on sorted values. */
    static double exact(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo >= sorted.length - 1 ? sorted[sorted.length - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The kinds of variable a run prints, drawn for path p. */
    private static double[] draw(UniformRandomProvider rng, ContinuousNormal normal) {
        double z = normal.sample();
        return new double[] {
            80.3 * Math.exp(0.002 * z),                                 // narrow: urbanization, 5-95% range 0.66% of its level
            4000 * Math.exp(0.3 * normal.sample() + (rng.nextDouble() < 0.02 ? -0.8 : 0)), // wide: 2035 GDP, with a rare slump
            82.1,                                                        // deterministic: a fixed path
            0.05 + 0.02 * normal.sample(),                               // a growth rate crossing zero
            rng.nextDouble() < 0.93 ? 120 : 120 + 30 * rng.nextDouble(), // a level only a rare event moves
        };
    }

    private interface ContinuousNormal {
        double sample();
    }

    /**
     * Every kind of variable at path counts below and above the exact limit, and above the 2^18 paths
     * a run counts, handed over in batches of 64 to two accumulators (two threads) merged at the end,
     * against exact order statistics of all paths; and the same paths dealt to the accumulators differently
     * give bit-identical percentiles.
     */
    @Test
    void percentilesOfEveryKindOfVariableAreWithinTheStatedAccuracyAtAnyPathCount() {
        String[] kinds = {"narrow", "wide", "deterministic", "growth rate", "rare event"};
        int size = kinds.length;
        for (int n : new int[] {5_000, 20_000, 300_000, 1_200_000}) {
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(n);
            var gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] values = new double[size][n];
            int count = 64;
            double[][] batches = new double[(n + count - 1) / count][];
            for (int b = 0; b < batches.length; b++) {
                int inBatch = Math.min(count, n - b * count);
                batches[b] = new double[inBatch * size];
                for (int l = 0; l < inBatch; l++) {
                    double[] v = draw(rng, gauss::sample);
                    for (int i = 0; i < size; i++) {
                        values[i][b * count + l] = v[i];
                        batches[b][l * size + i] = v[i];
                    }
                }
            }
            Quantiles byTurns = handOver(batches, size, n, count, b -> b % 2);
            Quantiles inHalves = handOver(batches, size, n, count, b -> b < batches.length / 2 ? 0 : 1);
            assertEquals(Math.min(n, Quantiles.COUNTED_PATHS), byTurns.paths(), "paths counted");
            for (int i = 0; i < size; i++) {
                double[] sorted = values[i].clone();
                Arrays.sort(sorted);
                assertWithinStatedAccuracy(byTurns, i, sorted, kinds[i] + ", " + n + " paths");
                for (int k = 0; k <= 100; k++) {
                    assertEquals(byTurns.quantile(i, k / 100.0), inHalves.quantile(i, k / 100.0), 0.0, kinds[i] + " order");
                }
            }
            // the narrow variable's percentiles no longer collapse: p10 < p50 < p90
            assertTrue(byTurns.quantile(0, 0.1) < byTurns.quantile(0, 0.5) && byTurns.quantile(0, 0.5) < byTurns.quantile(0, 0.9));
        }
    }

    private static Quantiles handOver(double[][] batches, int size, int n, int count, java.util.function.IntUnaryOperator thread) {
        Quantiles run = Quantiles.create(size, n, count);
        Quantiles[] threads = {run.emptyCopy(), run.emptyCopy()};
        long pilotBatches = (run.pilotPaths() + count - 1) / count;
        for (int b = 0; b < batches.length; b++) {
            if (b == pilotBatches) {
                run.layOut(); // as the runner does once the pilot's blocks are in
            }
            int inBatch = batches[b].length / size;
            long[] paths = new long[inBatch];
            for (int l = 0; l < inBatch; l++) {
                paths[l] = (long) b * count + l;
            }
            threads[thread.applyAsInt(b)].addBatch(batches[b], inBatch, paths);
        }
        for (Quantiles t : threads) {
            run.merge(t);
        }
        return run;
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
