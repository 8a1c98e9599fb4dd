package io.plansim.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.BitwiseLinearlyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Arrays;

/**
 * Percentiles of every output value over paths, with memory flat in the number of paths: one DDSketch
 * (relative accuracy {@link #RELATIVE_ACCURACY}) per variable-year, merged across threads. DDSketch's
 * bucket counts are whole numbers, so merging is exact and the result does not depend on the order.
 * Small runs ({@link #EXACT_LIMIT} paths or fewer) keep every value and report exact order statistics
 * (linear interpolation between order statistics, R type 7).
 *
 * <p>Sketched percentiles are taken over the first {@link #SKETCH_PATHS} paths of a run (all of them in
 * smaller runs). Beyond that the sampling error of a percentile is far below the sketch's own: for a
 * lognormal variable with log-sd 0.3, the standard error of the 5th percentile from 262,144 paths is
 * 2.1 x 0.3 / 512 = 0.12% of its value, against the sketch's 0.39% (QuantilesTest checks a million-path
 * run against exact order statistics of all its paths). Sketching every path of a large run would cost
 * half its time (docs/PERFORMANCE.md) and buy no accuracy. Means, standard deviations and target
 * probabilities always use every path.
 */
public abstract sealed class Quantiles permits Quantiles.Sketched, Quantiles.Exact {
    /** Relative accuracy of sketched quantiles: the reported value is within 0.5% of a true sample quantile. */
    public static final double RELATIVE_ACCURACY = 0.005;
    public static final long EXACT_LIMIT = 10_000;
    /** Paths a sketched run takes its percentiles from: the first 2^18 (128 blocks of 2048). */
    public static final long SKETCH_PATHS = 1L << 18;

    public static Quantiles create(int size, long paths) {
        return paths <= EXACT_LIMIT ? new Exact(size, (int) paths) : new Sketched(size, Math.min(paths, SKETCH_PATHS));
    }

    /** A fresh, empty accumulator of the same kind (one per thread). */
    public abstract Quantiles emptyCopy();

    /**
     * Adds a batch of {@code count} paths, one after the other: value i of the batch's path l is
     * {@code batch[l * size + i]}, and that path is run path {@code paths[l]} (rising along the batch).
     * One variable-year's values are taken together, so each sketch is visited once per batch rather than
     * once per path, while the batch (a few hundred KB) stays in cache.
     */
    public abstract void addBatch(double[] batch, int count, long[] paths);

    public abstract void merge(Quantiles other);

    public abstract double quantile(int i, double q);

    /** "exact", or the sketch's relative accuracy and the paths it covers. */
    public abstract String accuracy();

    /** Paths from this index on are not taken into the percentiles (and need not be handed over). */
    public abstract long pathLimit();

    /** The guaranteed relative accuracy of a percentile: 0 when exact. */
    public abstract double relativeAccuracy();

    /** The number of leading paths the percentiles are taken from (faulty paths among them left out). */
    public abstract long paths();

    public static final class Sketched extends Quantiles {
        /**
         * Buckets counted in front of each sketch: positive values whose bucket lies within this many of the
         * first one seen are counted in a plain int array and handed to the sketch, bucket by bucket, before it
         * is read or merged; all other values go to the sketch at once. A bucket's own value falls in that
         * bucket, so the sketch ends with the same counts as if every value had been accepted one by one
         * (QuantilesTest), for less (JMH AggregationBenchmark.sketchInsert: 3.6-4.7 against 4.8-7.9 µs a path).
         * A count never exceeds the paths a thread sketches (at most {@link #SKETCH_PATHS}), far below int's range.
         */
        static final int WINDOW = 1024;
        private final DDSketch[] sketches;
        private final long limit;
        private final IndexMapping mapping;
        /** [value][bucket - first bucket of the window], allocated with the first batch. */
        private int[] counts;
        /** First bucket index of each value's window; {@link Integer#MIN_VALUE} until its first positive value. */
        private int[] firstBucket;
        private boolean pending;

        Sketched(int size, long limit) {
            this.limit = limit;
            sketches = new DDSketch[size];
            // index from the bits of the double: no logarithm per value (JMH AggregationBenchmark.sketchInsert)
            mapping = new BitwiseLinearlyInterpolatedMapping(RELATIVE_ACCURACY);
            for (int i = 0; i < size; i++) {
                sketches[i] = new DDSketch(mapping, UnboundedSizeDenseStore::new);
            }
        }

        @Override
        public Quantiles emptyCopy() {
            return new Sketched(sketches.length, limit);
        }

