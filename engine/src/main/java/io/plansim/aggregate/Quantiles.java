package io.plansim.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.BitwiseLinearlyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Arrays;

/**
 * Percentiles of every output value over paths, with memory flat in the number of paths and bit-identical
 * for any number of threads. Small runs ({@link #EXACT_LIMIT} paths or fewer) keep every value and report
 * exact order statistics (linear interpolation between order statistics, R type 7). Larger runs count
 * paths' values in fixed-width bins ({@link Binned}): each variable-year's bins are laid out from the run's
 * first {@link #PILOT} paths, {@link #BINS_PER_RANGE} bins across the 5-95% range those paths show, and the
 * first {@link #COUNTED_PATHS} paths (the pilot included) are then counted. A percentile read off the bins lies in the bin that
 * holds the exact order statistic, so it is within one bin width (1/200 of the pilot's 5-95% range) of it,
 * and its rank is off by at most the share of paths in that bin. Counts are whole numbers, so merging
 * threads' bins is exact and does not depend on the order.
 *
 * <p>A relative-accuracy sketch (DDSketch, 0.39% of the value, used here before) collapses the percentiles
 * of a variable that moves little against its level, such as the urbanization rate; bins sized on each
 * variable-year's own spread do not (docs/PERFORMANCE.md, QuantilesTest).
 */
public abstract sealed class Quantiles permits Quantiles.Binned, Quantiles.Exact, QuantileSubset {
    public static final long EXACT_LIMIT = 10_000;
    /** Paths whose values lay out the bins of a binned run (rounded up to whole blocks). */
    public static final int PILOT = 4096;
    /** Bins across the pilot's 5-95% range: a bin is 0.5% of it wide, half the stated accuracy. */
    public static final int BINS_PER_RANGE = 200;
    /**
     * Paths a binned run counts: the first 2^18 (128 blocks of 2048). Against all paths of a larger run their
     * percentiles differ by sampling alone, a rank standard deviation of at most 0.5 / 512 = 0.1% (0.04% at
     * the 5th and 95th percentiles), a fifth of the stated 0.5% or less (QuantilesTest checks runs of
     * 300,000 and 1.2 million paths against all their paths). Counting 2^20 paths instead cost a million-path
     * run a third more CPU time (docs/PERFORMANCE.md).
     */
    public static final long COUNTED_PATHS = 1L << 18;
    /** At most this many bins per variable-year; values beyond them go to the tail sketch. */
    static final int MAX_BINS = 2048;

    /** Percentiles of {@code size} values a path over {@code paths} paths handed over one by one. */
    public static Quantiles create(int size, long paths) {
        return create(size, paths, 1);
    }

    /**
     * Percentiles of {@code size} values a path over {@code paths} paths run in blocks of {@code blockSize}:
     * a binned run's pilot is a whole number of blocks, so no block holds paths on both sides of it.
     */
    public static Quantiles create(int size, long paths, int blockSize) {
        if (paths <= EXACT_LIMIT) {
            return new Exact(size, (int) paths);
        }
        if (paths > Integer.MAX_VALUE) { // bins count in ints
            throw new IllegalArgumentException("percentiles are kept for at most " + Integer.MAX_VALUE + " paths, not " + paths);
        }
        long pilot = Math.min(paths, (PILOT + (long) blockSize - 1) / blockSize * blockSize);
        if (pilot > Integer.MAX_VALUE / Math.max(1, size)) {
            throw new IllegalArgumentException("a pilot of " + pilot + " paths of " + size + " values does not fit in memory");
        }
        return new Binned(size, (int) pilot, Math.min(paths, COUNTED_PATHS), paths);
    }

    /** A fresh, empty accumulator of the same kind (one per thread). */
    public abstract Quantiles emptyCopy();

