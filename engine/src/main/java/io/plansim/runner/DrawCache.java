package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The random inputs of a host's last Monte Carlo run, kept so that the next run that would draw exactly the same
 * ones reads them instead: common random numbers for a what-if page, where each slider move runs the same scenario,
 * paths and seed with one driver's value changed. A path's random inputs are its drawn parameter values (the inverse
 * CDFs at its sampler's point), its shock rows after the annual shocks and rare events, and its nowcasts' normals;
 * they depend only on what {@link DrawKey} holds (the seed, paths, block size and sampler, the parameters'
 * distributions (their number is the sampler's dimension), the shocks' rows, spreads, persistence, correlation factor and tails, the events and the compiled
 * shock factors they multiply), never on a driver's value, which every path still applies its draws to (shifted,
 * scaled or replaced). A run that reads them is therefore bit for bit the run that draws them (DrawCacheTest).
 *
 * <p>One run is kept, at most {@code maxBytes} of it (a 10,000-path run of the Yiwu baseline: 399 values a path,
 * 32 MB); a larger run is neither kept nor read. A run is kept only once every block has been recorded and the run
 * has finished: a cancelled or failed run leaves the cache as it was. Safe to share between threads and concurrent
 * runs: a kept run is never written again, and a recording run writes only its own blocks' slots.
 */
public final class DrawCache {
    private final long maxBytes;
    private volatile Recorded kept;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    private DrawCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A cache of the last run whose random inputs fit in {@code maxBytes} (at least 1). */
    public static DrawCache of(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a draw cache needs a positive size in bytes: " + maxBytes);
        }
        return new DrawCache(maxBytes);
    }

    /** Runs that read their random inputs from this cache so far. */
    public long reads() {
        return reads.get();
    }

    /** Runs that drew their random inputs and recorded them here so far (kept or not). */
    public long records() {
        return records.get();
    }

    /** What a run of {@code c} with options {@code o} does with the cache: read the kept run, record itself, or neither. */
    Session begin(CompiledScenario c, CompiledUncertainty u, McOptions o) {
        DrawKey key = DrawKey.of(c, u, o);
        Recorded r = kept;
        if (r != null && r.key.equals(key)) {
            reads.incrementAndGet();
            return new Session(r, false);
        }
        if (key.perPath() == 0 || o.paths() > maxBytes / 8 / key.perPath()) {
            return null; // nothing drawn, or more than the cache holds
        }
        records.incrementAndGet();
        return new Session(new Recorded(key, new double[Math.toIntExact(o.blocks())][]), true);
    }

    /** One run's use of the cache: the blocks' slots it reads or fills, and whether it fills them. */
    final class Session {
        private final Recorded run;
        private final boolean recording;

        private Session(Recorded run, boolean recording) {
            this.run = run;
            this.recording = recording;
        }

        boolean recording() {
            return recording;
        }

        /** Values of one path: the drawn parameter values, the drawn shock rows, the nowcasts' normals. */
        int perPath() {
            return run.key.perPath();
        }

        /** Block b's slots ({@code count} paths x {@link #perPath}): the kept ones to read, or new ones to fill. */
        double[] block(long b, int count) {
            if (!recording) {
                return run.blocks[(int) b];
            }
            double[] slots = new double[count * run.key.perPath()];
            run.blocks[(int) b] = slots;
            return slots;
        }

        /** The run finished with every block drawn: a recording becomes the kept run. */
        void finished() {
            if (recording) {
                for (double[] b : run.blocks) {
                    if (b == null) {
                        throw new IllegalStateException("a finished run left a block unrecorded");
                    }
                }
                kept = run;
            }
        }
    }

    /** A run's random inputs, block by block, and what they depend on. */
    private record Recorded(DrawKey key, double[][] blocks) {
    }

    /**
     * Everything a path's random inputs depend on. Arrays compared by content; distributions by {@code equals}
     * (a distribution without value equality never matches another instance: a miss, never a wrong read).
     */
    static final class DrawKey {
        private final long seed;
        private final long paths;
        private final int blockSize;
        private final Sampler sampler;
        /** The drawn parameters' distributions: a path keeps the values drawn from them. */
        private final Object[] parameters;
        private final int years;
        private final int[] shockRow;
        private final double[] shockSd;
        private final double[] shockRho;
        private final double[] factor;
        private final double tailsDf;
        private final double[] eventProbability;
        private final int[][] eventRows;
        private final Object[][] eventSize;
        private final int[] drawnShockRows;
        /** The compiled shock factors of the drawn rows, which the draws multiply. */
        private final double[] shockBase;
        private final int nowcasts;

        private DrawKey(CompiledScenario c, CompiledUncertainty u, McOptions o) {
            seed = o.seed();
            paths = o.paths();
            blockSize = o.blockSize();
            sampler = o.sampler();
            parameters = u.paramDist;
            years = c.years();
            shockRow = u.shockRow;
            shockSd = u.shockSd;
            shockRho = u.shockRho;
            factor = u.cholesky;
            tailsDf = u.tailsDf;
            eventProbability = u.eventProbability;
            eventRows = u.eventRows;
            eventSize = u.eventSize;
            drawnShockRows = u.drawnShockRows;
            shockBase = new double[drawnShockRows.length * years];
            for (int i = 0; i < drawnShockRows.length; i++) {
                System.arraycopy(c.shocks(), drawnShockRows[i] * years, shockBase, i * years, years);
            }
            nowcasts = c.observations().uncertainCells().length;
        }

        static DrawKey of(CompiledScenario c, CompiledUncertainty u, McOptions o) {
            return new DrawKey(c, u, o);
        }

        int perPath() {
            return parameters.length + drawnShockRows.length * years + nowcasts;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DrawKey k && seed == k.seed && paths == k.paths && blockSize == k.blockSize
                    && sampler == k.sampler && Arrays.equals(parameters, k.parameters)
                    && years == k.years
                    && Double.compare(tailsDf, k.tailsDf) == 0 && nowcasts == k.nowcasts
                    && Arrays.equals(shockRow, k.shockRow) && Arrays.equals(shockSd, k.shockSd)
                    && Arrays.equals(shockRho, k.shockRho) && Arrays.equals(factor, k.factor)
                    && Arrays.equals(eventProbability, k.eventProbability) && Arrays.deepEquals(eventRows, k.eventRows)
                    && Arrays.deepEquals(eventSize, k.eventSize) && Arrays.equals(drawnShockRows, k.drawnShockRows)
                    && Arrays.equals(shockBase, k.shockBase);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seed) * 31 + Long.hashCode(paths);
        }
    }
}
