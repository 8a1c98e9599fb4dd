package io.plansim.runner;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Monte Carlo blocks run on. A host makes one pool and passes it to every run (a server, a batch,
 * one command-line process); a run never makes its own. Blocks are short, independent tasks that never wait on
 * one another, so one pool serves any number of runs at once without deadlock as long as the threads that
 * wait for a run's blocks are not the pool's own.
 */
public final class Workers {
    private static final class Shared {
        static final ExecutorService POOL = fixed(Runtime.getRuntime().availableProcessors());
    }

    private Workers() {
    }

    /** A pool of {@code threads} daemon threads named plansim-mc-N; its owner shuts it down (or lets the process end). */
    public static ExecutorService fixed(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 thread: " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "plansim-mc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One pool per process, one thread per core, created on first use: for callers that host nothing themselves (tests, tools). */
    public static ExecutorService shared() {
        return Shared.POOL;
    }
}
