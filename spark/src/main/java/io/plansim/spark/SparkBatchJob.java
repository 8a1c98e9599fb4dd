package io.plansim.spark;

import io.plansim.batch.BatchFolder;
import io.plansim.batch.BatchPlan;
import io.plansim.batch.BatchSettings;
import io.plansim.scenario.Limits;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.service.BatchRuns;
import io.plansim.service.Forecasts;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Spark task needs to run a variant: the batch file's name and text, the settings, the limits in force
 * and the output folder. A task plans the batch again from these (the plan is a pure function of them, and is
 * kept once per executor JVM), so nothing but text travels and every executor sees the same variants and seeds.
 *
 * <p>{@code failAttempts} is a test hook ({@code -Dplansim.spark.failAttempts=ID:N}): the task of variant ID
 * throws on its first N attempts, as a lost executor or a crash would, so tests can show that a retried task,
 * or an aborted job resumed, gives the same rows.
 */
final class SparkBatchJob implements Serializable {
    private static final long serialVersionUID = 1L;
    /** One forecast service per executor JVM: catalogs and histories parsed once, shared by its tasks. */
    private static final Forecasts FORECASTS = Forecasts.onClasspath();
    private static final Map<String, BatchPlan> PLANS = new ConcurrentHashMap<>();
    /** How often the test hook has thrown in this JVM (in local mode, the tests' JVM). */
    static final java.util.concurrent.atomic.AtomicInteger HOOK_FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    private final String file;
    private final String text;
    private final BatchSettings settings;
    private final long[] limits;
    private final String dir;
    private final String failAttempts;

    SparkBatchJob(BatchPlan plan, Limits limits, Path dir, String failAttempts) {
        this.file = plan.file();
        this.text = plan.text();
        this.settings = plan.settings();
        this.limits = new long[] {limits.fileBytes(), limits.nestingDepth(), limits.extendsDepth(), limits.variants(), limits.paths(), limits.messages()};
        this.dir = dir.toString();
        this.failAttempts = failAttempts;
    }

    /** Runs one variant in a task and stores its file; whether it failed (its message is in its error file). */
    boolean run(String id, int attempt) {
        if (failAttempts != null) {
            String[] hook = failAttempts.split(":");
            if (hook[0].equals(id) && attempt < Integer.parseInt(hook[1])) {
                HOOK_FAILURES.incrementAndGet();
                throw new IllegalStateException("plansim.spark.failAttempts: variant " + id + " fails on attempt " + attempt);
            }
        }
        Limits.use(limits()); // the driver's limits (--limit) in this executor JVM, the same for every task of the job
        BatchPlan plan = plan();
        return BatchRuns.runAndStore(FORECASTS, plan, plan.variant(id), 1, folder());
    }

    BatchFolder folder() {
        return new BatchFolder(Path.of(dir));
    }

    /** The batch planned on this JVM (the driver's plan when the task runs in the driver's JVM, as in local mode). */
    BatchPlan plan() {
        String key = BatchPlan.sha256(file + "\n" + text + "\n" + settings);
        return PLANS.computeIfAbsent(key, k -> BatchPlan.of(file, text, settings, ScenarioRepository.onClasspath()));
    }

    private Limits limits() {
        return new Limits(limits[0], (int) limits[1], (int) limits[2], limits[3], limits[4], (int) limits[5]);
    }
}