    /**
     * Adds a batch of {@code count} paths, one after the other: value i of the batch's path l is
     * {@code batch[l * size + i]}, and that path is run path {@code paths[l]} (rising along the batch).
     */
    public final void addBatch(double[] batch, int count, long[] paths) {
        add(batch, 1, valuesPerPath(), count, paths);
    }

    /**
     * Adds a batch of {@code count} paths laid out with any strides: value-year i of the batch's path l is
     * {@code values[i * valueStride + l * pathStride]}, and that path is run path {@code paths[l]} (rising along the
     * batch). One value-year's values are taken together, so its bins are visited once per batch rather than once
     * per path, while the batch (a few hundred KB) stays in cache.
     */
    public abstract void add(double[] values, int valueStride, int pathStride, int count, long[] paths);

    /** The values of one path (value-years). */
    abstract int valuesPerPath();

    public abstract void merge(Quantiles other);

    public abstract double quantile(int i, double q);

    /** True when every path gave value-year i the same value (a variable no draw moves in that year). */
    public abstract boolean deterministic(int i);

    /** How the percentiles are computed and how accurate they are, in English (JSON, mc) or Chinese. */
    public abstract String accuracy(boolean zh);

    public String accuracy() {
        return accuracy(false);
    }

    /** Paths from this index on are not taken into the percentiles (and need not be handed over). */
    public abstract long pathLimit();

    /**
     * The leading paths that must all have been handed over, and {@link #layOut()} called, before any later
     * path is: 0 when there is nothing to lay out.
     */
    public abstract long pilotPaths();

    /** Lays out the bins from the pilot paths handed over so far (once; later calls do nothing). */
    public abstract void layOut();

    /** The number of paths the percentiles are taken from (faulty paths left out). */
    public abstract long paths();

    /**
     * Makes the standard percentiles ({@link McResult#PERCENTILES}) of every value-year ready to read, in parallel
     * on {@code executor}, once every path is in; later reads give the same bits as without it. Nothing to do by
     * default: binned percentiles are read off their counts.
     */
    public void prepareStandard(java.util.concurrent.ExecutorService executor) throws InterruptedException {
        // nothing to prepare
    }

    /**
     * Every path counted in fixed-width bins per variable-year, laid out from the run's first paths (the
     * pilot, kept exactly until then). Values outside the bins (rare: beyond the pilot's extremes) go to a
     * DDSketch per variable-year ({@link #TAIL_ACCURACY}); a value that more than 90% of the pilot paths share
     * (a variable a rare event moves) is counted apart as an atom, so its percentiles are that value exactly.
     */
    public static final class Binned extends Quantiles {
        /** Relative accuracy asked of the tail sketches (this mapping gives 0.39%). */
        static final double TAIL_ACCURACY = 0.005;
        private static final IndexMapping TAIL_MAPPING = new BitwiseLinearlyInterpolatedMapping(TAIL_ACCURACY);
        private final Run run;
        private final int size;
        /** [value][bin], allocated once the bins are laid out and this accumulator gets its first path. */
        private int[][] counts;
        private final long[] below;
        private final long[] above;
        private final long[] atoms;
        private final DDSketch[] tails;
        private long paths;

        /** What one run's accumulators share: the pilot's values until the bins are laid out, then the layout. */
        private static final class Run {
            final int pilot;
            final long limit;
            final long runPaths;
            Binned root;
            double[][] pilotValues;
            boolean[] pilotFilled;
            volatile Layout layout;

            Run(int size, int pilot, long limit, long runPaths, Binned root) {
                this.pilot = pilot;
                this.limit = limit;
                this.runPaths = runPaths;
                this.root = root;
                pilotValues = new double[size][pilot];
                pilotFilled = new boolean[pilot];
            }
        }

        /** The run's accumulator, which gets the pilot's counts and every thread's. */
        Binned(int size, int pilot, long limit, long runPaths) {
            this(size, null, new Run(size, pilot, limit, runPaths, null));
        }

