package io.plansim.benchmarks;

import io.plansim.aggregate.PathTargets;
import io.plansim.runner.PathCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guards the per-path judging of targets: {@link PathTargets#count} of the Yiwu catalog's targets that a
 * Monte Carlo run can judge (levels, shares, growth rates, changes against the same path's 2025, sums) on a
 * projected kernel buffer, and the numeric check ({@link PathCheck#firstFault}) every path passes before it is
 * aggregated. The buffers are the first 256 paths of {@code plansim mc --seed 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TargetsBenchmark {
    private double[][] paths;
    private PathTargets targets;
    private PathTargets.Counter counter;
    private PathCheck check;
    private long[] met;
    private int next;

    @Setup
    public void setUp() {
        Yiwu yiwu = Yiwu.load();
        paths = yiwu.kernelPaths(AggregationBenchmark.DISTINCT_PATHS, 1);
        targets = yiwu.targets;
        counter = targets.counter(); // as the runner does: one per block, reused for every path
        check = new PathCheck(yiwu.compiled);
        met = new long[targets.size()];
    }

    private double[] nextPath() {
        double[] p = paths[next];
        next = (next + 1) % paths.length;
        return p;
    }

    /** Every judgeable target on one path, with the block's reused counter (score: ns per path). */
    @Benchmark
    public long[] countTargets() {
        counter.count(nextPath(), met);
        return met;
    }

    /** The NaN/infinity/negative-level check of one path (score: ns per path). */
    @Benchmark
    public int pathCheck() {
        return check.firstFault(nextPath());
    }
}
