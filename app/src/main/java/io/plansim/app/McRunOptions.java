package io.plansim.app;

import io.plansim.runner.McOptions;
import io.plansim.runner.Sampler;
import picocli.CommandLine.Option;

/** The Monte Carlo options shared by mc, targets --paths and later commands. */
final class McRunOptions {
    @Option(names = "--paths", paramLabel = "N", description = "Number of Monte Carlo paths (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    long paths;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed: the same seed gives the same result for any thread count (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sampler", defaultValue = "mc", description = "Parameter sampler: mc, lhs or sobol (default: ${DEFAULT-VALUE}).")
    Sampler sampler;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    McOptions options() {
        if (paths < 1) {
            throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--paths",
                    String.valueOf(paths), "at least 1 path");
        }
        if (threads != null && threads < 1) {
            throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--threads",
                    String.valueOf(threads), "at least 1 thread");
        }
        io.plansim.scenario.Limits.current().checkPaths(paths, io.plansim.scenario.SourceLocation.commandLine(), "--paths");
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try {
            return new McOptions(paths, seed, sampler, t, McOptions.DEFAULT_BLOCK);
        } catch (IllegalArgumentException e) {
            throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--paths",
                    String.valueOf(paths), e.getMessage());
        }
    }
}
