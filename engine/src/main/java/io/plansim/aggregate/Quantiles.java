package io.plansim.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentiles of every output value over paths, with memory flat in the number of paths: one DDSketch
 * (relative accuracy {@link #RELATIVE_ACCURACY}) per variable-year, merged across threads. DDSketch's
 * bucket counts are whole numbers, so merging is exact and the result does not depend on the order.
 * Small runs ({@link #EXACT_LIMIT} paths or fewer) keep every value and report exact order statistics
 * (linear interpolation between order statistics, R type 7).
 */
public abstract sealed class Quantiles permits Quantiles.Sketched, Quantiles.Exact {
    /** Relative accuracy of sketched quantiles: the reported value is within 0.5% of a true sample quantile. */
    public static final double RELATIVE_ACCURACY = 0.005;
    public static final long EXACT_LIMIT = 10_000;

    public static Quantiles create(int size, long paths) {
        return paths <= EXACT_LIMIT ? new Exact(size, (int) paths) : new Sketched(size);
    }

    /** A fresh, empty accumulator of the same kind (one per thread). */
    public abstract Quantiles emptyCopy();

    public abstract void add(long path, double[] values);

    public abstract void merge(Quantiles other);

    public abstract double quantile(int i, double q);

    /** "exact" or the relative accuracy. */
    public abstract String accuracy();

    public static final class Sketched extends Quantiles {
        private final DDSketch[] sketches;

        Sketched(int size) {
            sketches = new DDSketch[size];
            CubicallyInterpolatedMapping mapping = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);
            for (int i = 0; i < size; i++) {
                sketches[i] = new DDSketch(mapping, UnboundedSizeDenseStore::new);
            }
        }

        @Override
        public Quantiles emptyCopy() {
            return new Sketched(sketches.length);
        }

        @Override
        public void add(long path, double[] values) {
            for (int i = 0; i < sketches.length; i++) {
                sketches[i].accept(values[i]);
            }
        }

        @Override
        public void merge(Quantiles other) {
            DDSketch[] o = ((Sketched) other).sketches;
            for (int i = 0; i < sketches.length; i++) {
                sketches[i].mergeWith(o[i]);
            }
        }

        @Override
        public double quantile(int i, double q) {
            return sketches[i].isEmpty() ? Double.NaN : sketches[i].getValueAtQuantile(q);
        }

        @Override
        public String accuracy() {
            return "ddsketch relative accuracy " + RELATIVE_ACCURACY;
        }
    }

    /** Every value kept at its path's index: exact and order-independent. */
    public static final class Exact extends Quantiles {
        private final double[][] values;
        private final boolean[] filled;
        private double[][] sorted;

        Exact(int size, int paths) {
            values = new double[size][paths];
            filled = new boolean[paths];
        }

        private Exact(double[][] shared, boolean[] filled) {
            this.values = shared;
            this.filled = filled;
        }

        @Override
        public Quantiles emptyCopy() {
            return new Exact(values, filled); // paths write disjoint slots of one shared store
        }

        @Override
        public void add(long path, double[] v) {
            for (int i = 0; i < values.length; i++) {
                values[i][(int) path] = v[i];
            }
            filled[(int) path] = true;
        }

        @Override
        public void merge(Quantiles other) {
            // shared store: nothing to do
        }

        @Override
        public double quantile(int i, double q) {
            if (sorted == null) {
                sorted = new double[values.length][];
                int kept = 0;
                for (boolean f : filled) {
                    kept += f ? 1 : 0;
                }
                for (int j = 0; j < values.length; j++) {
                    double[] s = new double[kept];
                    int k = 0;
                    for (int p = 0; p < filled.length; p++) {
                        if (filled[p]) {
                            s[k++] = values[j][p];
                        }
                    }
                    Arrays.sort(s);
                    sorted[j] = s;
                }
            }
            if (sorted[i].length == 0) {
                return Double.NaN;
            }
            return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(sorted[i], q * 100);
        }

        @Override
        public String accuracy() {
            return "exact";
        }
    }
}