        @Override
        public void addBatch(double[] batch, int count, long[] paths) {
            int kept = count;
            while (kept > 0 && paths[kept - 1] >= limit) {
                kept--;
            }
            if (kept == 0) {
                return;
            }
            int size = sketches.length;
            if (counts == null) {
                counts = new int[size * WINDOW];
                firstBucket = new int[size];
                java.util.Arrays.fill(firstBucket, Integer.MIN_VALUE);
            }
            pending = true;
            // values this small or large go straight to the sketch (its zero bucket, or buckets far out)
            double lowest = mapping.minIndexableValue();
            double highest = mapping.maxIndexableValue();
            int end = kept * size;
            for (int i = 0; i < size; i++) {
                DDSketch sketch = sketches[i];
                double first = batch[i];
                boolean same = true;
                for (int at = i; at < end; at += size) {
                    same &= batch[at] == first;
                }
                if (same) { // a value no draw moves (a fixed path, the base year): one bucket update
                    sketch.accept(first, kept);
                    continue;
                }
                int from = firstBucket[i];
                int row = i * WINDOW;
                for (int at = i; at < end; at += size) {
                    double v = batch[at];
                    if (v > lowest && v < highest) {
                        int bucket = mapping.index(v);
                        if (from == Integer.MIN_VALUE) {
                            from = bucket - WINDOW / 2;
                            firstBucket[i] = from;
                        }
                        int k = bucket - from;
                        if (k >= 0 && k < WINDOW) {
                            counts[row + k]++;
                            continue;
                        }
                    }
                    sketch.accept(v);
                }
            }
        }

        /** Hands the counted buckets to the sketches. */
        private void flush() {
            if (!pending) {
                return;
            }
            for (int i = 0; i < sketches.length; i++) {
                int row = i * WINDOW;
                for (int k = 0; k < WINDOW; k++) {
                    if (counts[row + k] != 0) {
                        sketches[i].accept(mapping.value(firstBucket[i] + k), counts[row + k]);
                        counts[row + k] = 0;
                    }
                }
            }
            pending = false;
        }

        @Override
        public void merge(Quantiles other) {
            Sketched o = (Sketched) other;
            flush();
            o.flush();
            for (int i = 0; i < sketches.length; i++) {
                sketches[i].mergeWith(o.sketches[i]);
            }
        }

        @Override
        public double quantile(int i, double q) {
            flush();
            return sketches[i].isEmpty() ? Double.NaN : sketches[i].getValueAtQuantile(q);
        }

        @Override
        public String accuracy() {
            return String.format(java.util.Locale.ROOT, "ddsketch relative accuracy %.4f, first %d paths", relativeAccuracy(), paths());
        }

        @Override
        public long pathLimit() {
            return limit;
        }

        @Override
        public double relativeAccuracy() {
            return mapping.relativeAccuracy();
        }

        @Override
        public long paths() {
            flush();
            return sketches.length == 0 ? 0 : (long) sketches[0].getCount();
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
        public void addBatch(double[] batch, int count, long[] paths) {
            int size = values.length;
            for (int l = 0; l < count; l++) {
                int path = (int) paths[l];
                for (int i = 0; i < size; i++) {
                    values[i][path] = batch[l * size + i];
                }
                filled[path] = true;
            }
        }

        @Override
        public void merge(Quantiles other) {
            // shared store: nothing to do
        }

        @Override
        public double quantile(int i, double q) {
            double[][] sorted = sortedValues();
            double[] x = sorted[i];
            if (x.length == 0) {
                return Double.NaN;
            }
            // R type 7 (Commons Math's Percentile with EstimationType.R_7, which QuantilesTest checks this
            // against) read off the sorted values: Percentile.evaluate copies and re-selects the whole
            // array on every call, which took two thirds of a report's time (JFR)
            double h = (x.length - 1) * q;
            int lo = (int) Math.floor(h);
            if (lo >= x.length - 1) {
                return x[x.length - 1];
            }
            return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
        }

        /**
         * Every value-year's kept values, sorted once on first use, value-years in parallel (864 sorts of
         * 10,000 values took a third of a report's time on one thread).
         */
        private synchronized double[][] sortedValues() {
            if (sorted == null) {
                int kept = 0;
                for (boolean f : filled) {
                    kept += f ? 1 : 0;
                }
                int n = kept;
                double[][] s = new double[values.length][];
                java.util.stream.IntStream.range(0, values.length).parallel().forEach(j -> {
                    double[] column = new double[n];
                    int k = 0;
                    for (int p = 0; p < filled.length; p++) {
                        if (filled[p]) {
                            column[k++] = values[j][p];
                        }
                    }
                    Arrays.sort(column);
                    s[j] = column;
                });
                sorted = s;
            }
            return sorted;
        }

        @Override
        public String accuracy() {
            return "exact";
        }

        @Override
        public long pathLimit() {
            return filled.length;
        }

        @Override
        public double relativeAccuracy() {
            return 0;
        }

        @Override
        public long paths() {
            long kept = 0;
            for (boolean f : filled) {
                kept += f ? 1 : 0;
            }
            return kept;
        }
    }
}
