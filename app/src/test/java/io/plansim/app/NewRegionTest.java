package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new region needs no Java change: Testland (made-up figures, src/test/resources/regions/testland) is made
 * of data files only (scenario, targets with their plan text, history) and runs through targets, mc and report.
 */
class NewRegionTest {
    @TempDir
    Path dir;

    @Test
    void aRegionOfDataFilesOnlyRunsThroughTargetsMcAndReport() throws Exception {
        for (String f : new String[] {"baseline.yaml", "targets.yaml", "history.csv", "testland-plan.txt", "region.yaml"}) {
            try (InputStream in = getClass().getResourceAsStream("/regions/testland/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        String scenario = dir.resolve("baseline.yaml").toString();
        RunCommandTest.Result targets = RunCommandTest.plansim("targets", scenario, "--format", "json");
        assertEquals(0, targets.code(), targets.err());
        JsonNode t = new ObjectMapper().readTree(targets.out());
        assertTrue(t.toString().contains("test14.gdp_nominal.2025"), targets.out());

        RunCommandTest.Result mc = RunCommandTest.plansim("mc", scenario, "--paths", "400", "--quiet", "--format", "json");
        assertEquals(0, mc.code(), mc.err());
        assertTrue(new ObjectMapper().readTree(mc.out()).toString().contains("test14.urbanization_rate.2030"));

        Path out = dir.resolve("report");
        RunCommandTest.Result report = RunCommandTest.plansim("report", scenario, "--paths", "400", "--quiet", "--out", out.toString());
        assertEquals(0, report.code(), report.err());
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Testland baseline"), "the report names the region's scenario");
        assertTrue(html.contains("test14.gdp_nominal.2025"), "and judges its targets");
        // its satellites are rows of the appendix's tables: one in the area its region file names, one under "other"
        String appendix = Files.readString(out.resolve("appendix.html"), StandardCharsets.UTF_8);
        int trade = appendix.indexOf("<h3>Trade</h3>");
        int energy = appendix.indexOf("<h3>Energy</h3>");
        int harbour = appendix.indexOf("Harbour tonnage");
        assertTrue(trade > 0 && trade < harbour && harbour < energy, "harbour tonnage in the trade table");
        int other = appendix.indexOf("<h3>Other indicators</h3>");
        assertTrue(other > 0 && appendix.indexOf("Tea garden area") > other, "a satellite in no area under other indicators");
    }
}
