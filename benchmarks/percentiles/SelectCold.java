package io.plansim.aggregate;
import java.util.*;
/**
 * The exact percentiles' selection alone, on columns pushed out of the caches first (a 32 MB array written between
 * rounds): the jar's {@code OrderStatistics.atRanks} against a copy of session 10's selection ({@code v1}: each value's
 * bucket kept from the count pass, the range given as the store takes it, or found by its own pass). 224 columns of
 * 10,000 values, thread CPU of each round, the last 10 of 40 rounds; checks that the three agree to the bit. Run it
 * against the jar before session 10's change (at e160f1d; after it, atRanks is v1 with its own range pass):
 *   javac -cp OLD.jar -d /tmp/selx benchmarks/percentiles/SelectCold.java
 *   java -cp OLD.jar:/tmp/selx io.plansim.aggregate.SelectCold
 * (docs/PERFORMANCE.md, session 10).
 */
public class SelectCold {
    static double[] v1(double[] x, int[] ranks, double min, double max, short[] bk) {
        int n = x.length;
        double[] at = new double[ranks.length];
        if (min == max) { Arrays.fill(at, min); return at; }
        int buckets = Math.max(16, Math.min(1024, n / 8));
        double scale = buckets / (max - min);
        int[] count = new int[buckets];
        for (int i = 0; i < n; i++) {
            int b = Math.min(buckets - 1, (int) ((x[i] - min) * scale));
            bk[i] = (short) b;
            count[b]++;
        }
        int[] rankBucket = new int[ranks.length];
        int[] below = new int[ranks.length];
        int[] start = new int[buckets];
        Arrays.fill(start, -1);
        int gathered = 0, b = 0, cum = 0;
        for (int k = 0; k < ranks.length; k++) {
            while (cum + count[b] <= ranks[k]) cum += count[b++];
            rankBucket[k] = b; below[k] = cum;
            if (start[b] < 0) { start[b] = gathered; gathered += count[b]; }
        }
        double[] values = new double[gathered];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            int to = fill[bk[i]];
            if (to >= 0) { values[to] = x[i]; fill[bk[i]] = to + 1; }
        }
        for (int k = 0; k < ranks.length; k++) {
            int from = start[rankBucket[k]];
            if (k == 0 || rankBucket[k] != rankBucket[k - 1]) Arrays.sort(values, from, from + count[rankBucket[k]]);
            at[k] = values[from + ranks[k] - below[k]];
        }
        return at;
    }
    static double[] mm(double[] x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        boolean odd = false;
        for (double v : x) { odd |= v != v | Double.doubleToRawLongBits(v) == Long.MIN_VALUE; min = v < min ? v : min; max = v > max ? v : max; }
        if (odd) return null;
        return new double[]{min, max};
    }
    public static void main(String[] a) {
        int cols = 224, n = 10000;
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[cols][n];
        double[][] range = new double[cols][];
        for (int c = 0; c < cols; c++) { for (int i = 0; i < n; i++) x[c][i] = (100 + c) * Math.exp(0.02 * (c % 16) * (r.nextDouble() - 0.5 + r.nextDouble() - 0.5)); range[c] = mm(x[c]); }
        int[] ranks = OrderStatistics.ranksFor(McResult.PERCENTILES, n);
        short[] bk = new short[n];
        double[] filler = new double[4 << 20]; // 32 MB to push the columns out of cache between rounds
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 40; rep++) {
            for (int i = 0; i < filler.length; i++) filler[i] += 1;
            long t0 = bean.getCurrentThreadCpuTime();
            double s0 = 0;
            for (int c = 0; c < cols; c++) s0 += OrderStatistics.atRanks(x[c], ranks)[3];
            long t1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < filler.length; i++) filler[i] += 1;
            long t2 = bean.getCurrentThreadCpuTime();
            double s1 = 0;
            for (int c = 0; c < cols; c++) s1 += v1(x[c], ranks, range[c][0], range[c][1], bk)[3];
            long t3 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < filler.length; i++) filler[i] += 1;
            long t4 = bean.getCurrentThreadCpuTime();
            double s2 = 0;
            for (int c = 0; c < cols; c++) { double[] m = mm(x[c]); s2 += v1(x[c], ranks, m[0], m[1], bk)[3]; }
            long t5 = bean.getCurrentThreadCpuTime();
            for (int c = 0; c < cols; c++) { double[] m = mm(x[c]); if (!Arrays.equals(v1(x[c], ranks, m[0], m[1], bk), OrderStatistics.atRanks(x[c], ranks))) throw new AssertionError(); }
            if (rep >= 30) System.out.printf("atRanks %.2f ms, short buckets + range given %.2f ms, short buckets + own min/max pass %.2f ms (%b)%n", (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6, s0 == s1 && s1 == s2);
        }
    }
}
