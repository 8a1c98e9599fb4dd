package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.batch.BatchReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of the wrong shape is described in the words the file uses (a list, a mapping), not Jackson's. */
class DocumentShapeMessagesTest {
    @TempDir
    Path dir;

    @Test
    void aTopLevelListIsCalledAList() throws IOException {
        Path file = dir.resolve("list.yaml");
        Files.writeString(file, "- a\n- b\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> TestScenarios.load(file.toString()));
        assertTrue(e.getMessage().contains("found a list; the top level must be a mapping"), e.getMessage());
    }

    @Test
    void aBatchWithNoRunsSaysTheListIsEmpty() {
        InputException e = assertThrows(InputException.class, () -> BatchReader.parse("b.yaml", "name: b\nruns: []\n"));
        assertTrue(e.getMessage().contains("runs: found an empty list; a list of at least one run"), e.getMessage());
    }
}
