package io.plansim.app;

import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What every scenario-running command shares: the scenario argument, overrides and --debug. */
final class ScenarioOptions {
    @picocli.CommandLine.Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Built-in name (yiwu/baseline) or a scenario file.")
    String scenario;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a driver or field without a new file, e.g. --set trade.exportTrend=0.04, "
                    + "--set \"trade.exportTrend[2026-2030]=0.03\", --set \"trade.exportTrend+=-0.03\" (added to the path) "
                    + "or --set \"energy.intensityDecline*=1.5\" (multiplying it); repeatable. Titles and output file names carry it.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @picocli.CommandLine.Mixin
    ActualsOptions actuals;

    Scenario load() {
        return load(scenario);
    }

    /** The forecast the command line asks for: the scenario, --set, --history and --as-of. */
    io.plansim.service.Forecasts.Request request() {
        return request(scenario, List.of());
    }

    /** Scenario {@code ref} with --set and then {@code more} overrides, --history and --as-of. */
    io.plansim.service.Forecasts.Request request(String ref, List<String> more) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(more);
        return new io.plansim.service.Forecasts.Request(CliForecasts.source(ref), all, actuals.extra(), actuals.asOf);
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /**
     * Loads and checks the scenario and what it names: a targets catalog or history that is missing or broken
     * is an error for every command, not only for those that read it. A scenario that extends nothing and
     * leaves drivers out (a file cut short, say) is told which take model defaults.
     */
    Scenario load(String ref) {
        List<ScenarioOverride> overrides = sets.stream().map(ScenarioOverride::parse).toList();
        ScenarioRepository repo = ScenarioRepository.onClasspath();
        Scenario s = new ScenarioLoader(repo).load(ref, overrides);
        if (s.targets() != null) {
            Catalogs.of(s);
        } else {
            Catalogs.history(s);
        }
        List<io.plansim.scenario.Driver> defaulted = s.defaultedDrivers();
        if (s.lineage().size() == 1 && !repo.builtIns().contains(s.id()) && !defaulted.isEmpty() && mixee != null) {
            mixee.commandLine().getErr().println("note: " + s.id() + " extends no scenario and states no value for " + defaulted.size()
                    + " drivers, which take the model defaults of docs/MODEL.md: "
                    + String.join(", ", defaulted.stream().map(io.plansim.scenario.Driver::path).toList()));
        }
        return s;
    }

    /** Prints the plausibility warnings of a projection (docs/MODEL.md): a warning, never a refusal. */
    void warnImplausible(io.plansim.runner.Projection p) {
        if (mixee != null) {
            io.plansim.runner.Plausibility.warnings(p).forEach(w -> mixee.commandLine().getErr().println("warning: implausible result: " + w));
        }
    }
}
