import java.util.SplittableRandom;
/**
 * Math.exp against a table-driven exp (x = (64k + j) ln2/64 + r, |r| <= ln2/128: 2^k 2^(j/64) (1 + r + r^2/2 + ... +
 * r^5/120)), on normal arguments of standard deviation 0.08 as a year's 27 shocks, per value; first the largest
 * difference in units in the last place against Math.exp over 20 million arguments in [-1, 1] and [-699, 699]
 * (docs/PERFORMANCE.md, session 9: 1 ulp; 3.3-4.0 ns against 5.2-6.9 ns, not worth a changed random stream).
 * Usage: java benchmarks/draws/TableExpBench.java
 */
public class TableExpBench {
    static final double[] T = new double[64];
    static { for (int j = 0; j < 64; j++) T[j] = Math.pow(2, j / 64.0); }
    static final double INV = 64 / Math.log(2);
    static final double HI = 0x1.62e42fefa0000p-7, LO = 0x1.cf79abc9e3b3ap-46; // ln2/64 split
    static double exp(double x) {
        if (!(Math.abs(x) < 700)) return Math.exp(x);
        double kd = Math.rint(x * INV);
        long N = (long) kd;
        double r = (x - kd * HI) - kd * LO;
        double p = r + r * r * (0.5 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0))));
        double s = T[(int) (N & 63)];
        return (s + s * p) * Double.longBitsToDouble(((N >> 6) + 1023) << 52);
    }
    public static void main(String[] a) {
        int k = 27, reps = 2_000_000;
        double[] x = new double[k * 64];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 0.08;
        double[] y = new double[x.length];
        long maxUlp = 0; SplittableRandom r2 = new SplittableRandom(2);
        for (int i = 0; i < 20_000_000; i++) { double v = (r2.nextDouble() * 2 - 1) * (i % 2 == 0 ? 1 : 699);
            long d = Math.abs(Double.doubleToLongBits(exp(v)) - Double.doubleToLongBits(Math.exp(v))); maxUlp = Math.max(maxUlp, d); }
        System.out.println("max ulp diff " + maxUlp);
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime(); double s = 0;
            for (int rep = 0; rep < reps; rep++) { int off = (rep & 63) * k; for (int j = 0; j < k; j++) y[j] *= Math.exp(x[off + j]); s += y[rep % k]; for (int j = 0; j < k; j++) y[j] = 1; }
            long t1 = System.nanoTime();
            for (int rep = 0; rep < reps; rep++) { int off = (rep & 63) * k; for (int j = 0; j < k; j++) y[j] *= exp(x[off + j]); s += y[rep % k]; for (int j = 0; j < k; j++) y[j] = 1; }
            long t2 = System.nanoTime();
            System.out.printf("Math.exp %.2f ns  table %.2f ns  (%s)%n", (t1 - t0) / (double) reps / k, (t2 - t1) / (double) reps / k, s > 0);
        }
    }
}
