package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.Observations;
import io.plansim.target.History;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A run that reads a {@link DrawCache}'s kept random inputs is bit for bit the run that draws them: the what-if
 * page's slider moves (a driver changed, the uncertainty, paths and seed kept), for every sampler, with correlated
 * AR(1) shocks, Student tails, rare events and nowcasts; any change to what the draws depend on draws them again.
 */
class DrawCacheTest {
    private static final ExecutorService POOL = Workers.fixed(2);

    @AfterAll
    static void shutDown() {
        POOL.shutdownNow();
    }

    private static McResult run(CompiledScenario c, McOptions o, DrawCache cache) {
        RunControl control = RunControl.on(POOL);
        return MonteCarloRunner.summarise(c, o, PathTargets.none(), cache == null ? control : control.withDraws(cache));
    }

    /** Every mean, sd and percentile of every variable and year bit for bit equal. */
    private static void assertSame(McResult a, McResult b, String what) {
        for (int v = 0; v < a.variables().size(); v++) {
            for (int t = 0; t < a.years().length; t++) {
                assertEquals(a.mean(v, t), b.mean(v, t), 0.0, what + " mean " + a.variables().get(v).id() + " " + t);
                assertEquals(a.sd(v, t), b.sd(v, t), 0.0, what + " sd");
                for (double q : McResult.PERCENTILES) {
                    assertEquals(a.quantile(v, t, q), b.quantile(v, t, q), 0.0, what + " percentile " + q);
                }
            }
        }
    }

    /**
     * Runs c with the cache, checks the cache's counts after it (runs read and recorded so far), and that the result is
     * bit for bit that of a run without the cache; returns the run without it.
     */
    private static McResult assertAsDrawn(CompiledScenario c, McOptions o, DrawCache cache, long reads, long records, String what) {
        McResult cached = run(c, o, cache);
        assertEquals(reads, cache.reads(), what + ": runs that read the kept draws");
        assertEquals(records, cache.records(), what + ": runs that recorded theirs");
        McResult drawn = run(c, o, null);
        assertSame(drawn, cached, what);
        return drawn;
    }

