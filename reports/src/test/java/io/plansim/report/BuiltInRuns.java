package io.plansim.report;

import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import java.util.List;

/** A built-in scenario (scenarios/ on the test classpath) with its deterministic central path, as the report runs it. */
final class BuiltInRuns {
    private BuiltInRuns() {
    }

    static Scenario load(String name) {
        return new ScenarioLoader(ScenarioRepository.onClasspath()).load(name, List.of());
    }

    /** The scenario and its central path; no Monte Carlo, verdicts or history (what needs only the central path). */
    static ScenarioRun central(String name) {
        Scenario s = load(name);
        Projection p = DeterministicRunner.run(ScenarioCompiler.compile(s));
        return new ScenarioRun(s, p, null, List.of(), null);
    }
}