        /** An empty accumulator of {@code root}'s run, or (root null) a new run's. */
        private Binned(int size, Binned root, Run newRun) {
            this.size = size;
            this.run = root == null ? newRun : root.run;
            if (root == null) {
                newRun.root = this;
            }
            below = new long[size];
            above = new long[size];
            atoms = new long[size];
            tails = new DDSketch[size];
        }

        @Override
        public Quantiles emptyCopy() {
            return new Binned(size, run.root, null);
        }

        @Override
        int valuesPerPath() {
            return size;
        }

        @Override
        public void add(double[] values, int valueStride, int pathStride, int count, long[] paths) {
            while (count > 0 && paths[count - 1] >= run.limit) {
                count--;
            }
            int pilotPaths = 0;
            while (pilotPaths < count && paths[pilotPaths] < run.pilot) {
                pilotPaths++;
            }
            if (pilotPaths > 0) { // kept until the bins are laid out; paths write disjoint slots
                double[][] store = run.pilotValues;
                for (int i = 0; i < size; i++) {
                    double[] column = store[i];
                    for (int l = 0, at = i * valueStride; l < pilotPaths; l++, at += pathStride) {
                        column[(int) paths[l]] = values[at];
                    }
                }
                for (int l = 0; l < pilotPaths; l++) {
                    run.pilotFilled[(int) paths[l]] = true;
                }
            }
            if (pilotPaths == count) {
                return;
            }
            Layout layout = run.layout;
            if (layout == null) { // handed over path by path on one thread: the pilot is complete
                layOut();
                layout = run.layout;
            }
            allocate(layout);
            for (int i = 0; i < size; i++) {
                count(i, layout, values, i * valueStride + pilotPaths * pathStride, pathStride, count - pilotPaths);
            }
            this.paths += count - pilotPaths;
        }

        private void allocate(Layout layout) {
            if (counts == null) {
                counts = new int[size][];
                for (int i = 0; i < size; i++) {
                    counts[i] = new int[layout.bins[i]];
                }
            }
        }

        /**
         * Counts {@code n} values of value-year i, {@code values[start + k * stride]}: one subtraction, one
         * multiplication and one int increment a value; the bins of a value-year (about 2 KB) stay in cache for
         * the batch.
         */
        private void count(int i, Layout layout, double[] values, int start, int stride, int n) {
            double lo = layout.lo[i];
            double inv = layout.inverseWidth[i];
            double atom = layout.atom[i];
            int bins = layout.bins[i];
            int[] c = counts[i];
            long atomCount = 0;
            int end = start + n * stride;
            for (int at = start; at < end; at += stride) {
                double v = values[at];
                if (v == atom) {
                    atomCount++;
                    continue;
                }
                double x = (v - lo) * inv;
                if (x >= 0 && x < bins) {
                    c[(int) x]++;
                } else if (x < 0) {
                    below[i]++;
                    tail(i).accept(v);
                } else if (x >= bins) {
                    above[i]++;
                    tail(i).accept(v);
                } // NaN (growth accounting has no base-year value): not counted
            }
            atoms[i] += atomCount;
        }

        private DDSketch tail(int i) {
            if (tails[i] == null) {
                tails[i] = new DDSketch(TAIL_MAPPING, UnboundedSizeDenseStore::new);
            }
            return tails[i];
        }

        @Override
        public long pilotPaths() {
            return run.pilot;
        }

        @Override
        public void layOut() {
            synchronized (run) {
                if (run.layout != null) {
                    return;
                }
                boolean[] filled = run.pilotFilled;
                Layout layout = new Layout(size);
                Binned root = run.root;
                root.counts = new int[size][];
                // value-years are independent: laid out and counted in parallel, since this is the one
                // pause of a run (between its pilot blocks and the rest); each pilot column is compacted in
                // place (faulty paths and NaN left out), laid out, and counted into the run's bins
                java.util.stream.IntStream.range(0, size).parallel().forEach(i -> {
                    double[] v = run.pilotValues[i];
                    int k = 0;
                    for (int p = 0; p < filled.length; p++) {
                        if (filled[p] && !Double.isNaN(v[p])) {
                            v[k++] = v[p];
                        }
                    }
                    layout.set(i, v, k);
                    root.counts[i] = new int[layout.bins[i]];
                    root.count(i, layout, v, 0, 1, k);
                });
                for (boolean f : filled) {
                    root.paths += f ? 1 : 0;
                }
                run.pilotValues = null;
                run.pilotFilled = null;
                run.layout = layout;
            }
        }

