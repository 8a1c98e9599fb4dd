package io.plansim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Sampler;
import io.plansim.runner.Workers;
import io.plansim.scenario.Driver;
import io.plansim.scenario.DrawMode;
import io.plansim.target.History;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredDriverSolverTest {
    private static Target target(double x) {
        return TargetCatalog.parse("t.yaml", "targets:\n  - {id: gdp, plan: t, metric: gdp_real, year: 2035, kind: level, comparator: \">=\", value: "
                + x + ", unit: 亿元, basis: real, source: {file: f, line: 1, quote: q}}\n").targets().get(0);
    }

    @Test
    void requiredGrowthIsTheClosedFormCagr() {
        CompiledScenario c = TestScenarios.compile("test/growth");
        for (double x : new double[] {1500, 2500, 4000}) {
            SolveResult r = RequiredDriverSolver.central(c, target(x), History.empty(),
                    new DriverSetting(Driver.REAL_GROWTH, 2021, 2035, DrawMode.REPLACE), -0.3, 0.3);
            assertTrue(r.found(), r.message());
            assertEquals(Math.pow(x / 1000, 1.0 / 15) - 1, r.value(), 1e-6);
        }
    }

    @Test
    void unreachableTargetsSaySo() {
        CompiledScenario c = TestScenarios.compile("test/growth");
        SolveResult r = RequiredDriverSolver.central(c, target(1e9), History.empty(),
                new DriverSetting(Driver.REAL_GROWTH, 2021, 2035, DrawMode.REPLACE), -0.3, 0.3);
        assertFalse(r.found());
        assertTrue(r.message().startsWith("no value in [-0.3, 0.3] reaches the target"), r.message());
        SolveResult easy = RequiredDriverSolver.central(c, target(1), History.empty(),
                new DriverSetting(Driver.REAL_GROWTH, 2021, 2035, DrawMode.REPLACE), -0.3, 0.3);
        assertFalse(easy.found());
        assertTrue(easy.message().startsWith("met for every value in [-0.3, 0.3]"), easy.message());
    }

    @Test
    void theValueFoundForAProbabilityMeetsItOnFreshSeeds() {
        CompiledScenario c = TestScenarios.compile("test/lognormal");
        Target t = target(2200);
        McOptions o = new McOptions(20_000, 5, Sampler.MC, 2, 2048);
        DriverSetting knob = new DriverSetting(Driver.REAL_GROWTH, 2021, 2035, DrawMode.REPLACE);
        SolveResult r = RequiredDriverSolver.probability(c, t, History.empty(), knob, 0.0, 0.15, 0.8, o, Workers.shared());
        assertTrue(r.found(), r.message());
        PathTargets one = PathTargets.of(c, List.of(t), History.empty());
        for (long seed : new long[] {101, 202}) {
            McResult check = MonteCarloRunner.run(knob.apply(c, r.value()), new McOptions(20_000, seed, Sampler.MC, 2, 2048), one, null);
            assertEquals(0.8, check.probability(0), 0.01, "seed " + seed);
        }
    }

    @Test
    void theSearchsLeanRunsGiveTheFullSummarysShareBitForBit() {
        // the solver counts its one target on runs that read the first run's draws: at the value found, and either
        // side of it, the share it reports is the full summary's of an independent run with the same seed
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.tails={df: 5}");
        McOptions o = new McOptions(6_000, 9, Sampler.LHS, 2, 1024);
        McResult plain = MonteCarloRunner.run(c, o, PathTargets.none(), null);
        double median = plain.quantile(plain.variableIndex("exports"), 2035 - plain.years()[0], 0.5);
        Target t = TargetCatalog.parse("t.yaml", "targets:\n  - {id: x, plan: t, metric: exports, year: 2035, kind: level, "
                + "comparator: \">=\", value: " + median + ", unit: 亿元, basis: nominal, source: {file: f, line: 1, quote: q}}\n")
                .targets().get(0);
        DriverSetting knob = new DriverSetting(Driver.EXPORT_TREND, 2021, 2035, DrawMode.SHIFT);
        // on the caller's pool of one thread (plansim solve --threads 1), every block of every run
        java.util.concurrent.atomic.AtomicLong blocks = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                blocks.incrementAndGet();
            }
        };
        SolveResult r = RequiredDriverSolver.probability(c, t, History.empty(), knob, -0.05, 0.05, 0.6, o, pool);
        pool.shutdown();
        // the search's evaluations and the share at the value found, each run's blocks all on the pool passed
        assertEquals(0, blocks.get() % o.blocks(), blocks + " blocks");
        assertTrue(blocks.get() >= r.iterations() * o.blocks(), blocks + " blocks for " + r.iterations() + " evaluations");
        assertTrue(r.found(), r.message());
        PathTargets one = PathTargets.of(c, List.of(t), History.empty());
        McResult at = MonteCarloRunner.run(knob.apply(c, r.value()), o, one, null);
        assertEquals(at.probability(0), r.achieved(), 0.0, "the share at the value found");
        assertEquals(MonteCarloRunner.run(knob.apply(c, -0.05), o, one, null).probability(0), r.atLow(), 1e-15); // reported as (share - 0.6) + 0.6
        assertEquals(MonteCarloRunner.run(knob.apply(c, 0.05), o, one, null).probability(0), r.atHigh(), 1e-15);
    }
}
