package io.plansim.runner;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * How a host runs a Monte Carlo: on its executor, stoppable through a {@link Cancellation}, telling a
 * {@link MonteCarloRunner.Progress} listener (may be null) after every merged block.
 */
public record RunControl(ExecutorService executor, Cancellation cancellation, MonteCarloRunner.Progress progress) {
    public RunControl {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** Runs on {@code executor}, never cancelled, no progress. */
    public static RunControl on(ExecutorService executor) {
        return new RunControl(executor, Cancellation.never(), null);
    }

    public RunControl withProgress(MonteCarloRunner.Progress p) {
        return new RunControl(executor, cancellation, p);
    }

    public RunControl withCancellation(Cancellation c) {
        return new RunControl(executor, c, progress);
    }
}