        @Override
        public void merge(Quantiles other) {
            Binned o = (Binned) other;
            if (o == this) {
                return;
            }
            layOut();
            if (o.counts != null) {
                allocate(run.layout);
                for (int i = 0; i < size; i++) {
                    int[] c = counts[i];
                    int[] oc = o.counts[i];
                    for (int b = 0; b < c.length; b++) {
                        c[b] += oc[b];
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                below[i] += o.below[i];
                above[i] += o.above[i];
                atoms[i] += o.atoms[i];
                if (o.tails[i] != null) {
                    tail(i).mergeWith(o.tails[i]);
                }
            }
            paths += o.paths;
        }

        @Override
        public double quantile(int i, double q) {
            layOut();
            Layout layout = run.layout;
            int[] c = counts == null ? new int[0] : counts[i];
            long binned = 0;
            for (int x : c) {
                binned += x;
            }
            long n = below[i] + atoms[i] + binned + above[i];
            if (n == 0) {
                return Double.NaN;
            }
            if (deterministic(i)) {
                return layout.atom[i];
            }
            // rank h in R type 7's sense; the values in order: below the bins, the bins (the atom right after
            // the bin it lies in, or alone when there are no bins), above the bins
            double h = q * (n - 1);
            if (h < below[i]) {
                return tailValue(i, h);
            }
            double r = h - below[i];
            double atom = layout.atom[i];
            int atomBin = Double.isNaN(atom) || c.length == 0 ? -1 : (int) ((atom - layout.lo[i]) * layout.inverseWidth[i]);
            for (int b = 0; b < c.length; b++) {
                if (r < c[b]) {
                    double within = Math.min(1, (r + 0.5) / c[b]);
                    return layout.lo[i] + (b + within) / layout.inverseWidth[i];
                }
                r -= c[b];
                if (b == atomBin) {
                    if (r < atoms[i]) {
                        return atom;
                    }
                    r -= atoms[i];
                }
            }
            if (atomBin < 0 && atoms[i] > 0) {
                if (r < atoms[i]) {
                    return atom;
                }
                r -= atoms[i];
            }
            return tailValue(i, below[i] + r);
        }

        /** The tail sketch's value at rank r (0-based) among the values outside the bins. */
        private double tailValue(int i, double r) {
            long outside = below[i] + above[i];
            if (tails[i] == null || outside == 0) {
                return Double.NaN;
            }
            return tails[i].getValueAtQuantile(outside == 1 ? 0 : Math.min(1, r / (outside - 1)));
        }

        /**
         * Deterministic when every path gave the pilot's single value: the pilot had one value (no bins, that
         * value its atom) and no later path fell outside it.
         */
        @Override
        public boolean deterministic(int i) {
            layOut();
            return run.layout.bins[i] == 0 && atoms[i] > 0 && below[i] == 0 && above[i] == 0;
        }

        /**
         * The widest bin any percentile is read from, as a share of its value-year's 5-95% range over all
         * paths (value-years without spread left out): the accuracy this run achieved.
         */
        public double widestBinShare() {
            layOut();
            double widest = 0;
            for (int i = 0; i < size; i++) {
                double range = quantile(i, 0.95) - quantile(i, 0.05);
                if (range > 0 && run.layout.bins[i] > 0) {
                    widest = Math.max(widest, 1 / run.layout.inverseWidth[i] / range);
                }
            }
            return widest;
        }

        @Override
        public String accuracy(boolean zh) {
            String widest = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * widestBinShare());
            boolean all = run.limit >= run.runPaths;
            return zh ? String.format(java.util.Locale.ROOT, "分箱计数，%s %d 条路径；每个变量-年份的箱宽为前 %d 条路径 5-95%% 范围的 1/%d（本次最宽为其 5-95%% 范围的 %s）",
                            all ? "全部" : "前", paths(), run.pilot, BINS_PER_RANGE, widest)
                    : String.format(java.util.Locale.ROOT, "binned, %s %d paths; bins 1/%d of each variable-year's 5-95%% range in the first %d paths (widest %s of its range)",
                            all ? "all" : "the first", paths(), BINS_PER_RANGE, run.pilot, widest);
        }

        @Override
        public long pathLimit() {
            return run.limit;
        }

        @Override
        public long paths() {
            layOut();
            return paths;
        }
    }

