package io.plansim.aggregate;

/**
 * Mean and variance of every output value (variable x year) over paths, by Welford's update within a
 * block and Chan's pairwise combination across blocks. Blocks are combined in block order, so the result
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

    public void add(double[] values) {
        add(values, 0);
    }

    /** Adds one path whose values are {@code values[from .. from + size)}. */
    public void add(double[] values, int from) {
        count++;
        double inv = 1.0 / count;
        // the new mean kept in a register, not read back from the array just written (the same value, so the same
        // bits): C2 cannot tell that values is not mean, and reloaded it after each store
        for (int i = 0; i < size; i++) {
            double v = values[from + i];
            double d = v - mean[i];
            double m = mean[i] + d * inv;
            mean[i] = m;
            m2[i] += d * (v - m);
        }
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