    @Test
    void aSliderMoveReadsTheDrawsAndGetsTheRunThatDrawsThem() {
        for (Sampler s : Sampler.values()) {
            DrawCache cache = DrawCache.of(64L << 20);
            McOptions o = new McOptions(5_000, 7, s, 2, 1024);
            CompiledScenario before = TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.tails={df: 5}");
            CompiledScenario moved = TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.tails={df: 5}",
                    "trade.exportTrend=0.03");
            McResult first = assertAsDrawn(before, o, cache, 0, 1, s + " recording run");
            McResult drawn = assertAsDrawn(moved, o, cache, 1, 1, s + " moved driver");
            int v = drawn.variableIndex("exports");
            assertNotEquals(first.mean(v, 10), drawn.mean(v, 10), "the move changes the forecast");
        }
    }

    @Test
    void aChangedParameterDistributionDrawsAgainAnEqualOneDoesNot() {
        DrawCache cache = DrawCache.of(64L << 20);
        McOptions o = new McOptions(3_000, 3, Sampler.LHS, 2, 1024);
        String both = "uncertainty.parameters={production.realGrowth: {dist: triangular, min: %s, mode: 0.05, max: 0.08, apply: replace}, "
                + "trade.exportElasticity: {dist: truncnormal, mean: 1.5, sd: 0.3, min: 1.0, max: 2.0, apply: replace}}";
        run(TestScenarios.compile("test/correlated", "horizon=2035", String.format(both, "0.0")), o, cache);
        CompiledScenario same = TestScenarios.compile("test/correlated", "horizon=2035", String.format(both, "0.0"), "trade.exportTrend=0.01");
        assertAsDrawn(same, o, cache, 1, 1, "equal distributions (a truncated normal among them): the values drawn are read");
        CompiledScenario wider = TestScenarios.compile("test/correlated", "horizon=2035", String.format(both, "-0.01"));
        assertAsDrawn(wider, o, cache, 1, 2, "a changed distribution draws its values again");
    }

    @Test
    void anythingTheDrawsDependOnDrawsThemAgain() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(3_000, 5, Sampler.MC, 2, 1024);
        record Change(CompiledScenario scenario, McOptions options) {
        }
        java.util.List<Change> changes = java.util.List.of(
                new Change(TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.shocks.exports.sd=0.06"), o),
                new Change(TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.shocks.imports.persistence=0.4"), o),
                new Change(TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.tails={df: 7}"), o),
                new Change(TestScenarios.compile("test/correlated", "horizon=2036"), o),
                new Change(c, new McOptions(3_000, 6, Sampler.MC, 2, 1024)),
                new Change(c, new McOptions(3_001, 5, Sampler.MC, 2, 1024)),
                new Change(c, new McOptions(3_000, 5, Sampler.MC, 2, 512)),
                new Change(c, new McOptions(3_000, 5, Sampler.SOBOL, 2, 1024)));
        for (Change change : changes) {
            DrawCache cache = DrawCache.of(64L << 20);
            run(c, o, cache);
            assertAsDrawn(change.scenario(), change.options(), cache, 0, 2, "changed draws, drawn again");
        }
    }

    @Test
    void nowcastNormalsAreKeptWithTheShocks() {
        String header = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note,period\n";
        StringBuilder rows = new StringBuilder(header);
        double[] shares = {0.90, 0.92, 0.91, 0.89}; // made-up figures for a synthetic history
        for (int k = 0; k < 4; k++) {
            double full = 1000 + 100 * k;
            rows.append("T,").append(2017 + k).append(",exports,").append(full).append(",亿元,nominal,used,,,,synthetic,\n");
            rows.append("T,").append(2017 + k).append(",exports,").append(full * shares[k]).append(",亿元,nominal,used,,,,synthetic,Jan-Nov\n");
        }
        rows.append("T,2021,exports,1800,亿元,nominal,used,,,,synthetic,Jan-Nov\n");
        History h = History.parse("synthetic.csv", rows.toString());
        CompiledScenario a = TestScenarios.compile("test/correlated", "horizon=2035");
        a = a.withObservations(Observations.of(a, h, 2021));
        CompiledScenario b = TestScenarios.compile("test/correlated", "horizon=2035", "trade.exportTrend=0.03");
        b = b.withObservations(Observations.of(b, h, 2021));
        assertEquals(1, a.observations().uncertainCells().length, "one nowcast cell");
        DrawCache cache = DrawCache.of(64L << 20);
        McOptions o = new McOptions(4_000, 9, Sampler.MC, 2, 1024);
        run(a, o, cache);
        assertAsDrawn(b, o, cache, 1, 1, "nowcast");
    }

    @Test
    void aCancelledRunKeepsNothingAndATooLargeRunIsNotKept() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(20_000, 5, Sampler.MC, 2, 1024);
        DrawCache cache = DrawCache.of(64L << 20);
        Cancellation cancel = Cancellation.create();
        RunControl control = RunControl.on(POOL).withDraws(cache).withCancellation(cancel)
                .withProgress((done, total, met) -> {
                    if (done >= 4_096) {
                        cancel.cancel("test");
                    }
                });
        assertThrows(CancelledException.class, () -> MonteCarloRunner.summarise(c, o, PathTargets.none(), control));
        run(c, o, cache);
        assertEquals(0, cache.reads(), "a cancelled run is not read");
        assertEquals(2, cache.records());

        DrawCache small = DrawCache.of(1L << 20); // 1 MB: less than 20,000 paths' draws
        run(c, o, small);
        run(c, o, small);
        assertEquals(0, small.reads());
        assertEquals(0, small.records());
        assertThrows(IllegalArgumentException.class, () -> DrawCache.of(0));
    }
}
