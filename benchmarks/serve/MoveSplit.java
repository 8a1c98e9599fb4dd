import io.plansim.aggregate.McAggregates;
import io.plansim.benchmarks.ServeForecastBenchmark;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.RunControl;
import io.plansim.runner.Workers;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;

/**
 * Where a warm what-if move's wall clock goes, stage by stage, as ServeForecastBenchmark.whatIf runs it (10,000 paths
 * of the Yiwu baseline, the page's 14 series' percentiles, the draws read from the service's cache): loading and
 * compiling the moved scenario, the paths, the percentile selection, the central path and verdicts. Medians of 60
 * moves a round, 6 rounds (docs/PERFORMANCE.md, session 9). Usage, against the benchmarks' jar (the engine and
 * ServeForecastBenchmark's page series):
 *   javac -cp benchmarks/target/benchmarks.jar -d /tmp/serve benchmarks/serve/MoveSplit.java
 *   java -cp benchmarks/target/benchmarks.jar:/tmp/serve MoveSplit
 */
public class MoveSplit {
    public static void main(String[] args) throws InterruptedException {
        var pool = Workers.fixed(2);
        var service = Forecasts.onClasspath(pool).reusingDraws(64L << 20);
        java.util.Set<String> page = ServeForecastBenchmark.PAGE_SERIES;
        McOptions o = McOptions.of(10_000, 1);
        int move = 0;
        for (int round = 0; round < 6; round++) {
            double[][] t = new double[5][60];
            for (int i = 0; i < 60; i++) {
                move++;
                long t0 = System.nanoTime();
                var p = service.prepare(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"),
                        "trade.exportTrend=" + (0.02 + move * 1e-7)));
                long t1 = System.nanoTime();
                var sink = McAggregates.of(p.compiled(), o.paths(), o.blockSize(), p.judged(), page);
                MonteCarloRunner.run(p.compiled(), o, sink, RunControl.on(pool).withDraws(service.drawCache()));
                long t2 = System.nanoTime();
                sink.prepareReads(pool);
                long t3 = System.nanoTime();
                var result = sink.result(1, "mc", 0, -1, null);
                var central = DeterministicRunner.run(p.compiled());
                io.plansim.verdict.TargetJudge.judge(p.catalog(), central, p.actuals(), result);
                long t4 = System.nanoTime();
                t[0][i] = (t1 - t0) / 1e6;
                t[1][i] = (t2 - t1) / 1e6;
                t[2][i] = (t3 - t2) / 1e6;
                t[3][i] = (t4 - t3) / 1e6;
                t[4][i] = (t4 - t0) / 1e6;
            }
            for (double[] x : t) {
                java.util.Arrays.sort(x);
            }
            System.out.printf("round %d medians: prepare %.1f ms, paths %.1f, percentile selection %.1f, central and verdicts %.1f,"
                    + " total %.1f (draw cache reads so far: %d)%n", round, t[0][30], t[1][30], t[2][30], t[3][30], t[4][30],
                    service.drawCache().reads());
        }
        pool.shutdownNow();
    }
}
