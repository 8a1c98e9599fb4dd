package io.plansim.runner;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * How a host runs a Monte Carlo: on its executor, stoppable through a {@link Cancellation}, telling a
 * {@link MonteCarloRunner.Progress} listener (may be null) after every merged block, and reading or keeping its
 * random inputs in a {@link DrawCache} (may be null). None of these changes a result.
 */
public record RunControl(ExecutorService executor, Cancellation cancellation, MonteCarloRunner.Progress progress, DrawCache draws) {
    public RunControl {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** On {@code executor}, stopped by {@code cancellation}, telling {@code progress} (may be null), no draw cache. */
    public RunControl(ExecutorService executor, Cancellation cancellation, MonteCarloRunner.Progress progress) {
        this(executor, cancellation, progress, null);
    }

    /** Runs on {@code executor}, never cancelled, no progress. */
    public static RunControl on(ExecutorService executor) {
        return new RunControl(executor, Cancellation.never(), null);
    }

    public RunControl withProgress(MonteCarloRunner.Progress p) {
        return new RunControl(executor, cancellation, p, draws);
    }

    public RunControl withCancellation(Cancellation c) {
        return new RunControl(executor, c, progress, draws);
    }

    /** Reads the random inputs of {@code cache}'s kept run when they are this run's, else keeps this run's there. */
    public RunControl withDraws(DrawCache cache) {
        return new RunControl(executor, cancellation, progress, cache);
    }
}
