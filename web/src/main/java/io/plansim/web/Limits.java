package io.plansim.web;

import java.time.Duration;

/**
 * What one server accepts: request body size, Monte Carlo paths per request, wall time per run and the number
 * of runs at once (further requests wait in a short queue, then get 429).
 */
public record Limits(long maxBodyBytes, long maxPaths, Duration runTimeLimit, int concurrentRuns, int queuedRuns) {
    public static final long DEFAULT_PATHS = 10_000;

    public Limits {
        if (maxBodyBytes < 1024 || maxPaths < 1 || runTimeLimit.isNegative() || runTimeLimit.isZero()
                || concurrentRuns < 1 || queuedRuns < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBodyBytes + " bytes, " + maxPaths
                    + " paths, " + runTimeLimit + ", " + concurrentRuns + " runs, " + queuedRuns + " queued");
        }
    }

    /** 1,000,000-byte bodies, 100,000 paths, 30 s a run (from when it starts, not while it waits), 2 runs at once and 16 waiting. */
    public static Limits defaults() {
        return new Limits(1_000_000, 100_000, Duration.ofSeconds(30), 2, 16);
    }
}
