package io.plansim.benchmarks;

import io.plansim.runner.Cancellation;
import io.plansim.runner.McOptions;
import io.plansim.runner.Workers;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import java.util.concurrent.ExecutorService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code plansim serve} needs per slider move (issue 23's front-end figure, goal at most 50 ms on 2 cores):
 * one warm 10,000-path run of the Yiwu baseline through the forecast service, on a pool of one thread per core
 * as the server has, with the central path and the verdicts ({@link #simulate}), and the same with the
 * percentiles the what-if page reads (14 variables x 16 years x 7 percentiles, {@link #simulateAndPagePercentiles}),
 * and a slider move as the page makes it ({@link #whatIf}): an override value not seen before (so the scenario is
 * loaded, compiled and conditioned again), the run keeping the percentiles of the page's series only (as the
 * server's forecast does since session 6), the verdicts, and every number the page's JSON carries
 * (web ForecastJson: the percentiles and central path of the page's series; its serialisation is left out), on a
 * service that keeps the last run's random inputs as the server's does ({@code Forecasts.reusingDraws}: the move
 * changes a driver, not the draws, so they are read, not drawn; results bit-identical), and the same move on a
 * service that draws every run anew ({@link #whatIfDrawingAgain}: what a move that changes the uncertainty costs).
 * Score: ms of wall clock per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ServeForecastBenchmark {
    static final long PATHS = 10_000;
    /** The page's chart series (web ForecastJson.AREAS). */
    static final String[] PAGE = {"gdp_nominal", "gdp_real_growth", "gdp_per_capita", "total_trade", "exports", "imports",
        "exports_usd", "energy_consumption", "energy_intensity", "co2", "non_fossil_share", "population", "urbanization_rate",
        "income_per_capita"};

    /** The page's series as a set, as the server passes them (also read by benchmarks/serve/MoveSplit.java). */
    public static final java.util.Set<String> PAGE_SERIES = java.util.Set.of(PAGE);

    private ExecutorService pool;
    private Forecasts service;
    /** As the what-if server has it: the last run's draws kept (WebServer.WHAT_IF_DRAWS_BYTES). */
    private Forecasts server;
    private Forecasts.Request request;
    private McOptions options;
    /** The slider's value for the next {@link #whatIf}: a new one every call, as a user dragging it sends. */
    private int move;

    @Setup
    public void setUp() {
        pool = Workers.fixed(Runtime.getRuntime().availableProcessors());
        service = Forecasts.onClasspath(pool);
        server = Forecasts.onClasspath(pool).reusingDraws(64L << 20);
        request = Forecasts.Request.of(ScenarioSource.builtIn(Yiwu.ID), "trade.exportTrend=0.02");
        options = McOptions.of(PATHS, 1);
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public Forecasts.Simulation simulate() {
        return service.simulate(request, options, null);
    }

    @Benchmark
    public double simulateAndPagePercentiles() {
        return pagePercentiles(service.simulate(request, options, null)); // the page's percentiles, no central path
    }

    /** The sum of every percentile the page reads of its series, and of the named series' central path. */
    private static double pagePercentiles(Forecasts.Simulation s, String... centralOf) {
        double sum = 0;
        for (String id : PAGE) {
            int v = s.mc().variableIndex(id);
            for (int t = 0; t < s.mc().years().length; t++) {
                for (double q : io.plansim.aggregate.McResult.PERCENTILES) {
                    sum += s.mc().quantile(v, t, q);
                }
            }
        }
        for (String id : centralOf) {
            for (double c : s.central().series(id)) {
                sum += c;
            }
        }
        return sum;
    }

    @Benchmark
    public double whatIf() {
        return move(server);
    }

    @Benchmark
    public double whatIfDrawingAgain() {
        return move(service);
    }

    /** A slider move to a value not seen before, run as the server runs a page's forecast (WebServer.forPage). */
    private double move(Forecasts on) {
        move++;
        String value = String.format(java.util.Locale.ROOT, "%.6f", 0.02 + (move % 100_000) * 1e-7);
        // the percentiles of the page's series only
        Forecasts.Prepared p = on.prepare(Forecasts.Request.of(ScenarioSource.builtIn(Yiwu.ID), "trade.exportTrend=" + value));
        Forecasts.Simulation s = on.simulate(p, options, Cancellation.never(), null, PAGE_SERIES);
        return s.verdicts().size() + pagePercentiles(s, PAGE);
    }
}
