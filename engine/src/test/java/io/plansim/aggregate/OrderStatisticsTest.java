package io.plansim.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Selection gives every asked rank the bits a full sort puts there, so exact percentiles read by selection are
 * bit-identical to those read off sorted columns (GoldenOutputTest relies on it end to end).
 */
class OrderStatisticsTest {
    private static final double[] LEVELS = {0.0, 1e-6, 0.01, 0.05, 0.10, 0.25, 0.3333, 0.50, 0.75, 0.90, 0.95, 0.999, 1.0};

    /** Columns of many kinds: continuous, few distinct values (ties), constant, sorted, reversed, tiny. */
    private static double[] column(UniformRandomProvider rng, int kind, int n) {
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            switch (kind % 6) {
                case 0 -> x[p] = rng.nextDouble() * 100 - 50;
                case 1 -> x[p] = rng.nextInt(5) * 0.25 + 1;
                case 2 -> x[p] = 3.5;
                case 3 -> x[p] = p;
                case 4 -> x[p] = n - p;
                default -> x[p] = rng.nextBoolean() ? 1e300 : -rng.nextDouble();
            }
        }
        return x;
    }

    @Test
    void selectedRanksHoldTheSortedValuesBitForBit() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        for (int n : new int[] {1, 2, 3, 7, 25, 26, 100, 1000, 10_000}) {
            for (int kind = 0; kind < 6; kind++) {
                double[] x = column(rng, kind, n);
                double[] sorted = x.clone();
                Arrays.sort(sorted);
                double[] kept = x.clone();
                int[] ranks = OrderStatistics.ranksFor(McResult.PERCENTILES, n);
                double[] at = OrderStatistics.atRanks(x, ranks);
                for (int k = 0; k < ranks.length; k++) {
                    assertEquals(Double.doubleToRawLongBits(sorted[ranks[k]]), Double.doubleToRawLongBits(at[k]),
                            "n " + n + " kind " + kind + " rank " + ranks[k]);
                }
                assertArrayEquals(kept, x, "the values are left as they were");
            }
        }
    }

    /**
     * A range given by whoever stored the values (the exact store takes it as paths go in) only spreads them over the
     * buckets: a narrower or wider one, or one wholly off the values, selects the same bits (the buckets are clamped
     * at both ends, which keeps them monotone).
     */
    @Test
    void anyGivenRangeSelectsTheSameBits() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        for (int n : new int[] {2, 26, 1000, 10_000}) {
            for (int kind = 0; kind < 6; kind++) {
                double[] x = column(rng, kind, n);
                int[] ranks = OrderStatistics.ranksFor(McResult.PERCENTILES, n);
                double[] expected = OrderStatistics.atRanks(x, ranks);
                OrderStatistics.Range r = OrderStatistics.Range.of(x);
                double lo = r.min();
                double hi = r.max();
                double w = hi - lo == 0 ? 1 : hi - lo;
                double[][] given = {{lo, hi}, {lo + w / 3, hi - w / 3}, {lo - 5 * w, hi + 7 * w}, {hi + w, hi + 2 * w},
                    {lo - 2 * w, lo - w}};
                for (double[] g : given) {
                    if (!(g[0] < g[1])) {
                        continue; // a constant column's range less a third at each end is no range
                    }
                    double[] at = OrderStatistics.atRanks(x, ranks, g[0], g[1]);
                    for (int k = 0; k < ranks.length; k++) {
                        assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(at[k]),
                                "n " + n + " kind " + kind + " range " + Arrays.toString(g) + " rank " + ranks[k]);
                    }
                }
            }
        }
    }

    @Test
    void theRangeTellsNanAndNegativeZeroApart() {
        assertEquals(new OrderStatistics.Range(-1, 2, false), OrderStatistics.Range.of(new double[] {2, -1, 0.0}));
        assertEquals(true, OrderStatistics.Range.of(new double[] {2, Double.NaN}).odd());
        assertEquals(true, OrderStatistics.Range.of(new double[] {2, -0.0}).odd());
        assertEquals(false, OrderStatistics.Range.of(new double[] {2, 0.0}).odd());
    }

    @Test
    void nanNegativeZeroAndInfiniteRangesAreLeftToASort() {
        int[] ranks = {0, 1};
        assertNull(OrderStatistics.atRanks(new double[] {1, Double.NaN}, ranks));
        assertNull(OrderStatistics.atRanks(new double[] {0.0, -0.0}, ranks));
        assertNull(OrderStatistics.atRanks(new double[] {0.0, Double.POSITIVE_INFINITY}, ranks));
        assertNull(OrderStatistics.atRanks(new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}, ranks));
        assertArrayEquals(new double[] {0.0, 1.0}, OrderStatistics.atRanks(new double[] {1, 0.0}, ranks));
    }

    /** The exact percentiles (selected for the standard levels, sorted for any other) against R type 7 of a sort. */
    @Test
    void exactPercentilesEqualThoseOfASortedColumn() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int paths = 3001;
        int size = 9;
        double[][] columns = new double[size][];
        for (int i = 0; i < 6; i++) {
            columns[i] = column(rng, i, paths);
        }
        columns[6] = column(rng, 0, paths);
        columns[6][17] = Double.NaN; // sorted last, as growth accounting's missing base year is
        columns[7] = column(rng, 1, paths);
        columns[7][5] = -0.0;
        columns[7][6] = 0.0;
        columns[8] = new double[paths];
        Arrays.fill(columns[8], Double.NaN);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int mode = 0; mode < 4; mode++) {
            boolean standardFirst = mode % 2 == 0;
            boolean prepared = mode >= 2; // the standard ranks selected on a pool first, as a run does after its paths
            Quantiles q = Quantiles.create(size, paths);
            double[] batch = new double[paths * size];
            long[] at = new long[paths];
            for (int p = 0; p < paths; p++) {
                at[p] = p;
                for (int i = 0; i < size; i++) {
                    batch[p * size + i] = columns[i][p];
                }
            }
            int kept = standardFirst ? paths - 1 : paths; // the last path left out (a faulty path), or all kept
            q.addBatch(batch, kept, at);
            if (prepared) {
                try {
                    q.prepareStandard(pool);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            for (int i = 0; i < size; i++) {
                double[] sorted = Arrays.copyOf(columns[i], kept);
                Arrays.sort(sorted);
                boolean fixed = sorted[0] == sorted[sorted.length - 1];
                if (standardFirst) { // before any percentile: read off the values, not a sorted column
                    assertEquals(fixed, q.deterministic(i), "column " + i);
                }
                double[] levels = standardFirst ? McResult.PERCENTILES : LEVELS;
                for (double[] ls : new double[][] {levels, standardFirst ? LEVELS : McResult.PERCENTILES}) {
                    for (double level : ls) {
                        assertEquals(Double.doubleToRawLongBits(r7(sorted, level)), Double.doubleToRawLongBits(q.quantile(i, level)),
                                "column " + i + " level " + level);
                    }
                }
                assertEquals(fixed, q.deterministic(i), "column " + i);
            }
        }
        pool.shutdownNow();
    }

    private static double r7(double[] x, double q) {
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo >= x.length - 1 ? x[x.length - 1] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }
}
