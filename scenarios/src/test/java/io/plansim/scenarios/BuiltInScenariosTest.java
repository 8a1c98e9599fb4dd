package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every built-in scenario is listed, loads and projects; every listed file exists and vice versa. */
class BuiltInScenariosTest {
    private final ScenarioRepository repo = ScenarioRepository.onClasspath();

    @Test
    void everyScenarioFileIsListedInTheIndex() throws IOException {
        List<String> listed = repo.builtIns();
        assertFalse(listed.isEmpty());
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> Path.of(".").relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("yiwu/") || p.startsWith("jinhua/"))
                    .filter(p -> !p.endsWith("targets.yaml") && !p.endsWith("-proposed.yaml"))
                    .map(p -> p.substring(0, p.length() - ".yaml".length()))
                    .sorted().toList();
            assertEquals(onDisk, listed.stream().sorted().toList());
        }
    }

    @Test
    void everyBuiltInLoadsAndProjects() {
        ScenarioLoader loader = new ScenarioLoader(repo);
        for (String name : repo.builtIns()) {
            Projection p = DeterministicRunner.run(ScenarioCompiler.compile(loader.load(name)));
            assertTrue(p.years().length > 1, name);
        }
    }
}
