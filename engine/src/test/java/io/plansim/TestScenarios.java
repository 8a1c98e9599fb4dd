package io.plansim;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import java.util.Arrays;

/** Loads the test scenarios under src/test/resources/scenarios/test. */
public final class TestScenarios {
    private TestScenarios() {
    }

    public static Scenario load(String name, String... sets) {
        return new ScenarioLoader(ScenarioRepository.onClasspath())
                .load(name, Arrays.stream(sets).map(ScenarioOverride::parse).toList());
    }

    public static CompiledScenario compile(String name, String... sets) {
        return ScenarioCompiler.compile(load(name, sets));
    }

    public static Projection run(String name, String... sets) {
        return DeterministicRunner.run(compile(name, sets));
    }
}
