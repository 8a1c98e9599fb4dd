package io.plansim.web;

import io.plansim.runner.Cancellation;
import io.plansim.runner.CancelledException;
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
import java.util.function.Function;

/**
 * The one executor every forecast of a server runs on: at most {@code concurrentRuns} at once, a short queue,
 * a wall-time limit per run, and a newer request of the same client cancelling the older one. A run stops
 * through the engine's {@link Cancellation} (checked between blocks of paths), so an abandoned run frees its
 * slot within one block per thread.
 */
final class RunGate implements AutoCloseable {
    private final Limits limits;
    private final ThreadPoolExecutor pool;
    private static final String SUPERSEDED = "superseded";
    private static final String TIMEOUT = "timeout";
    private final Map<String, Cancellation> latestByClient = new ConcurrentHashMap<>();

    RunGate(Limits limits) {
        this.limits = limits;
        this.pool = new ThreadPoolExecutor(limits.concurrentRuns(), limits.concurrentRuns(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queuedRuns())), r -> {
                    Thread t = new Thread(r, "plansim-web-run");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs {@code work} with a token that a newer request of the same client or the time limit cancels; the client id may be null. */
    <T> T run(String client, Function<Cancellation, T> work) {
        Cancellation cancel = Cancellation.create();
        if (client != null) {
            Cancellation older = latestByClient.put(client, cancel);
            if (older != null) {
                older.cancel(SUPERSEDED);
            }
        }
        Future<T> f;
        // the time limit is the run's: it starts when a slot is free, not while the request waits in the queue
        // (the queue is short and every run in it is limited, so the wait is too)
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try {
            f = pool.submit(() -> {
                started.countDown();
                cancel.check(); // superseded while it waited in the queue
                return work.apply(cancel);
            });
        } catch (RejectedExecutionException e) {
            if (client != null) {
                latestByClient.remove(client, cancel);
            }
            throw new ApiError(429, "the server is busy: " + limits.concurrentRuns() + " runs and "
                    + limits.queuedRuns() + " waiting; try again in a moment");
        }
        try {
            awaitStart(started, f);
            return f.get(limits.runTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel.cancel(TIMEOUT); // the run stops within one block; its slot is free then
            f.cancel(false);
            throw timeout();
        } catch (InterruptedException e) {
            cancel.cancel("the request was abandoned");
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new ApiError(409, "the request was abandoned");
        } catch (CancellationException e) {
            throw new ApiError(409, "the run was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancelledException c) {
                throw TIMEOUT.equals(c.reason()) ? timeout() : new ApiError(409, "superseded by a newer request of the same page");
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (client != null) {
                latestByClient.remove(client, cancel);
            }
        }
    }

    /** Waits until the run has a slot (or ended without one: cancelled before it started). */
    private static void awaitStart(java.util.concurrent.CountDownLatch started, Future<?> f) throws InterruptedException {
        while (!started.await(100, TimeUnit.MILLISECONDS)) {
            if (f.isDone()) {
                return;
            }
        }
    }

    private ApiError timeout() {
        return new ApiError(408, "the run itself took longer than the limit of " + seconds(limits.runTimeLimit())
                + " (time waiting for a free slot is not counted); ask for fewer paths");
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