    /** Where each value-year's bins lie, set once from the pilot's values. */
    static final class Layout {
        final double[] lo;
        final double[] inverseWidth;
        final double[] atom;
        final int[] bins;

        Layout(int size) {
            lo = new double[size];
            inverseWidth = new double[size];
            atom = new double[size];
            bins = new int[size];
        }

        /**
         * Bins of a 200th of the pilot's 5-95% range from below its smallest to above its largest value (at
         * most {@link #MAX_BINS}, centred on that range). The range is found by counting the values in 256
         * buckets, narrowed around the 5% and 95% points until they lie at least 16 buckets apart (so it is
         * known to within 1/8), which takes no sort. A pilot of one value (a deterministic value-year) has no
         * bins, only its atom; so has a pilot whose 5-95% range is a single value (then that value's atom).
         */
        void set(int i, double[] v, int m) {
            atom[i] = Double.NaN;
            bins[i] = 0;
            inverseWidth[i] = 1;
            if (m == 0) {
                lo[i] = Double.POSITIVE_INFINITY; // everything in the tail sketch
                return;
            }
            double min = v[0];
            double max = v[0];
            for (int k = 1; k < m; k++) {
                min = v[k] < min ? v[k] : min;
                max = v[k] > max ? v[k] : max;
            }
            if (min == max) {
                lo[i] = min;
                atom[i] = min;
                return;
            }
            // the 5-95% range from at most about 1,024 of the pilot's values (every step-th): known to within
            // a few per cent, which is all the bin width needs
            int step = Math.max(1, m / 1024);
            int sampled = (m + step - 1) / step;
            final int buckets = 256;
            long[] h = new long[buckets];
            double rankLo = 0.05 * (sampled - 1);
            double rankHi = 0.95 * (sampled - 1);
            double a = min;
            double b = max;
            long before = 0; // sampled values below a
            double spread = Double.NaN;
            double centre = Double.NaN;
            for (int pass = 0; pass < 8; pass++) {
                Arrays.fill(h, 0);
                double inv = buckets / (b - a);
                double innerMin = Double.POSITIVE_INFINITY;
                double innerMax = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < m; k += step) {
                    double x = v[k];
                    if (x >= a && x <= b) {
                        h[Math.min(buckets - 1, (int) ((x - a) * inv))]++;
                        innerMin = x < innerMin ? x : innerMin;
                        innerMax = x > innerMax ? x : innerMax;
                    }
                }
                if (innerMin == innerMax) { // the 5% and 95% points are one value, held by 90% of the pilot
                    atom[i] = innerMin;
                    break;
                }
                int bLo = -1;
                int bHi = -1;
                long cum = before;
                for (int k = 0; k < buckets; k++) {
                    if (bLo < 0 && cum + h[k] > Math.floor(rankLo)) {
                        bLo = k;
                    }
                    if (bHi < 0 && cum + h[k] > Math.ceil(rankHi)) {
                        bHi = k;
                    }
                    if (bLo < 0) {
                        before += h[k];
                    }
                    cum += h[k];
                }
                bHi = bHi < 0 ? buckets - 1 : bHi;
                if (bHi - bLo >= 16) {
                    spread = (bHi - bLo) / inv;
                    centre = a + (bLo + bHi + 1) / 2.0 / inv;
                    break;
                }
                double na = a + bLo / inv;
                b = bHi == buckets - 1 ? b : a + (bHi + 1) / inv;
                a = na;
            }
            // no spread to size the bins on (an atom, or values never separated): bins across the whole pilot
            double width = Double.isNaN(spread) || spread <= 0 ? (max - min) / (4.0 * BINS_PER_RANGE) : spread / BINS_PER_RANGE;
            double from = min - 16 * width;
            double to = max + 16 * width;
            if ((to - from) / width > MAX_BINS) {
                centre = Double.isNaN(atom[i]) ? (Double.isNaN(centre) ? min + (max - min) / 2 : centre) : atom[i];
                from = Math.max(from, centre - MAX_BINS / 2.0 * width);
                to = Math.min(to, from + MAX_BINS * width);
            }
            lo[i] = from;
            inverseWidth[i] = 1 / width;
            bins[i] = (int) Math.ceil((to - from) * inverseWidth[i]);
        }
    }

