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
 * one after the other. Inserting a batch's values (54 output variables x 16 years = 864 values a path) into the DDSketch
 * percentiles ({@code Quantiles.create(size, 20000)}, the sketched kind every run above 10,000 paths uses),
 * merging one thread's sketches into the run's (done once per thread at the end of a run), and the Welford
 * moments update of one path's values. Scores are per path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AggregationBenchmark {
    static final int DISTINCT_PATHS = 256;
    /** The runner's batch ({@code PathBlock.BATCH}). */
    static final int BATCH = 64;

    private double[][] values;
    private double[][] batches;
    private final long[] paths = new long[BATCH];
    private Quantiles sketches;
    private Quantiles into;
    private Quantiles block;
    private Moments moments;
    private int next;
    private int nextPath;

    @Setup
    public void setUp() {
        Yiwu yiwu = Yiwu.load();
        values = yiwu.outputValues(yiwu.kernelPaths(DISTINCT_PATHS, 1));
        batches = Yiwu.batches(values, BATCH);
        int size = yiwu.valuesPerPath();
        sketches = Quantiles.create(size, 20000);
        if (!(sketches instanceof Quantiles.Sketched)) {
            throw new IllegalStateException("expected the sketched kind of Quantiles, got " + sketches.getClass());
        }
        into = sketches.emptyCopy();
        block = sketches.emptyCopy();
        for (double[] b : batches) {
            into.addBatch(b, BATCH, paths);
            block.addBatch(b, BATCH, paths);
        }
        moments = new Moments(size);
    }

    private double[] nextBatch() {
        double[] b = batches[next];
        next = (next + 1) % batches.length;
        return b;
    }

    /** A batch of {@value #BATCH} paths' 864 values into the sketches (score: ns per path). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sketchInsert() {
        sketches.addBatch(nextBatch(), BATCH, paths);
    }

    /** Merging one set of 864 sketches (each holding 256 paths) into another: the end-of-run merge per thread. */
    @Benchmark
    public void sketchMerge(Blackhole bh) {
        into.merge(block);
        bh.consume(into);
    }

    /** One path's 864 values into the Welford means and variances (score: ns per path). */
    @Benchmark
    public void momentsAdd(Blackhole bh) {
        moments.add(values[nextPath]);
        nextPath = (nextPath + 1) % values.length;
        bh.consume(moments);
    }
}
