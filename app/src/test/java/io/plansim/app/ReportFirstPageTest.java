package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first page: --title, the headline answers per plan year, and --compare-to an earlier report. */
class ReportFirstPageTest {
    @Test
    void headlineCountsPerYearAreTheVerdictsOfTheFirstScenario(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "yiwu/low-growth", "--paths", "300", "--title",
                "Yiwu plan review <draft>", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("Yiwu plan review <draft>", summary.get("title").asText());
        assertTrue(html.contains("<h1>Yiwu plan review &lt;draft&gt;</h1>"), "the title, escaped");
        assertTrue(html.contains("<title>Yiwu plan review &lt;draft&gt;</title>"));
        assertTrue(html.contains("@top-left { content: \"Yiwu plan review \\3c draft>\""), "the running print header");

        // per year: the chips of the headline table add up to the first scenario's verdicts of that year
        Map<Integer, Integer> expected = new TreeMap<>();
        for (JsonNode t : summary.get("scenarios").get(0).get("targets")) {
            expected.merge(t.get("year").asInt(), 1, Integer::sum);
        }
        String headline = html.substring(html.indexOf("<table class=\"headline\">"), html.indexOf("</table>", html.indexOf("<table class=\"headline\">")));
        Map<Integer, Integer> shown = new TreeMap<>();
        for (String row : headline.split("<tr><td class=\"year\">")) {
            Matcher year = Pattern.compile("^(\\d{4})</td>").matcher(row);
            if (!year.find()) {
                continue;
            }
            Matcher chip = Pattern.compile("<span class=\"chip [a-z]+\">(\\d+) ").matcher(row);
            int n = 0;
            while (chip.find()) {
                n += Integer.parseInt(chip.group(1));
            }
            shown.put(Integer.parseInt(year.group(1)), n);
            assertTrue(row.split("<li class=").length - 1 <= 3, "at most three targets that matter most: " + year.group(1));
        }
        assertEquals(expected, shown);
        assertFalse(html.contains("What changed since the previous report"), "no comparison without --compare-to");
    }

    @Test
    void compareToListsTheVerdictsThatChanged(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        assertEquals(0, RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "300", "--out", first.toString(), "--quiet").code());
        // the earlier report said something else about one target: the comparison must find exactly that
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(first.resolve("summary.json").toFile());
        ObjectNode gdp = null;
        for (JsonNode t : summary.get("scenarios").get(0).get("targets")) {
            if (t.get("id").asText().equals("yiwu14.gdp_nominal.2025")) {
                gdp = (ObjectNode) t;
            }
        }
        String now = gdp.get("verdict").asText();
        gdp.put("verdict", now.equals("off track") ? "on track" : "off track");
        json.writeValue(first.resolve("summary.json").toFile(), summary);

        Path second = dir.resolve("second");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "300", "--out", second.toString(), "--quiet",
                "--compare-to", first.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(second.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("What changed since the previous report"));
        String changes = html.substring(html.indexOf("<table class=\"changes\">"), html.indexOf("</table>", html.indexOf("<table class=\"changes\">")));
        assertEquals(1, changes.split("<tr class=").length - 1, "one changed target: " + changes);
        assertTrue(changes.contains("GDP"), changes);
        assertTrue(html.contains("targets compared; 1 changed"), "the count of compared and changed targets");
        assertFalse(html.contains("other settings"), "the same settings: no notice");
        assertFalse(r.err().contains("other settings"), r.err());
    }

    /**
     * An earlier report made with other paths, seed or calibration: the comparison is still made, and says which
     * settings differ (in the page's language and on stderr), since those alone can change verdicts.
     */
    @Test
    void compareToSaysWhichSettingsDiffered(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        assertEquals(0, RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "300", "--out", first.toString(), "--quiet").code());
        JsonNode settings = new ObjectMapper().readTree(first.resolve("summary.json").toFile()).get("settings");
        assertEquals("300", settings.get("paths").asText());
        assertTrue(settings.get("calibration").asText().contains("sha256:"), settings.toString());
        Path second = dir.resolve("second");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "200", "--seed", "5", "--raw", "--lang", "zh",
                "--out", second.toString(), "--quiet", "--compare-to", first.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(second.resolve("index.html"), StandardCharsets.UTF_8);
        Matcher notice = Pattern.compile("<p class=\"note settings\">([^<]*)</p>").matcher(html);
        assertTrue(notice.find(), "a settings notice");
        String text = notice.group(1);
        assertTrue(text.startsWith("上一份报告的设置与本次不同"), text);
        for (String part : new String[] {"paths 300 \u2192 200", "seed 1 \u2192 5", "\u2192 raw"}) {
            assertTrue(text.contains(part), part + " in " + text);
            assertTrue(r.err().contains(part), part + " in " + r.err());
        }
        assertTrue(html.indexOf("note settings") > html.indexOf("与上一份报告相比的变化"), "in the comparison section");

        // a summary.json written before settings were recorded: its paths, seed and version are compared
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(first.resolve("summary.json").toFile());
        old.remove("settings");
        io.plansim.service.Forecasts.Simulation sim = io.plansim.service.Forecasts.onClasspath().simulate(io.plansim.service.Forecasts.Request.of(
                io.plansim.service.ScenarioSource.builtIn("yiwu/baseline")), io.plansim.runner.McOptions.of(50, 1), null);
        io.plansim.report.ScenarioRun run = new io.plansim.report.ScenarioRun(sim.scenario(), null, sim.mc(), sim.verdicts(),
                io.plansim.target.History.empty());
        io.plansim.report.ReportInput in = new io.plansim.report.ReportInput(java.util.List.of(run),
                200, 1, "x", "c", "now", io.plansim.report.Labels.of(io.plansim.report.Lang.EN, java.util.Optional.empty()), null, old, "first",
                true, null, Map.of("paths", "200", "seed", "1", "calibration", "raw"));
        assertEquals(java.util.List.of("paths 300 \u2192 200"), in.settingsThatDiffer());
    }

    @Test
    void compareToAFolderWithoutAReportIsABadInput(@TempDir Path dir) {
        Path out = dir.resolve("out");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "100", "--out", out.toString(), "--quiet",
                "--compare-to", dir.resolve("nothing").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--compare-to") && r.err().contains("summary.json"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
