package io.plansim.aggregate;

import io.plansim.compile.CompiledScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The summary of a Monte Carlo run as a {@link PathSink}: per variable and year Welford moments (combined block
 * by block in block order) and percentiles (sketches of whole-number counts), and per target the paths that met
 * it. The paths the percentiles are taken from ({@link Quantiles#pathLimit()}) are kept in a batch of
 * {@link #BATCH}, then sketched variable-year by variable-year: each sketch is visited once per batch while its
 * buckets are in cache, and a value no draw moves is counted once per batch (docs/PERFORMANCE.md). Sketch
 * accumulators are lent to blocks from a free list (at most one per block running at once) and merged at the end.
 */
public final class McAggregates implements PathSink<McAggregates.Block> {
    /** Paths whose values are counted together: 64 x 880 values = 450 KB, within L2. */
    public static final int BATCH = 64;

    private final CompiledScenario c;
    private final PathTargets targets;
    private final int size;
    private final Moments moments;
    private final Quantiles quantiles;
    private final long[] met;
    private final ConcurrentLinkedQueue<Quantiles> free = new ConcurrentLinkedQueue<>();
    private final List<Quantiles> lent = java.util.Collections.synchronizedList(new ArrayList<>());
    private boolean finished;
    /** The kernel's first rows are the outputs in order: a path's output values are its buffer's first {@code size}. */
    private final boolean outputsInOrder;

    private McAggregates(CompiledScenario c, long paths, int blockSize, PathTargets targets, java.util.Set<String> percentilesOf) {
        this.c = c;
        this.targets = targets;
        this.size = c.outputs().size() * c.years();
        this.moments = new Moments(size);
        this.quantiles = percentilesOf == null ? Quantiles.create(size, paths, blockSize)
                : QuantileSubset.of(size, columnsOf(c, percentilesOf), paths, blockSize);
        this.met = new long[targets.size()];
        boolean inOrder = c.rows() * c.years() >= size;
        for (int i = 0; i < c.outputs().size() && inOrder; i++) {
            inOrder = c.outputRow(i) == i;
        }
        this.outputsInOrder = inOrder;
    }

    /** The aggregates of a run of {@code paths} paths in blocks of {@code blockSize} of {@code c}, judging {@code targets}. */
    public static McAggregates of(CompiledScenario c, long paths, int blockSize, PathTargets targets) {
        return new McAggregates(c, paths, blockSize, targets, null);
    }

    /**
     * As above, keeping the percentiles of the outputs named in {@code percentilesOf} only (every year of each; ids
     * the scenario does not output are passed over, as a page skips the series a region lacks); null keeps all.
     * Means, sds and target counts are kept for every output either way.
     */
    public static McAggregates of(CompiledScenario c, long paths, int blockSize, PathTargets targets, java.util.Set<String> percentilesOf) {
        return new McAggregates(c, paths, blockSize, targets, percentilesOf == null ? null : java.util.Set.copyOf(percentilesOf));
    }

    /** The value-years (output i, year t at i x years + t) of the outputs named, rising. */
    private static int[] columnsOf(CompiledScenario c, java.util.Set<String> ids) {
        int n = c.years();
        int[] columns = new int[c.outputs().size() * n];
        int k = 0;
        for (int i = 0; i < c.outputs().size(); i++) {
            if (ids.contains(c.outputs().get(i).id())) {
                for (int t = 0; t < n; t++) {
                    columns[k++] = i * n + t;
                }
            }
        }
        return java.util.Arrays.copyOf(columns, k);
    }

    @Override
    public Block block(long first, int count) {
        Quantiles q = free.poll();
        if (q == null) {
            q = quantiles.emptyCopy();
            lent.add(q);
        }
        return new Block(first, q);
    }

    @Override
    public void merge(Block b) {
        moments.merge(b.moments);
        for (int i = 0; i < met.length; i++) {
            met[i] += b.met[i];
        }
    }

    @Override
    public long leadingPaths() {
        return quantiles.pilotPaths();
    }

    @Override
    public void leadingMerged() {
        quantiles.layOut();
    }

    @Override
    public void finish() {
        for (Quantiles q : lent) {
            quantiles.merge(q);
        }
        lent.clear();
        free.clear();
        finished = true;
    }

    /**
     * The standard percentiles of every kept value-year made ready on {@code executor} after the last merge
     * ({@link Quantiles#prepareStandard}): the reads that follow, on whatever thread, find them done.
     */
    public void prepareReads(java.util.concurrent.ExecutorService executor) throws InterruptedException {
        if (!finished) {
            throw new IllegalStateException("the run has not finished: no percentiles from part of its paths");
        }
        quantiles.prepareStandard(executor);
    }

    @Override
    public long[] counts() {
        return met;
    }

    /** The run's result; {@code faults} paths failed the numeric check, the first of them {@code firstFaultPath}. */
    public McResult result(long seed, String sampler, long faults, long firstFaultPath, String firstFault) {
        if (!finished) {
            throw new IllegalStateException("the run has not finished: no result from part of its paths");
        }
        int[] years = new int[c.years()];
        for (int t = 0; t < years.length; t++) {
            years[t] = c.baseYear() + t;
        }
        return new McResult(c.runId(), seed, sampler.toLowerCase(Locale.ROOT), years, c.outputs(), moments, quantiles,
                targets.targets(), met.clone(), moments.count(), faults, firstFaultPath, firstFault);
    }

    /** One block's moments and target counts, and the sketch accumulator it borrowed. */
    public final class Block implements PathSink.Block {
        private final Moments moments = new Moments(size);
        private final long[] met = new long[targets.size()];
        private final PathTargets.Counter counter = targets.counter();
        private final Quantiles sketch;
        private final long sketchUntil;
        /**
         * The batch's paths one after the other, value i of slot l at {@code l * size + i} (null for a block past the
         * sketched paths, whose values are read from the kernel's buffer or {@link #values} and not kept).
         */
        private final double[] batch;
        /** A path's output values in order when the kernel's rows are not (null when they are: the kernel's buffer serves). */
        private final double[] values;
        private final long[] batchPaths = new long[BATCH];
        private int batched;

        private Block(long first, Quantiles sketch) {
            this.sketch = sketch;
            this.sketchUntil = sketch.pathLimit();
            this.batch = first < sketchUntil ? new double[size * BATCH] : null;
            this.values = outputsInOrder ? null : new double[size];
        }

        @Override
        public void accept(long path, double[] out) {
            counter.count(out, met);
            double[] v = out;
            if (!outputsInOrder) {
                gather(out, values, 0);
                v = values;
            }
            // from the start of an array, always: with a varying offset the same update cost about 1.4 us a path
            // against 0.8-1.0 (benchmarks/aggregation/BlockCost.java, docs/PERFORMANCE.md session 7)
            moments.add(v, 0);
            if (path < sketchUntil) { // into the batch's next free slot
                System.arraycopy(v, 0, batch, batched * size, size);
                batchPaths[batched++] = path;
                if (batched == BATCH) {
                    sketch.addBatch(batch, batched, batchPaths);
                    batched = 0;
                }
            }
        }

        /** The output values of the kernel buffer {@code out} in order, into {@code into} from {@code at}. */
        private void gather(double[] out, double[] into, int at) {
            int n = c.years();
            int outputs = c.outputs().size();
            for (int i = 0; i < outputs; i++) {
                System.arraycopy(out, c.outputRow(i) * n, into, at + i * n, n);
            }
        }

        @Override
        public void finish() {
            if (batch != null) {
                sketch.addBatch(batch, batched, batchPaths);
            }
            batched = 0;
            free.add(sketch);
        }
    }
}
