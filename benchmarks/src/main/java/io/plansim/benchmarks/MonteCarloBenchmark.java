package io.plansim.benchmarks;

import io.plansim.aggregate.McResult;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.RunControl;
import io.plansim.runner.Workers;
import java.util.concurrent.ExecutorService;
import io.plansim.runner.Sampler;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Guards the full Monte Carlo model, single-threaded: {@link MonteCarloRunner#run} on the Yiwu baseline with
 * its judged targets, exactly as {@code plansim mc --threads 1} runs it (parameter draws by inverse CDF, the
 * scenario's correlated AR(1) shocks and rare events, the kernel, the spread recalibration, the numeric check,
 * Welford moments, every output variable-year counted in the percentile bins, target counts, and the per-run
 * set-up, bin lay-out and merge amortized over
 * {@value #PATHS} paths). {@value #PATHS} paths is above {@code Quantiles.EXACT_LIMIT}, so percentiles are
 * sketched as in large runs. The goal is a path-year no slower than twice the random-number floor
 * ({@link RandomFloorBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonteCarloBenchmark {
    /** Ten blocks of 2048 paths. */
    static final int PATHS = 20480;

    private Yiwu yiwu;
    private long seed;
    /**
     * A pool of one thread and one of every core, as {@code plansim mc --threads 1} and {@code --threads 2} run on.
     * Until session 9 both benchmarks ran on the process's shared pool of every core (McOptions.threads only bounds
     * the blocks in flight), so perPath measured two threads too and the engine speed-up read about 1.
     */
    private ExecutorService one;
    private ExecutorService every;

    @Setup
    public void setUp() {
        yiwu = Yiwu.load();
        one = Workers.fixed(1);
        every = Workers.fixed(CORES);
    }

    @TearDown
    public void tearDown() {
        one.shutdownNow();
        every.shutdownNow();
    }

    private McResult run(int threads, long paths) {
        // the default block of 2048 paths, and a new seed each run (the cost does not depend on it)
        McOptions o = new McOptions(paths, ++seed, Sampler.MC, threads, McOptions.DEFAULT_BLOCK);
        return MonteCarloRunner.summarise(yiwu.compiled, o, yiwu.targets, RunControl.on(threads == 1 ? one : every));
    }

    private McResult run() {
        return run(1, PATHS);
    }

    /** One full-model path, 2020-2035 (score: ns per path). */
    @Benchmark
    @OperationsPerInvocation(PATHS)
    public void perPath(Blackhole bh) {
        bh.consume(run());
    }

    /** The same run, scored per path-year (15 projected years a path): compare with the random-number floor. */
    @Benchmark
    @OperationsPerInvocation(PATHS * Yiwu.STEPS)
    public void perPathYear(Blackhole bh) {
        bh.consume(run());
    }

    /** Every core of the machine. */
    static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * The same run on every core, one thread each (score: ns of wall clock per path). Thread scaling is
     * perPath / perPathAllCores; the goal is at least 0.9 x cores. The ten blocks of a run are shared out as
     * threads come free, as in {@code plansim mc}.
     */
    @Benchmark
    @OperationsPerInvocation(PATHS)
    public void perPathAllCores(Blackhole bh) {
        bh.consume(run(CORES, PATHS));
    }
}
