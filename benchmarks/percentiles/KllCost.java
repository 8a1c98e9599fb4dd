import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import java.util.SplittableRandom;

/** Scratch: CPU cost a value of KLL updates (Apache DataSketches), 864 sketches fed 64 paths at a time, and whether two identical runs agree. */
public class KllCost {
    public static void main(String[] a) {
        int size = 864, paths = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]);
        System.out.printf("k %d: normalized rank error (single rank, 99%%) %.4f%n", k, KllSketch.getNormalizedRankError(k, false));
        double[] first = null;
        for (int rep = 0; rep < 3; rep++) {
            KllDoublesSketch[] s = new KllDoublesSketch[size];
            for (int i = 0; i < size; i++) s[i] = KllDoublesSketch.newHeapInstance(k);
            SplittableRandom r = new SplittableRandom(1);
            double[] batch = new double[64 * size];
            long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (int p = 0; p < paths; p += 64) {
                for (int j = 0; j < batch.length; j++) batch[j] = 80 + r.nextDouble();
                for (int i = 0; i < size; i++) for (int l = 0; l < 64; l++) s[i].update(batch[l * size + i]);
            }
            long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            double[] q = new double[size];
            for (int i = 0; i < size; i++) q[i] = s[i].getQuantile(0.1);
            int diff = 0;
            if (first == null) first = q; else for (int i = 0; i < size; i++) if (q[i] != first[i]) diff++;
            System.out.printf("rep %d: %.1f ns of CPU a value (drawing included), %d of %d p10 differ from rep 0, bytes %d%n", rep,
                (t1 - t0) / (double) paths / size, diff, size, s[0].getSerializedSizeBytes());
        }
    }
}
