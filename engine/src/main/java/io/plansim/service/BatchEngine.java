package io.plansim.service;

import io.plansim.batch.BatchFolder;
import io.plansim.batch.BatchPlan;
import io.plansim.batch.Variant;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where a batch's variants run. The local engine is built in; others (the {@code spark} module's) are found
 * with {@link ServiceLoader} when their jar is on the classpath. An engine leaves one file per variant in the
 * folder (result or error, {@link BatchFolder}); the tables are assembled from them the same way for every
 * engine ({@link io.plansim.batch.BatchTables}), so every engine's tables are identical row for row.
 */
public interface BatchEngine {
    /** The name {@code --engine} takes. */
    String name();

    /** Runs every variant of {@code job.todo()}; returns when each has its file (or the job was stopped early). */
    void run(Job job) throws Exception;

    /**
     * One engine run: the plan, the folder, the variants to run, this machine's threads, the cluster's address
     * ({@code --master}, null for the engine's default) and a listener told after each variant (engines that
     * run elsewhere may tell it only at the end).
     */
    record Job(BatchPlan plan, BatchFolder folder, List<Variant> todo, int threads, String master, BatchRuns.Listener listener) {
        public Job {
            todo = List.copyOf(todo);
        }
    }

    /** The local engine: this machine's threads. */
    BatchEngine LOCAL = new BatchEngine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public void run(Job job) throws InterruptedException {
            // the job's Monte Carlo on a pool of its threads (--threads), not the process's pool of every core
            java.util.concurrent.ExecutorService workers = io.plansim.runner.Workers.fixed(job.threads());
            try {
                BatchRuns.local(Forecasts.onClasspath(workers), job.plan(), job.folder(), job.todo(), job.threads(), job.listener());
            } finally {
                workers.shutdownNow();
            }
        }
    };

    /** The engine with this name, or null when no engine on the classpath has it. */
    static BatchEngine named(String name) {
        if (LOCAL.name().equals(name)) {
            return LOCAL;
        }
        for (BatchEngine e : ServiceLoader.load(BatchEngine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
