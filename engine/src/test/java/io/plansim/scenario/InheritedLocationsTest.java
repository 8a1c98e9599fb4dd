package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plansim.TestScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child's entry that replaces its parent's as a whole (an uncertainty entry) is blamed for what it lacks: the
 * parent's lines inside the replaced entry no longer count, so an error must not point at them.
 */
class InheritedLocationsTest {
    @TempDir
    Path dir;

    private InputException loadFails(String yaml) throws IOException {
        Path file = dir.resolve("child.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return assertThrows(InputException.class, () -> TestScenarios.load(file.toString()));
    }

    @Test
    void aFieldMissingFromAChildsEntryIsTheChildsError() throws IOException {
        InputException e = loadFails("extends: test/correlated\nuncertainty:\n  parameters:\n    trade.exportElasticity: {max: 2.5}\n");
        InputProblem p = e.problems().get(0);
        assertEquals("uncertainty.parameters.trade.exportElasticity.dist", p.field(), e.getMessage());
        assertEquals("child.yaml", Path.of(p.location().file()).getFileName().toString(), e.getMessage());
        assertEquals(4, p.location().line(), e.getMessage());
    }

    @Test
    void aMisspelledKeyIsReportedOnceAtTheChildsLine() throws IOException {
        InputException e = loadFails("extends: test/correlated\nuncertainty:\n  parameters:\n"
                + "    trade.exportElasticity: {dist: uniform, min: 1.0, max: 2.0, aply: replace}\n");
        for (InputProblem p : e.problems()) {
            assertEquals("child.yaml", Path.of(p.location().file()).getFileName().toString(), e.getMessage());
        }
    }
}
