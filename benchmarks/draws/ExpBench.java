import java.util.SplittableRandom;
/**
 * Math.exp against a degree-17 Taylor polynomial (Horner; Math.exp beyond |x| >= 1) on normal arguments of
 * standard deviation 0.08, 27 values a round as a year's shocks, per value (docs/PERFORMANCE.md, "Where issue 23
 * stands"): the polynomial was no faster. Usage: java benchmarks/draws/ExpBench.java
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
    public static void main(String[] a) {
        int k = 27, reps = 2_000_000;
        double[] x = new double[k * 64];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 0.08;
        double[] y = new double[x.length];
        double maxRel = 0;
        for (int i = 0; i < x.length; i++) maxRel = Math.max(maxRel, Math.abs(poly(x[i]) / Math.exp(x[i]) - 1));
        System.out.println("max rel diff " + maxRel);
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime(); double s = 0;
            for (int rep = 0; rep < reps; rep++) { int off = (rep & 63) * k; for (int j = 0; j < k; j++) y[j] *= Math.exp(x[off + j]); s += y[rep % k]; for (int j = 0; j < k; j++) y[j] = 1; }
            long t1 = System.nanoTime();
            for (int rep = 0; rep < reps; rep++) { int off = (rep & 63) * k; for (int j = 0; j < k; j++) y[j] *= poly(x[off + j]); s += y[rep % k]; for (int j = 0; j < k; j++) y[j] = 1; }
            long t2 = System.nanoTime();
            System.out.printf("Math.exp %.2f ns  poly %.2f ns  (%s)%n", (t1 - t0) / (double) reps / k, (t2 - t1) / (double) reps / k, s > 0);
        }
    }
}
