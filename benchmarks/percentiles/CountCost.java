import io.plansim.aggregate.Quantiles;
import java.util.SplittableRandom;
/** ns a path to count 864 values a path, batches of 64, after warm-up; works with the old (DDSketch) and new (bins) Quantiles. */
public class CountCost {
    public static void main(String[] a) {
        int size = 864, batch = 64;
        SplittableRandom r = new SplittableRandom(1);
        double[][] batches = new double[64][batch * size];
        for (double[] b : batches) for (int j = 0; j < b.length; j++) b[j] = 100 * Math.exp(0.3 * r.nextDouble());
        long[] paths = new long[batch];
        Quantiles q = Quantiles.create(size, 200000);
        for (int p = 0; p < 4096; p += batch) {  // the pilot (new) or the first paths (old)
            for (int l = 0; l < batch; l++) paths[l] = p + l;
            q.addBatch(batches[p / batch], batch, paths);
        }
        for (int l = 0; l < batch; l++) paths[l] = 5000 + l;
        for (int rep = 0; rep < 20; rep++) {
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int k = 0; k < 640; k++) q.addBatch(batches[k % 64], batch, paths);
            long t1 = System.nanoTime();
            long cpu1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (rep >= 15) System.out.printf("%.0f ns a path wall, %.0f ns CPU%n", (t1 - t0) / 40960.0, (cpu1 - cpu0) / 40960.0);
        }
    }
}
