package io.plansim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.scenario.Driver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/MODEL.md names every driver with its unit and default, so the docs cannot drift from the registry. */
class ModelDocTest {
    @Test
    void everyDriverIsDocumentedWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "MODEL.md"), StandardCharsets.UTF_8);
        for (Driver d : Driver.values()) {
            String row = "| `" + d.path() + "` |";
            assertTrue(doc.contains(row), "docs/MODEL.md lacks " + d.path());
            String line = doc.substring(doc.indexOf(row), doc.indexOf('\n', doc.indexOf(row)));
            String[] cells = line.split("\\|");
            assertEquals(d.defaultValue(), Double.parseDouble(cells[4].trim()), "default of " + d.path() + " in: " + line);
            // every driver states its unit; an elasticity is dimensionless and says so
            assertEquals(d.unit(), cells[3].trim(), "unit of " + d.path() + " in: " + line);
        }
    }
}
