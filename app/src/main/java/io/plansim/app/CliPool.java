package io.plansim.app;

import io.plansim.runner.Workers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The command line's Monte Carlo threads: one pool per process and thread count (--threads), made on first use
 * and shared by every run of the command (a report's scenarios, a solver's iterations); daemon threads, so the
 * process ends with its command.
 */
final class CliPool {
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    private CliPool() {
    }

    static ExecutorService of(int threads) {
        return POOLS.computeIfAbsent(threads, Workers::fixed);
    }
}
