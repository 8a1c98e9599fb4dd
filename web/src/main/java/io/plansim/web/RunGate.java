package io.plansim.web;

import io.plansim.runner.MonteCarloRunner;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The one executor every forecast of a server runs on: at most {@code concurrentRuns} at once, a short queue,
 * a wall-time limit per run, and a newer request of the same client abandoning the older one. A run stops
 * through the engine's progress listener (called after every block of paths), so an abandoned run frees its
 * slot within one block.
 */
final class RunGate implements AutoCloseable {
    private final Limits limits;
    private final ThreadPoolExecutor pool;
    private final Map<String, AtomicBoolean> latestByClient = new ConcurrentHashMap<>();

    RunGate(Limits limits) {
        this.limits = limits;
        this.pool = new ThreadPoolExecutor(limits.concurrentRuns(), limits.concurrentRuns(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queuedRuns())), r -> {
                    Thread t = new Thread(r, "plansim-web-run");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Thrown from the progress listener to stop a run that was superseded or ran out of time. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned(String why) {
            super(why, null, false, false);
        }
    }

    /** Runs {@code work} with a listener that stops it when abandoned; the client id may be null. */
    <T> T run(String client, Function<MonteCarloRunner.Progress, T> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        if (client != null) {
            AtomicBoolean older = latestByClient.put(client, cancelled);
            if (older != null) {
                older.set(true);
            }
        }
        long deadline = System.nanoTime() + limits.runTimeLimit().toNanos();
        MonteCarloRunner.Progress progress = (done, total, met) -> {
            if (cancelled.get()) {
                throw new Abandoned("superseded");
            }
            if (System.nanoTime() > deadline) {
                throw new Abandoned("timeout");
            }
        };
        Future<T> f;
        try {
            f = pool.submit(() -> {
                if (cancelled.get()) {
                    throw new Abandoned("superseded");
                }
                return work.apply(progress);
            });
        } catch (RejectedExecutionException e) {
            throw new ApiError(429, "the server is busy: " + limits.concurrentRuns() + " runs and "
                    + limits.queuedRuns() + " waiting; try again in a moment");
        }
        try {
            return f.get(limits.runTimeLimit().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancelled.set(true);
            f.cancel(true);
            throw timeout();
        } catch (InterruptedException e) {
            cancelled.set(true);
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(409, "the request was abandoned");
        } catch (CancellationException e) {
            throw new ApiError(409, "the run was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Abandoned a) {
                throw "timeout".equals(a.getMessage()) ? timeout()
                        : new ApiError(409, "superseded by a newer request of the same page");
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (client != null) {
                latestByClient.remove(client, cancelled);
            }
        }
    }

    private ApiError timeout() {
        return new ApiError(408, "the run took longer than the limit of " + limits.runTimeLimit().toSeconds()
                + " s; ask for fewer paths");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
