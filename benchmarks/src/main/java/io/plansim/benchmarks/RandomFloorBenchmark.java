package io.plansim.benchmarks;

import io.plansim.compile.CompiledUncertainty;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
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

/**
 * Guards the random-number floor of the Monte Carlo: the cost of drawing exactly the random numbers one
 * path-year of the Yiwu baseline consumes, and nothing else. The counts come from the scenario's uncertainty
 * section (as of this writing: 5 annual shocks, 2 rare events, 6 uncertain parameters). Per path-year that is
 * one standard normal per annual shock (ZigguratSampler.NormalizedGaussian over XoShiRo256++, as
 * {@code PathBlock} draws them), one uniform per rare event (does it happen this year?), one chi-square draw if
 * the scenario has Student-t tails (it has not), plus one uniform per uncertain parameter per path amortized
 * over its 15 projected years. The uniforms of an event's size, drawn only in the rare years an event happens
 * (about 0.11 a path-year), are left out. The full model ({@link MonteCarloBenchmark#perPathYear}) should cost
 * no more than twice this.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomFloorBenchmark {
    private UniformRandomProvider rng;
    private ContinuousSampler normal;
    private ContinuousSampler chiSquare;
    private int shocks;
    private int events;
    private int parameters;

    @Setup
    public void setUp() {
        CompiledUncertainty u = Yiwu.load().uncertainty;
        shocks = u.shocks();
        events = u.eventProbability.length;
        parameters = u.dimensions();
        rng = RandomSource.XO_SHI_RO_256_PP.create(new long[] {0x9E3779B97F4A7C15L, 1, 2, 3});
        normal = ZigguratSampler.NormalizedGaussian.of(rng);
        chiSquare = u.tailsDf > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rng, u.tailsDf / 2, 2) : null;
    }

    /** One path's random numbers (score: ns per path-year, a path being 15 years). */
    @Benchmark
    @OperationsPerInvocation(Yiwu.STEPS)
    public double pathYear() {
        double sum = 0;
        for (int j = 0; j < parameters; j++) {
            sum += rng.nextDouble();
        }
        for (int t = 0; t < Yiwu.STEPS; t++) {
            for (int j = 0; j < shocks; j++) {
                sum += normal.sample();
            }
            if (chiSquare != null) {
                sum += chiSquare.sample();
            }
            for (int e = 0; e < events; e++) {
                sum += rng.nextDouble();
            }
        }
        return sum;
    }
}
