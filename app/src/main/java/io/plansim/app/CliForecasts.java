package io.plansim.app;

import io.plansim.runner.Cancellation;
import io.plansim.runner.McOptions;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command line's way into the engine: one {@link Forecasts} service per process and thread count (its
 * Monte Carlo on the process's pool of that size, {@link CliPool}), scenario references turned into sources, and a
 * run that shows and closes the progress bar. Commands hold no pipeline of their own.
 */
final class CliForecasts {
    private static final Map<Integer, Forecasts> SERVICES = new ConcurrentHashMap<>();

    private CliForecasts() {
    }

    /** The service whose runs use {@code threads} threads. */
    static Forecasts service(int threads) {
        return SERVICES.computeIfAbsent(threads, t -> Forecasts.onClasspath(CliPool.of(t)));
    }

    /** The service on every core (for what runs no Monte Carlo, or runs it with the default threads). */
    static Forecasts service() {
        return service(Runtime.getRuntime().availableProcessors());
    }

    /** A built-in name as a built-in, anything else as the file the user named. */
    static ScenarioSource source(String ref) {
        return ScenarioRepository.onClasspath().builtIns().contains(ref) ? ScenarioSource.builtIn(ref) : new ScenarioSource.File(Path.of(ref));
    }

    /** The Monte Carlo of a prepared request with the bar (may be null) told as blocks finish, and closed after. */
    static Forecasts.Simulation simulate(Forecasts.Prepared p, McOptions o, ProgressBar bar) {
        try {
            return service(o.threads()).simulate(p, o, Cancellation.never(), bar);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }
}
