package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A run that keeps the percentiles of a few outputs only (what a front end reads) gives those outputs the bits the
 * full run gives them, exact (10,000 paths or fewer) and binned, and every mean, sd and count unchanged.
 */
class PercentileSubsetTest {
    private static final ExecutorService POOL = Workers.fixed(2);
    private static final double[] LEVELS = {0.01, 0.05, 0.10, 0.25, 0.333, 0.50, 0.75, 0.90, 0.95, 0.99};

    @AfterAll
    static void shutDown() {
        POOL.shutdownNow();
    }

    @Test
    void keptOutputsHaveTheFullRunsPercentiles() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        Set<String> kept = Set.of("gdp_real", "population", "no_such_output");
        for (long paths : new long[] {3_000, 12_000}) { // exact, then binned
            McOptions o = new McOptions(paths, 7, Sampler.MC, 2, 1000);
            McResult full = MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(POOL));
            McResult some = MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(POOL), kept);
            assertEquals(full.paths(), some.paths());
            assertEquals(full.quantiles().paths(), some.quantiles().paths());
            assertEquals(full.quantiles().accuracy().replaceAll("widest [^)]*", ""), some.quantiles().accuracy().replaceAll("widest [^)]*", ""));
            int checked = 0;
            for (int v = 0; v < full.variables().size(); v++) {
                String id = full.variables().get(v).id();
                for (int t = 0; t < full.years().length; t++) {
                    assertEquals(Double.doubleToRawLongBits(full.mean(v, t)), Double.doubleToRawLongBits(some.mean(v, t)), id);
                    assertEquals(Double.doubleToRawLongBits(full.sd(v, t)), Double.doubleToRawLongBits(some.sd(v, t)), id);
                    if (!kept.contains(id)) {
                        int variable = v;
                        int year = t;
                        assertThrows(IllegalArgumentException.class, () -> some.quantile(variable, year, 0.5), id);
                        continue;
                    }
                    checked++;
                    assertEquals(full.deterministic(v, t), some.deterministic(v, t), id + " " + t);
                    for (double q : LEVELS) {
                        assertEquals(Double.doubleToRawLongBits(full.quantile(v, t, q)), Double.doubleToRawLongBits(some.quantile(v, t, q)),
                                id + " year " + full.years()[t] + " level " + q + " at " + paths + " paths");
                    }
                }
            }
            assertEquals(2 * c.years(), checked);
            assertArrayEquals(full.met(), some.met());
        }
    }

    @Test
    void keptValueYearsMustRise() {
        assertThrows(IllegalArgumentException.class, () -> io.plansim.aggregate.QuantileSubset.of(4, new int[] {2, 1}, 100, 10));
        assertThrows(IllegalArgumentException.class, () -> io.plansim.aggregate.QuantileSubset.of(4, new int[] {4}, 100, 10));
        assertTrue(io.plansim.aggregate.QuantileSubset.of(4, new int[] {0, 3}, 100, 10).keeps(3));
    }
}
