import io.plansim.aggregate.Quantiles;
import java.util.SplittableRandom;
/** Scratch: wall and process CPU time of Quantiles.layOut for 864 value-years and a pilot of 4,096 paths (parallel over value-years). */
public class LayOutCost {
    public static void main(String[] a) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int size = 864, batch = 64;
        SplittableRandom r = new SplittableRandom(1);
        double[][] batches = new double[64][batch * size];
        for (double[] b : batches) for (int j = 0; j < b.length; j++) b[j] = 100 * Math.exp(0.3 * r.nextGaussian());
        long[] paths = new long[batch];
        for (int rep = 0; rep < 30; rep++) {
            Quantiles q = Quantiles.create(size, 20000, batch);
            for (int p = 0; p < 4096; p += batch) {
                for (int l = 0; l < batch; l++) paths[l] = p + l;
                q.addBatch(batches[p / batch], batch, paths);
            }
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            q.layOut();
            long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
            if (rep >= 25) System.out.printf("layOut %.1f ms wall, %.1f ms process CPU%n", (t1 - t0) / 1e6, (c1 - c0) / 1e6);
        }
    }
}
