package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McAggregates;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathSink;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The runner as a hosted component: an injected pool shared by runs, a path sink, cancellation, progress. */
class HostedRunTest {
    private static final ExecutorService POOL = Workers.fixed(3);

    @AfterAll
    static void shutDown() {
        POOL.shutdownNow();
    }

    /** Sums one output value over the paths: a sink other than the aggregates, merged in block order. */
    private static class SumSink implements PathSink<SumSink.Part> {
        final int cell;
        long paths;
        double sum;
        long finished;

        SumSink(int cell) {
            this.cell = cell;
        }

        final class Part implements PathSink.Block {
            long n;
            double s;

            @Override
            public void accept(long path, double[] out) {
                n++;
                s += out[cell];
            }

            @Override
            public void finish() {
            }
        }

        @Override
        public Part block(long first, int count) {
            return new Part();
        }

        @Override
        public void merge(Part b) {
            paths += b.n;
            sum += b.s;
        }

        @Override
        public void finish() {
            finished++;
        }
    }

    @Test
    void anotherSinkSeesEveryPathTheAggregatesSee() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(9_000, 5, Sampler.MC, 3, 1000);
        int row = c.rowOf("gdp_real");
        int t = c.years() - 1;
        SumSink sum = new SumSink(row * c.years() + t);
        MonteCarloRunner.Faults f = MonteCarloRunner.run(c, o, sum, RunControl.on(POOL));
        McResult r = MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(POOL));
        assertEquals(0, f.count());
        assertEquals(1, sum.finished);
        assertEquals(r.paths(), sum.paths);
        assertEquals(r.mean(r.variableIndex("gdp_real"), t), sum.sum / sum.paths, 1e-9 * Math.abs(sum.sum / sum.paths));
    }

    @Test
    void runsSharingOnePoolGiveTheResultsOfRunsAlone() throws Exception {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(12_000, 8, Sampler.LHS, 2, 1024);
        McResult alone = MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(Workers.fixed(1)));
        ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<McResult>>();
            for (int i = 0; i < 4; i++) {
                futures.add(callers.submit(() -> MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(POOL))));
            }
            for (var f : futures) {
                McResult shared = f.get();
                for (int v = 0; v < alone.variables().size(); v++) {
                    for (int t = 0; t < alone.years().length; t++) {
                        assertEquals(alone.mean(v, t), shared.mean(v, t), 0.0);
                        assertEquals(alone.sd(v, t), shared.sd(v, t), 0.0);
                        for (double q : McResult.PERCENTILES) {
                            assertEquals(alone.quantile(v, t, q), shared.quantile(v, t, q), 0.0);
                        }
                    }
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCancelledRunStopsEarlyAndLeavesNoResult() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(200_000, 3, Sampler.MC, 2, 1000); // 200 blocks
        Cancellation cancel = Cancellation.create();
        AtomicInteger merged = new AtomicInteger();
        McAggregates sink = McAggregates.of(c, o.paths(), o.blockSize(), PathTargets.none());
        RunControl control = RunControl.on(POOL).withCancellation(cancel).withProgress((done, total, met) -> {
            if (merged.incrementAndGet() == 3) {
                cancel.cancel("superseded");
            }
        });
        CancelledException e = assertThrows(CancelledException.class, () -> MonteCarloRunner.run(c, o, sink, control));
        assertEquals("superseded", e.reason());
        assertTrue(e.getMessage().contains("cancelled: superseded"), e.getMessage());
        assertEquals(3, merged.get(), "no block is merged after the cancellation");
        assertThrows(IllegalStateException.class, () -> sink.result(3, "mc", 0, -1, null), "no partial result");
    }

    @Test
    void aRunCancelledBeforeItStartsRunsNoBlock() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        Cancellation cancel = Cancellation.create();
        cancel.cancel("client disconnected");
        AtomicInteger blocks = new AtomicInteger();
        SumSink sum = new SumSink(0) {
            @Override
            public Part block(long first, int count) {
                blocks.incrementAndGet();
                return super.block(first, count);
            }
        };
        assertThrows(CancelledException.class, () -> MonteCarloRunner.run(c, new McOptions(50_000, 1, Sampler.MC, 2, 1000), sum,
                RunControl.on(POOL).withCancellation(cancel)));
        assertEquals(0, blocks.get());
        assertEquals(0, sum.finished);
    }

    @Test
    void progressCountsEveryPathOnceAndEndsAtTheTotal() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(5_500, 2, Sampler.MC, 2, 1000);
        long[] last = new long[2];
        MonteCarloRunner.summarise(c, o, PathTargets.none(), RunControl.on(POOL).withProgress((done, total, met) -> {
            assertTrue(done > last[0], "progress moves forward");
            last[0] = done;
            last[1] = total;
        }));
        assertArrayEquals(new long[] {5_500, 5_500}, last);
    }
}