    /** Every value kept at its path's index: exact and order-independent. */
    public static final class Exact extends Quantiles {
        /** Value-years a task of {@link #prepareStandard} selects: 864 of them make 27 tasks of about 2 ms. */
        static final int PREPARED_CHUNK = 32;
        private final double[][] values;
        private final boolean[] filled;
        /**
         * Per value-year, the least and greatest value this accumulator and those merged into it stored, and whether
         * any was NaN or -0.0: taken as the values go in (they are in registers then), so the selection does not
         * read all of them once more for their range (docs/PERFORMANCE.md, session 10).
         */
        private final double[] least;
        private final double[] greatest;
        private final boolean[] odd;
        /** Per value-year, its kept values sorted (null until asked for). */
        private final double[][] sorted;
        /** Per value-year, its values at {@link #ranks} (null until asked for, or when sorted instead). */
        private final double[][] selected;
        private int[] ranks;
        private int kept = -1;

        Exact(int size, int paths) {
            this(new double[size][paths], new boolean[paths]);
        }

        private Exact(double[][] shared, boolean[] filled) {
            this.values = shared;
            this.filled = filled;
            this.sorted = new double[shared.length][];
            this.selected = new double[shared.length][];
            this.least = new double[shared.length];
            this.greatest = new double[shared.length];
            this.odd = new boolean[shared.length];
            Arrays.fill(least, Double.POSITIVE_INFINITY);
            Arrays.fill(greatest, Double.NEGATIVE_INFINITY);
        }

        @Override
        public Quantiles emptyCopy() {
            return new Exact(values, filled); // paths write disjoint slots of one shared store
        }

        @Override
        int valuesPerPath() {
            return values.length;
        }

        @Override
        public void add(double[] batch, int valueStride, int pathStride, int count, long[] paths) {
            // value-year by value-year: the batch's values of one value-year go to consecutive slots of its store,
            // whole cache lines at a time; path by path, each of the 864 stores took one line per value and took
            // each line again for the next path (44% of a warm 10,000-path run, JFR, docs/PERFORMANCE.md "Session 5")
            for (int i = 0, size = values.length; i < size; i++) {
                store(i, batch, i * valueStride, pathStride, count, paths);
            }
            for (int l = 0; l < count; l++) {
                filled[(int) paths[l]] = true;
            }
        }

        /**
         * As {@link #add}, value-year k of this store taken from the batch's value-year {@code columns[k]}: a
         * {@link QuantileSubset} hands over the whole batch instead of gathering its columns into one of its own
         * first (a third of the page's adds, docs/PERFORMANCE.md, session 10).
         */
        void addColumns(int[] columns, double[] batch, int valueStride, int pathStride, int count, long[] paths) {
            for (int k = 0; k < columns.length; k++) {
                store(k, batch, columns[k] * valueStride, pathStride, count, paths);
            }
            for (int l = 0; l < count; l++) {
                filled[(int) paths[l]] = true;
            }
        }

