import java.util.SplittableRandom;

/**
 * Math.exp against two exps of plansim's own, on normal arguments of standard deviation 0.08, 27 values a round as a
 * year's shocks, per value (docs/PERFORMANCE.md): a degree-17 Taylor polynomial (Horner; Math.exp beyond |x| >= 1),
 * no faster (session 8), and a table-driven exp (x = (64k + j) ln2/64 + r, |r| <= ln2/128: 2^k 2^(j/64) (1 + r + ...
 * + r^5/120)), within 1 ulp of Math.exp and faster, but not worth a changed random stream (session 9). First each
 * one's largest difference from Math.exp: relative on the shocks' arguments, in units in the last place over 20
 * million arguments in [-1, 1] and [-699, 699]. Usage: java benchmarks/draws/ExpBench.java
 */
public class ExpBench {
    static double poly(double x) {
        if (Math.abs(x) >= 1) return Math.exp(x);
        // Taylor to degree 17, Horner
        double p = 1.0 / 355687428096000.0;                 // 1/17!
        p = p * x + 1.0 / 20922789888000.0;                 // 1/16!
        p = p * x + 1.0 / 1307674368000.0;
        p = p * x + 1.0 / 87178291200.0;
        p = p * x + 1.0 / 6227020800.0;
        p = p * x + 1.0 / 479001600.0;
        p = p * x + 1.0 / 39916800.0;
        p = p * x + 1.0 / 3628800.0;
        p = p * x + 1.0 / 362880.0;
        p = p * x + 1.0 / 40320.0;
        p = p * x + 1.0 / 5040.0;
        p = p * x + 1.0 / 720.0;
        p = p * x + 1.0 / 120.0;
        p = p * x + 1.0 / 24.0;
        p = p * x + 1.0 / 6.0;
        p = p * x + 0.5;
        p = p * x + 1.0;
        return p * x + 1.0;
    }

    static final double[] TABLE = new double[64];
    static {
        for (int j = 0; j < 64; j++) TABLE[j] = Math.pow(2, j / 64.0);
    }
    static final double INV = 64 / Math.log(2);
    static final double HI = 0x1.62e42fefa0000p-7, LO = 0x1.cf79abc9e3b3ap-46; // ln2/64 split

    static double table(double x) {
        if (!(Math.abs(x) < 700)) return Math.exp(x);
        double kd = Math.rint(x * INV);
        long n = (long) kd;
        double r = (x - kd * HI) - kd * LO;
        double p = r + r * r * (0.5 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0))));
        double s = TABLE[(int) (n & 63)];
        return (s + s * p) * Double.longBitsToDouble(((n >> 6) + 1023) << 52);
    }

    /** exp by Math.exp (0), the polynomial (1) or the table (2): a switch the branch predictor learns, each inlined. */
    static double exp(int which, double v) {
        return which == 0 ? Math.exp(v) : which == 1 ? poly(v) : table(v);
    }

    /** ns a value of y_j *= exp(x_j) over a year's 27 shocks, reps rounds. */
    static double time(int which, double[] x, double[] y, int k, int reps, double[] sink) {
        long t0 = System.nanoTime();
        for (int rep = 0; rep < reps; rep++) {
            int off = (rep & 63) * k;
            for (int j = 0; j < k; j++) y[j] *= exp(which, x[off + j]);
            sink[0] += y[rep % k];
            for (int j = 0; j < k; j++) y[j] = 1;
        }
        return (System.nanoTime() - t0) / (double) reps / k;
    }

    public static void main(String[] a) {
        int k = 27, reps = 2_000_000;
        double[] x = new double[k * 64];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 0.08;
        double[] y = new double[x.length];
        double maxRel = 0;
        for (double v : x) maxRel = Math.max(maxRel, Math.abs(poly(v) / Math.exp(v) - 1));
        long maxUlp = 0;
        SplittableRandom r2 = new SplittableRandom(2);
        for (int i = 0; i < 20_000_000; i++) {
            double v = (r2.nextDouble() * 2 - 1) * (i % 2 == 0 ? 1 : 699);
            maxUlp = Math.max(maxUlp, Math.abs(Double.doubleToLongBits(table(v)) - Double.doubleToLongBits(Math.exp(v))));
        }
        System.out.println("polynomial: max rel diff " + maxRel + "; table: max ulp diff " + maxUlp);
        double[] sink = {0};
        for (int round = 0; round < 6; round++) {
            double e = time(0, x, y, k, reps, sink);
            double p = time(1, x, y, k, reps, sink);
            double t = time(2, x, y, k, reps, sink);
            System.out.printf("Math.exp %.2f ns  poly %.2f ns  table %.2f ns  (%s)%n", e, p, t, sink[0] > 0);
        }
    }
}
