package io.plansim.benchmarks;

import io.plansim.aggregate.Moments;
import io.plansim.aggregate.Quantiles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Guards the per-path aggregation of a large Monte Carlo run on real Yiwu paths (the first 256 paths of
 * {@code plansim mc --seed 1}), handed over as the runner hands them: batches of {@value #BATCH} paths side
 * one after the other. Counting a batch's values (54 output variables x 16 years = 864 values a path) into the binned
 * percentiles ({@code Quantiles.create(size, 20000, BATCH)}, the kind every run above 10,000 paths uses; its bins laid
 * out from a pilot of 4,096 paths, the 256 distinct ones 16 times over), merging one thread's bins into the run's
 * (done once per thread at the end of a run), laying out the bins from the pilot (once per run, between its
 * pilot blocks and the rest), and the Welford moments update of one path's values. Scores are per path, or per
 * merge and lay-out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AggregationBenchmark {
    static final int DISTINCT_PATHS = 256;
    /** The runner's batch ({@code McAggregates.BATCH}). */
    static final int BATCH = 64;

    private double[][] values;
    private double[][] batches;
    private final long[] paths = new long[BATCH];
    private Quantiles sketches;
    private Quantiles into;
    private Quantiles block;
    private int size;
    private Moments moments;
    private int next;
    private int nextPath;

    @Setup
    public void setUp() {
        Yiwu yiwu = Yiwu.load();
        values = yiwu.outputValues(yiwu.kernelPaths(DISTINCT_PATHS, 1));
        batches = Yiwu.batches(values, BATCH);
        size = yiwu.valuesPerPath();
        sketches = laidOut();
        if (!(sketches instanceof Quantiles.Binned)) {
            throw new IllegalStateException("expected the binned kind of Quantiles, got " + sketches.getClass());
        }
        into = sketches.emptyCopy();
        block = sketches.emptyCopy();
        for (double[] b : batches) {
            into.addBatch(b, BATCH, paths);
            block.addBatch(b, BATCH, paths);
        }
        moments = new Moments(size);
    }

    /** A run's percentiles with the bins laid out: the pilot handed over, every later path numbered after it. */
    private Quantiles laidOut() {
        Quantiles q = Quantiles.create(size, 20000, BATCH);
        long[] pilotPaths = new long[BATCH];
        for (int p = 0; p < q.pilotPaths(); p += BATCH) {
            for (int l = 0; l < BATCH; l++) {
                pilotPaths[l] = p + l;
            }
            q.addBatch(batches[p / BATCH % batches.length], BATCH, pilotPaths);
        }
        q.layOut();
        java.util.Arrays.fill(paths, q.pilotPaths());
        return q;
    }

    private double[] nextBatch() {
        double[] b = batches[next];
        next = (next + 1) % batches.length;
        return b;
    }

    /** A batch of {@value #BATCH} paths' 864 values into the bins (score: ns per path). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sketchInsert() {
        sketches.addBatch(nextBatch(), BATCH, paths);
    }

    /** Merging one set of 864 value-years' bins (each holding 256 paths) into another: the end-of-run merge per thread. */
    @Benchmark
    public void sketchMerge(Blackhole bh) {
        into.merge(block);
        bh.consume(into);
    }

    /** Laying out the bins of 864 value-years from a pilot of 4,096 paths and counting the pilot (once per run). */
    @Benchmark
    public void layOut(Blackhole bh) {
        bh.consume(laidOut());
    }

    /** One path's 864 values into the Welford means and variances (score: ns per path). */
    @Benchmark
    public void momentsAdd(Blackhole bh) {
        moments.add(values[nextPath]);
        nextPath = (nextPath + 1) % values.length;
        bh.consume(moments);
    }
}
