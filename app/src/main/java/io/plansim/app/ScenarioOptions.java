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
    ActualsOptions actuals;

    Scenario load() {
        return load(scenario);
    }

    Scenario load(String ref) {
        List<ScenarioOverride> overrides = sets.stream().map(ScenarioOverride::parse).toList();
        return new ScenarioLoader(ScenarioRepository.onClasspath()).load(ref, overrides);
    }
}
