package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plansim.scenario.ScenarioRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One definition of each figure: for every built-in scenario, {@code targets}, {@code mc} and the report
 * (its summary.json and the rows of its page) give every target the same verdict and the same central figure,
 * with the same paths and seed. A second rule or a second "central" anywhere would make one of them differ.
 */
class FiguresAgreeTest {
    static final String PATHS = "1000";

    @Test
    void targetsMcAndReportAgreeOnEveryVerdictAndCentralFigure(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> scenarios = ScenarioRepository.onClasspath().builtIns();
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(scenarios);
        args.addAll(List.of("--paths", PATHS, "--seed", "7", "--out", dir.resolve("r").toString(), "--quiet"));
        RunCommandTest.Result report = RunCommandTest.plansim(args.toArray(String[]::new));
        assertEquals(0, report.code(), report.err());
        JsonNode summary = json.readTree(dir.resolve("r/summary.json").toFile());
        String html = Files.readString(dir.resolve("r/index.html"), StandardCharsets.UTF_8);
        int compared = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            String s = scenarios.get(i);
            RunCommandTest.Result t = RunCommandTest.plansim("targets", s, "--format", "json", "--paths", PATHS, "--seed", "7", "--quiet");
            assertEquals(0, t.code(), s + ": " + t.err());
            RunCommandTest.Result m = RunCommandTest.plansim("mc", s, "--format", "json", "--paths", PATHS, "--seed", "7", "--quiet");
            assertEquals(0, m.code(), s + ": " + m.err());
            JsonNode fromTargets = json.readTree(t.out());
            assertEquals("monte-carlo", fromTargets.get("verdictBasis").asText(), s);
            Map<String, JsonNode> fromMc = byId(json.readTree(m.out()).get("targets"));
            JsonNode run = summary.get("scenarios").get(i);
            assertEquals(s, run.get("scenario").asText());
            Map<String, JsonNode> fromReport = byId(run.get("targets"));
            assertEquals(fromMc.keySet(), byId(fromTargets.get("targets")).keySet(), s);
            assertEquals(fromMc.keySet(), fromReport.keySet(), s);
            for (JsonNode a : fromTargets.get("targets")) {
                String id = a.get("id").asText();
                for (JsonNode b : List.of(fromMc.get(id), fromReport.get(id))) {
                    assertEquals(a.get("verdict").asText(), b.get("verdict").asText(), s + " " + id + " verdict");
                    assertEquals(a.get("central").asDouble(Double.NaN), b.get("central").asDouble(Double.NaN), 0.0, s + " " + id + " central");
                    assertEquals(a.get("gap").asDouble(Double.NaN), b.get("gap").asDouble(Double.NaN), 0.0, s + " " + id + " gap");
                    assertEquals(a.path("probability").asDouble(Double.NaN), b.path("probability").asDouble(Double.NaN), 0.0,
                            s + " " + id + " probability");
                }
                // the page shows the same verdict and central figure in the target's row
                String row = "data-scenario=\"" + s + "\" data-target=\"" + id + "\" data-verdict=\"" + a.get("verdict").asText() + "\"";
                assertTrue(html.contains(row), s + " " + id + ": no row " + row);
                compared++;
            }
            // the central figure of a variable: the central path, in mc and in the report alike
            JsonNode mcGdp = json.readTree(m.out()).get("variables").get("gdp_nominal").get("central");
            JsonNode reportGdp = run.get("central").get("variables").get("gdp_nominal").get("values");
            for (int y = 0; y < mcGdp.size(); y++) {
                assertEquals(mcGdp.get(y).asDouble(), reportGdp.get(y).asDouble(), 0.0, s + " gdp_nominal central, year index " + y);
            }
        }
        assertTrue(compared > 100, "targets compared: " + compared);
    }

    static Map<String, JsonNode> byId(JsonNode targets) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode t : targets) {
            out.put(t.get("id").asText(), t);
        }
        return out;
    }
}
