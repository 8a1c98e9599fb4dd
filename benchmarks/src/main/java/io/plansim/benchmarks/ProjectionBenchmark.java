package io.plansim.benchmarks;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.kernel.ProjectionKernel;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Guards the deterministic projection of the Yiwu baseline 2020-2035 through the kernel (goal: under
 * 5 microseconds) and the one-off cost of compiling a scenario into per-year arrays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProjectionBenchmark {
    private Scenario scenario;
    private CompiledScenario compiled;
    private double[] out;

    @Setup
    public void setUp() {
        scenario = new ScenarioLoader(ScenarioRepository.onClasspath()).load("yiwu/baseline");
        compiled = ScenarioCompiler.compile(scenario);
        out = new double[compiled.rows() * compiled.years()];
    }

    /** The kernel alone: one 16-year path of the full model into a reused buffer. */
    @Benchmark
    public void projectYiwuBaseline(Blackhole bh) {
        ProjectionKernel.project(compiled, compiled.params(), compiled.shocks(), out);
        bh.consume(out);
    }

    /** Compiling a validated scenario into per-year parameter arrays (done once per scenario or variant). */
    @Benchmark
    public CompiledScenario compileScenario() {
        return ScenarioCompiler.compile(scenario);
    }
}
