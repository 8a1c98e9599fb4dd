package io.plansim.aggregate;

import java.util.Arrays;

/**
 * A few order statistics of an array without sorting it all: the values at the asked ranks, bit for bit those
 * {@code Arrays.sort} would put there. Exact percentiles need 14 of a column's 10,000 ranks (the 7 percentiles and
 * their neighbours); sorting every column the page reads was most of a warm what-if run's percentile time, and
 * sorting 864 columns 30% of a {@code batch} run (JFR, docs/PERFORMANCE.md "Session 5").
 *
 * <p>The values are counted in equal-width buckets between their minimum and maximum (about 8 values a bucket, at
 * most {@link #BUCKETS}: the buckets' bookkeeping costs as much as a pass over the values); only the
 * buckets holding an asked rank are gathered and sorted. The bucket of a value, (v - min) * (buckets / range)
 * rounded down, never decreases as v grows (each rounded operation is monotone), so the values of lower buckets
 * are all smaller or equal and a rank's value is its bucket's sorted value at the rank less the count below.
 * That holds only where {@code <} orders the values as {@code Arrays.sort} does, which it does not for NaN
 * (sorted last) and -0.0 (sorted before 0.0, though equal to it), nor is the range finite with infinities: for
 * such a column {@link #atRanks} answers null and the caller sorts.
 */
final class OrderStatistics {
    static final int BUCKETS = 1024;
    private static final int FEWEST_BUCKETS = 16;

    private OrderStatistics() {
    }

    /**
     * The values of {@code x} at {@code ranks} (ascending, within the array) in sorted order, or null when x holds
     * NaN, -0.0 or an infinite range (sort it instead). x is left as it was.
     */
    static double[] atRanks(double[] x, int[] ranks) {
        Range r = Range.of(x);
        return r.odd() ? null : atRanks(x, ranks, r.min(), r.max());
    }

    /**
     * As {@link #atRanks(double[], int[])} for values whose range is known, and which hold no NaN or -0.0: the pass
     * that finds the range and the odd values, a third of the selection's time when the values come from memory
     * (docs/PERFORMANCE.md, session 10), is then made by whoever stored them ({@link Range}). Any finite
     * {@code min < max} gives the same values (a bucket is clamped at both ends, which keeps it monotone); the true
     * range spreads the values best.
     */
    static double[] atRanks(double[] x, int[] ranks, double min, double max) {
        int n = x.length;
        if (n == 0) {
            return null;
        }
        double[] at = new double[ranks.length];
        if (min == max) { // equal values that are neither NaN nor -0.0 have the same bits
            Arrays.fill(at, min);
            return at;
        }
        int buckets = Math.max(FEWEST_BUCKETS, Math.min(BUCKETS, n / 8));
        double scale = buckets / (max - min);
        if (!Double.isFinite(scale) || !Double.isFinite(max - min) || scale <= 0) {
            return null;
        }
        // each value's bucket, computed once: the gathering pass reads it instead of computing it again
        short[] bucketOf = new short[n];
        int[] count = new int[buckets];
        for (int i = 0; i < n; i++) {
            int bk = bucket(x[i], min, scale, buckets);
            bucketOf[i] = (short) bk;
            count[bk]++;
        }
        // the bucket of each rank and the values below that bucket
        int[] rankBucket = new int[ranks.length];
        int[] below = new int[ranks.length];
        int[] start = new int[buckets]; // where a gathered bucket's values go in the gathered array, -1 if not
        Arrays.fill(start, -1);
        int gathered = 0;
        int b = 0;
        int cum = 0;
        for (int k = 0; k < ranks.length; k++) {
            while (cum + count[b] <= ranks[k]) {
                cum += count[b++];
            }
            rankBucket[k] = b;
            below[k] = cum;
            if (start[b] < 0) {
                start[b] = gathered;
                gathered += count[b];
            }
        }
        double[] values = new double[gathered];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            int bk = bucketOf[i];
            int to = fill[bk];
            if (to >= 0) {
                values[to] = x[i];
                fill[bk] = to + 1;
            }
        }
        for (int k = 0; k < ranks.length; k++) {
            int from = start[rankBucket[k]];
            if (k == 0 || rankBucket[k] != rankBucket[k - 1]) {
                Arrays.sort(values, from, from + count[rankBucket[k]]);
            }
            at[k] = values[from + ranks[k] - below[k]];
        }
        return at;
    }

    private static int bucket(double v, double min, double scale, int buckets) {
        return Math.max(0, Math.min(buckets - 1, (int) ((v - min) * scale)));
    }

    /**
     * The least and greatest of some values, and whether any is NaN or -0.0 ({@code odd}: those are ordered by
     * {@code Arrays.sort}, not by {@code <}).
     */
    record Range(double min, double max, boolean odd) {
        static Range of(double[] x) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean odd = false;
            for (double v : x) {
                odd |= v != v | Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
            return new Range(min, max, odd);
        }
    }

    /** The ranks R type 7 reads for the given levels among n values: floor((n - 1) q) and the next one. */
    static int[] ranksFor(double[] levels, int n) {
        int[] r = new int[2 * levels.length];
        int m = 0;
        for (double q : levels) {
            int lo = (int) Math.floor((n - 1) * q);
            r[m++] = Math.min(lo, n - 1);
            r[m++] = Math.min(lo + 1, n - 1);
        }
        return Arrays.stream(r, 0, m).sorted().distinct().toArray();
    }
}
