package io.plansim.benchmarks;

import io.plansim.compile.CompiledUncertainty;
import io.plansim.distribution.Distribution;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
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
 * Guards the once-per-path parameter draws: one uniform per uncertain parameter of the Yiwu baseline turned
 * into a value by its distribution's inverse CDF ({@link Distribution#inverseCdf}, Commons Math), as
 * {@code PathBlock} does for every sampler (plain, Latin hypercube, Sobol). The baseline's parameters are
 * normal, triangular, truncated normal and PERT (a Beta, whose inverse CDF Commons Math finds by root search).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParameterDrawBenchmark {
    private Distribution[] distributions;
    private UniformRandomProvider rng;

    @Setup
    public void setUp() {
        CompiledUncertainty u = Yiwu.load().uncertainty;
        distributions = u.paramDist.clone();
        rng = RandomSource.XO_SHI_RO_256_PP.create(new long[] {7, 11, 13, 17});
    }

    /** Every uncertain parameter of one path (score: ns per path). */
    @Benchmark
    public double allParameters() {
        double sum = 0;
        for (Distribution d : distributions) {
            sum += d.inverseCdf(Math.min(1 - 1e-12, Math.max(1e-12, rng.nextDouble())));
        }
        return sum;
    }
}