        /** Stores the batch's values of value-year i, from {@code at} a path-stride apart, and takes their range. */
        private void store(int i, double[] batch, int at, int pathStride, int count, long[] paths) {
            double[] store = values[i];
            double min = least[i];
            double max = greatest[i];
            boolean nanOrMinusZero = false;
            for (int l = 0; l < count; l++, at += pathStride) {
                double v = batch[at];
                store[(int) paths[l]] = v;
                nanOrMinusZero |= v != v | Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
            least[i] = min;
            greatest[i] = max;
            odd[i] |= nanOrMinusZero;
        }

        @Override
        public void merge(Quantiles other) {
            // the store is shared (paths write disjoint slots of it): only the ranges are combined
            Exact o = (Exact) other;
            for (int i = 0; i < values.length; i++) {
                least[i] = Math.min(least[i], o.least[i]);
                greatest[i] = Math.max(greatest[i], o.greatest[i]);
                odd[i] |= o.odd[i];
            }
        }

        /**
         * Value-year j's standard ranks selected from {@code column} (its kept values), or null when they hold NaN or
         * -0.0 (sort them instead). The range taken as they were stored is that of every path stored, faulty paths
         * left out (their values never reach {@link #add}).
         */
        private double[] select(int j, double[] column, int[] r) {
            return odd[j] ? null : OrderStatistics.atRanks(column, r, least[j], greatest[j]);
        }

        @Override
        public synchronized double quantile(int i, double q) {
            double[] x = sorted[i];
            if (x == null) {
                int n = kept();
                if (n == 0) {
                    return Double.NaN;
                }
                // the standard percentiles' ranks are selected, not sorted for; any other level sorts the column
                double h = (n - 1) * q;
                int lo = (int) Math.floor(h);
                boolean last = lo >= n - 1;
                int[] r = ranks(n);
                int a = Arrays.binarySearch(r, last ? n - 1 : lo);
                if (a >= 0 && (last || a + 1 < r.length && r[a + 1] == lo + 1)) {
                    double[] at = selectedColumn(i);
                    if (at != null) {
                        return last ? at[a] : interpolate(at[a], at[a + 1], h, lo);
                    }
                }
                x = sortedColumn(i);
            }
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
            return interpolate(x[lo], x[lo + 1], h, lo);
        }

        private static double interpolate(double below, double above, double h, int lo) {
            return below + (h - lo) * (above - below);
        }

        /** The ranks the standard percentiles ({@link McResult#PERCENTILES}) read among n values. */
        private synchronized int[] ranks(int n) {
            if (ranks == null) {
                ranks = OrderStatistics.ranksFor(McResult.PERCENTILES, n);
            }
            return ranks;
        }

        /**
         * A value-year's values at {@link #ranks}, found by selection rather than a sort (bit-identical: the
         * same order statistics), or null when its values hold NaN or -0.0 (then the column is sorted).
         */
        private synchronized double[] selectedColumn(int j) {
            if (selected[j] != null || sorted[j] != null) {
                return selected[j];
            }
            // atRanks leaves its input as it was: with every path kept (no faults) it reads the store itself
            double[] column = kept() == filled.length ? values[j] : column(j);
            double[] at = select(j, column, ranks(column.length));
            if (at == null) {
                column = column == values[j] ? column.clone() : column;
                Arrays.sort(column);
                sorted[j] = column;
                return null;
            }
            selected[j] = at;
            return at;
        }

        /**
         * A value-year's kept values, sorted on first use, each value-year apart: a front end that reads the
         * percentiles of a few variables (the what-if page: 14 of 54) sorts only those (864 sorts of 10,000 values
         * took twice as long as the run itself, docs/PERFORMANCE.md); the standard percentiles need no sort.
         */
        private synchronized double[] sortedColumn(int j) {
            if (sorted[j] != null) {
                return sorted[j];
            }
            double[] column = column(j);
            Arrays.sort(column);
            sorted[j] = column;
            return column;
        }

        /**
         * Every value-year's standard ranks selected on {@code executor}, {@link #PREPARED_CHUNK} value-years a task,
         * right after the run: read one at a time on the output thread, the 864 selections of a 10,000-path run
         * were the serial tail of {@code mc} (docs/PERFORMANCE.md, session 6). Each column is selected outside the lock
         * as {@link #selectedColumn} selects it (the same values, the same bits) and stored under it.
         */
        @Override
        public void prepareStandard(java.util.concurrent.ExecutorService executor) throws InterruptedException {
            int n = kept();
            if (n == 0) {
                return;
            }
            int[] r = ranks(n);
            boolean all = n == filled.length;
            java.util.List<java.util.concurrent.Future<?>> tasks = new java.util.ArrayList<>();
            for (int from = 0; from < values.length; from += PREPARED_CHUNK) {
                int start = from;
                int end = Math.min(values.length, from + PREPARED_CHUNK);
                tasks.add(executor.submit(() -> {
                    for (int j = start; j < end; j++) {
                        if (readyColumn(j)) {
                            continue;
                        }
                        double[] column = all ? values[j] : column(j);
                        double[] at = select(j, column, r);
                        double[] sortedColumn = null;
                        if (at == null) {
                            sortedColumn = column == values[j] ? column.clone() : column;
                            Arrays.sort(sortedColumn);
                        }
                        store(j, at, sortedColumn);
                    }
                }));
            }
            try {
                for (java.util.concurrent.Future<?> f : tasks) {
                    f.get();
                }
            } catch (InterruptedException e) {
                tasks.forEach(f -> f.cancel(false));
                throw e;
            } catch (java.util.concurrent.ExecutionException e) {
                tasks.forEach(f -> f.cancel(false));
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        private synchronized boolean readyColumn(int j) {
            return selected[j] != null || sorted[j] != null;
        }

        private synchronized void store(int j, double[] at, double[] sortedColumn) {
            if (selected[j] == null && sorted[j] == null) {
                selected[j] = at;
                sorted[j] = sortedColumn;
            }
        }

        private synchronized double[] sortedIfAny(int j) {
            return sorted[j];
        }

        /** A fresh copy of value-year j's kept values, in path order. */
        private double[] column(int j) {
            double[] column = new double[kept()];
            int k = 0;
            for (int p = 0; p < filled.length; p++) {
                if (filled[p]) {
                    column[k++] = values[j][p];
                }
            }
            return column;
        }

        private synchronized int kept() {
            if (kept < 0) {
                int k = 0;
                for (boolean f : filled) {
                    k += f ? 1 : 0;
                }
                kept = k;
            }
            return kept;
        }

        /** Every kept value the same (as the sorted column's first and last are): a min and max, no sort. */
        @Override
        public boolean deterministic(int i) {
            double[] x = sortedIfAny(i);
            if (x != null) {
                return x.length > 0 && x[0] == x[x.length - 1];
            }
            int n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] v = values[i];
            for (int p = 0; p < filled.length; p++) {
                if (filled[p]) {
                    double y = v[p];
                    if (y != y) {
                        return false; // sorted last: never equal to the first
                    }
                    min = y < min ? y : min;
                    max = y > max ? y : max;
                    n++;
                }
            }
            return n > 0 && min == max;
        }

        @Override
        public String accuracy(boolean zh) {
            return zh ? "精确" : "exact";
        }

        @Override
        public long pathLimit() {
            return filled.length;
        }

        @Override
        public long pilotPaths() {
            return 0;
        }

        @Override
        public void layOut() {
            // nothing to lay out
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
