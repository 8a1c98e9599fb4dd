package io.plansim.aggregate;

/**
 * Mean and variance of every output value (variable x year) over paths: a batch of paths side by side is
 * summarised by its own mean and sum of squared deviations (two passes over values still in cache), and
 * batches and blocks are combined by Chan's pairwise formula. Blocks are combined in block order, so the result
 * is bit-identical whatever the number of threads.
 */
public final class Moments {
    private final int size;
    private long count;
    private final double[] mean;
    private final double[] m2;

    public Moments(int size) {
        this.size = size;
        this.mean = new double[size];
        this.m2 = new double[size];
    }

    /**
     * Adds {@code lanes} paths held side by side: value i of lane l is {@code columns[offsets[i] + l]}.
     */
    public void addLanes(double[] columns, int[] offsets, int lanes) {
        if (lanes == 0) {
            return;
        }
        long n = count + lanes;
        double w = (double) lanes / n;
        double cross = (double) count * lanes / n;
        double inv = 1.0 / lanes;
        for (int i = 0; i < size; i++) {
            int from = offsets[i];
            int to = from + lanes;
            int four = from + (lanes & ~3);
            // four partial sums: one running sum would make every addition wait for the one before
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int l = from; l < four; l += 4) {
                s0 += columns[l];
                s1 += columns[l + 1];
                s2 += columns[l + 2];
                s3 += columns[l + 3];
            }
            for (int l = four; l < to; l++) {
                s0 += columns[l];
            }
            double batchMean = (s0 + s1 + s2 + s3) * inv;
            double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            for (int l = from; l < four; l += 4) {
                double d0 = columns[l] - batchMean;
                double d1 = columns[l + 1] - batchMean;
                double d2 = columns[l + 2] - batchMean;
                double d3 = columns[l + 3] - batchMean;
                q0 += d0 * d0;
                q1 += d1 * d1;
                q2 += d2 * d2;
                q3 += d3 * d3;
            }
            for (int l = four; l < to; l++) {
                double d0 = columns[l] - batchMean;
                q0 += d0 * d0;
            }
            double ss = q0 + q1 + q2 + q3;
            double d = batchMean - mean[i];
            mean[i] += d * w;
            m2[i] += ss + d * d * cross;
        }
        count = n;
    }

    public void merge(Moments o) {
        if (o.count == 0) {
            return;
        }
        if (count == 0) {
            count = o.count;
            System.arraycopy(o.mean, 0, mean, 0, size);
            System.arraycopy(o.m2, 0, m2, 0, size);
            return;
        }
        long n = count + o.count;
        double wa = (double) count / n;
        double wb = (double) o.count / n;
        double cross = (double) count * o.count / n;
        for (int i = 0; i < size; i++) {
            double d = o.mean[i] - mean[i];
            mean[i] = mean[i] * wa + o.mean[i] * wb;
            m2[i] += o.m2[i] + d * d * cross;
        }
        count = n;
    }

    public long count() {
        return count;
    }

    public double mean(int i) {
        return mean[i];
    }

    /** Sample standard deviation (n - 1). */
    public double sd(int i) {
        return count > 1 ? Math.sqrt(m2[i] / (count - 1)) : 0;
    }
}
