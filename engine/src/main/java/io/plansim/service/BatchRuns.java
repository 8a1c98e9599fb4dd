package io.plansim.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.batch.BatchFolder;
import io.plansim.batch.BatchPlan;
import io.plansim.batch.Variant;
import io.plansim.runner.Cancellation;
import io.plansim.runner.McOptions;
import io.plansim.runner.NumericFault;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.verdict.FailedPaths;
import io.plansim.verdict.TargetVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs batch variants through the forecast service. {@link #run} is the one place a batch variant becomes a
 * Monte Carlo run, whichever engine schedules it (this machine's threads, a Spark task): its result is a pure
 * function of the plan's definition of the variant (the text of its scenario and every file it names, overrides, paths, seed, block size,
 * plansim version) and of the settings' actuals, never of the thread count or where it runs.
 */
public final class BatchRuns {
    /** Below this many paths per variant, variants run side by side on one thread each. */
    public static final long SMALL_VARIANT = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchRuns() {
    }

    /** Told after each variant has its file; called from the engine's threads. */
    public interface Listener {
        void done(Variant v, boolean failed);
    }

    /**
     * The variant's file: {@code "complete": true} with its statistics per metric and year and its target
     * probabilities, or its {@code "error"} (a bad override fails this variant alone, its message placed at
     * the batch file's line).
     */
    public static ObjectNode run(Forecasts forecasts, BatchPlan plan, Variant v, int threads) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", v.id());
        node.put("scenario", v.run().scenario());
        ObjectNode ov = node.putObject("overrides");
        v.overrides().forEach(ov::put);
        node.put("seed", v.seed());
        node.put("paths", v.run().paths());
        ArrayNode set = node.putArray("set");
        plan.settings().sets().forEach(set::add);
        node.put("definition", plan.definition(v));
        long t0 = System.nanoTime();
        try {
            Forecasts.Request request = new Forecasts.Request(source(v.run().scenario()), plan.overrides(v),
                    plan.settings().extraActuals(), plan.settings().asOf());
            // the distribution the batch asked for (the built-in calibration by default, another file, or raw)
            Forecasts.Prepared prepared = forecasts.prepare(request).withCalibration(plan.settings().spreadCalibration());
            node.put("calibration", prepared.calibrationLine(false));
            Forecasts.Simulation r = forecasts.simulate(prepared, new McOptions(v.run().paths(), v.seed(), Sampler.MC, threads, Variant.BLOCK),
                    Cancellation.never(), null);
            McResult mc = r.mc();
            // the rows of mc's long table, each metric with its unit and price basis (BatchTables.STATS after them)
            ArrayNode stats = node.putArray("stats");
            for (McResult.Row row : mc.rows()) {
                ArrayNode cells = stats.addArray().add(row.variable().id()).add(row.variable().unit()).add(row.variable().basis().id())
                        .add(row.year()).add(row.mean()).add(row.sd());
                for (double q : row.percentiles()) {
                    cells.add(q);
                }
            }
            ArrayNode targets = node.putArray("targets");
            for (TargetVerdict tv : r.verdicts()) {
                if (!Double.isNaN(tv.probability())) {
                    targets.addArray().add(tv.target().id()).add(tv.probability()).add(tv.ciLow()).add(tv.ciHigh())
                            .add(tv.verdict().label());
                }
            }
            node.put("faults", mc.faults());
            String warning = FailedPaths.check(r.scenario().lineage().get(0), mc);
            if (warning != null) {
                node.put("warning", warning);
            }
            node.put("seconds", (System.nanoTime() - t0) / 1e9);
            node.put("complete", true);
        } catch (InputException e) {
            node.put("error", BatchPlan.atBatchFile(e, v.run()).getMessage());
        } catch (NumericFault | IllegalArgumentException e) {
            node.put("error", e.getMessage());
        }
        return node;
    }

    /** Runs the variant and stores its file in the folder; whether it failed. */
    public static boolean runAndStore(Forecasts forecasts, BatchPlan plan, Variant v, int threads, BatchFolder folder) {
        ObjectNode node = run(forecasts, plan, v, threads);
        folder.store(v.id(), node);
        return !node.path("complete").asBoolean(false);
    }

    /** A scenario named in a batch file: a file when one is there (as the loader resolves it), else a built-in. */
    static ScenarioSource source(String ref) {
        return Files.isRegularFile(Path.of(ref)) ? new ScenarioSource.File(Path.of(ref)) : ScenarioSource.builtIn(ref);
    }

    /**
     * The local engine: the variants on this machine's threads. Small variants (all below {@link #SMALL_VARIANT}
     * paths) run side by side, one thread each; large ones one at a time on every thread.
     */
    public static void local(Forecasts forecasts, BatchPlan plan, BatchFolder folder, List<Variant> todo, int threads, Listener listener)
            throws InterruptedException {
        boolean small = todo.stream().allMatch(v -> v.run().paths() < SMALL_VARIANT);
        int side = small ? threads : 1;
        int inner = small ? 1 : threads;
        ExecutorService pool = Executors.newFixedThreadPool(side);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Variant v : todo) {
                futures.add(pool.submit(() -> {
                    boolean failed = runAndStore(forecasts, plan, v, inner, folder);
                    listener.done(v, failed);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
