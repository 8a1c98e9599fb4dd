package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.aggregate.QuantileSubset;
import io.plansim.aggregate.Quantiles;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantiles#add} reads a batch in any layout: the same paths handed over path by path ({@link Quantiles#addBatch})
 * and value-year by value-year (each value-year's values in consecutive slots, a stride apart) give the same bits
 * for every percentile, exact, binned (pilot, bins and tails) and kept for a subset of value-years.
 */
class StridedBatchTest {
    private static final int SIZE = 7;
    private static final int BATCH = 64;

    @Test
    void pathMajorAndValueMajorBatchesGiveTheSameBits() {
        for (long paths : new long[] {3_000, 20_000}) {
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(paths);
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] pathMajor = new double[(int) ((paths + BATCH - 1) / BATCH)][];
            for (int b = 0; b < pathMajor.length; b++) {
                int count = (int) Math.min(BATCH, paths - (long) b * BATCH);
                pathMajor[b] = new double[count * SIZE];
                for (int k = 0; k < pathMajor[b].length; k++) {
                    int i = k % SIZE;
                    // value-year 0 never moves, 1 is an atom 95% of the time, the rest spread with heavy tails
                    pathMajor[b][k] = i == 0 ? 4 : i == 1 && rng.nextDouble() < 0.95 ? 2 : i * 10 + i * z.sample() / (0.05 + rng.nextDouble());
                }
            }
            Quantiles byPath = Quantiles.create(SIZE, paths, BATCH);
            Quantiles byValue = Quantiles.create(SIZE, paths, BATCH);
            QuantileSubset subset = QuantileSubset.of(SIZE, new int[] {1, 4, 6}, paths, BATCH);
            for (int b = 0; b < pathMajor.length; b++) {
                if ((long) b * BATCH == byPath.pilotPaths()) {
                    byPath.layOut();
                    byValue.layOut();
                    subset.layOut();
                }
                int count = pathMajor[b].length / SIZE;
                int stride = count + 3; // room left over, as a partly filled batch has
                double[] valueMajor = new double[SIZE * stride];
                long[] at = new long[count];
                for (int l = 0; l < count; l++) {
                    at[l] = (long) b * BATCH + l;
                    for (int i = 0; i < SIZE; i++) {
                        valueMajor[i * stride + l] = pathMajor[b][l * SIZE + i];
                    }
                }
                byPath.addBatch(pathMajor[b], count, at);
                byValue.add(valueMajor, stride, 1, count, at);
                subset.add(valueMajor, stride, 1, count, at);
            }
            for (int i = 0; i < SIZE; i++) {
                for (double q = 0; q <= 1; q += 0.01) {
                    double expected = byPath.quantile(i, q);
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(byValue.quantile(i, q)),
                            paths + " paths, value-year " + i + ", q " + q);
                    if (subset.keeps(i)) {
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(subset.quantile(i, q)),
                                "subset, " + paths + " paths, value-year " + i + ", q " + q);
                    }
                }
                assertEquals(byPath.deterministic(i), byValue.deterministic(i), "value-year " + i);
            }
        }
    }
}
