package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
    @Test
    void backtestJsonCarriesScoresPerMetricAndPerTarget() throws Exception {
        for (String scenario : new String[] {"yiwu/backtest-2015", "yiwu/backtest-2010", "jinhua/backtest-2015"}) {
            RunCommandTest.Result r = RunCommandTest.plansim("backtest", scenario, "--paths", "3000", "--quiet", "--format", "json");
            assertEquals(0, r.code(), scenario + ": " + r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            JsonNode metrics = json.get("metrics");
            assertTrue(metrics.size() > 0, scenario + " has actuals to score");
            for (JsonNode m : metrics) {
                for (String f : new String[] {"quantiles", "actual", "error", "in50", "in80", "in90", "crps", "planError", "driftError"}) {
                    assertTrue(m.has(f), scenario + " " + m.get("metric") + " lacks " + f);
                }
                assertTrue(m.get("crps").asDouble() >= 0);
            }
            for (JsonNode t : json.get("targets")) {
                double p = t.get("probability").asDouble();
                double o = t.get("outcome").asBoolean() ? 1 : 0;
                assertEquals((p - o) * (p - o), t.get("brier").asDouble(), 1e-12);
            }
        }
    }

    /** p95 - p05 of the backtest's row of a metric in a year (JSON output). */
    private static double width(JsonNode json, String metric, int year) {
        for (JsonNode m : json.get("metrics")) {
            if (m.get("metric").asText().equals(metric) && m.get("year").asInt() == year) {
                return m.get("quantiles").get("p95").asDouble() - m.get("quantiles").get("p05").asDouble();
            }
        }
        throw new AssertionError("no row " + metric + " " + year);
    }

    @Test
    void backtestSaysWhichDistributionItScoresAndTakesRawAndCalibration() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        RunCommandTest.Result calibrated = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--paths", "2000", "--seed", "3",
                "--quiet", "--format", "json");
        RunCommandTest.Result raw = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--paths", "2000", "--seed", "3",
                "--quiet", "--format", "json", "--raw");
        assertEquals(0, calibrated.code(), calibrated.err());
        assertEquals(0, raw.code(), raw.err());
        JsonNode c = mapper.readTree(calibrated.out());
        JsonNode r = mapper.readTree(raw.out());
        // by default the built-in calibration's panel groups, never the regional group fitted on these very rows
        String line = c.get("calibration").asText();
        assertTrue(line.contains("calibrated") && line.contains("gdp") && !line.contains("regional group"), line); // the built-in file has none
        assertTrue(r.get("calibration").asText().contains("uncalibrated (--raw)"), r.get("calibration").asText());
        // the gdp group scales GDP's spread around the central path (same draws): the widths differ, the rows agree
        double ratio = width(c, "gdp_nominal", 2020) / width(r, "gdp_nominal", 2020);
        assertTrue(Math.abs(ratio - 1) > 0.005, "GDP 2020 p05-p95 width ratio calibrated/raw " + ratio);
        assertEquals(r.get("metrics").size(), c.get("metrics").size());
        // a file with a regional group: the group is left out (exports not rescaled) and the line says so
        io.plansim.compile.SpreadCalibration withRegion = io.plansim.compile.SpreadCalibration.builtIn().withGroup(
                new io.plansim.compile.SpreadCalibration.Group("region", java.util.List.of("exports"), "test: a regional group",
                        new double[] {1.5}, new double[] {0.1}, java.util.List.of()));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("bt-cal").resolve("spread.yaml");
        PanelCalibration.write(file, withRegion);
        RunCommandTest.Result regional = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--paths", "2000", "--seed", "3",
                "--quiet", "--format", "json", "--calibration", file.toString());
        assertEquals(0, regional.code(), regional.err());
        JsonNode g = mapper.readTree(regional.out());
        assertTrue(g.get("calibration").asText().contains("regional group (region) left out"), g.get("calibration").asText());
        assertEquals(width(r, "exports", 2020), width(g, "exports", 2020), 1e-9 * width(r, "exports", 2020));
        // the table says it too; --raw with --calibration is a clear error (exit 2)
        RunCommandTest.Result table = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--paths", "500", "--quiet");
        assertTrue(table.out().contains("scored: calibrated"), table.out());
        RunCommandTest.Result both = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--raw", "--calibration", "x.yaml");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("one of --raw and --calibration"), both.err());
    }

    @Test
    void theOriginMustBeTheScenariosBaseYear() {
        RunCommandTest.Result r = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--origin", "2012", "--paths", "100");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the scenario's base year 2015"), r.err());
    }

    @Test
    void aScenarioWithNoActualsAfterItsBaseYearIsAnErrorNotATableOfNothing() {
        RunCommandTest.Result r = RunCommandTest.plansim("backtest", "yiwu/baseline", "--paths", "100", "--threads", "1", "--quiet");
        assertEquals(2, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().contains("found no actuals after the base year 2020 up to 2035 to score"), r.err());
        assertTrue(r.err().contains("yiwu/backtest-2015") && r.err().contains("--history FILE"), r.err());
        assertFalse(r.err().contains("NaN") || r.err().contains("\tat "), r.err());
        RunCommandTest.Result asOf = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--as-of", "2020", "--paths", "100",
                "--threads", "1", "--quiet", "--format", "json");
        assertEquals(2, asOf.code(), asOf.out());
        assertTrue(asOf.err().contains("--as-of: found no actuals after --as-of 2020"), asOf.err());
    }

    private static final String REASON = "the base is a yearly estimate, the 2020 actual a census count";

    /** yiwu/backtest-2015 with the population's break restated in a child (its entry overrides the parent's). */
    private static String withPopulationBreak(Path dir) throws Exception {
        Path file = dir.resolve("bt.yaml");
        Files.writeString(file, "extends: yiwu/backtest-2015\nbacktest:\n  breaks: {population: \"" + REASON + "\"}\n",
                StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void rowsAndTargetsAcrossADeclaredBreakAreFlaggedInJsonAndLeftOutOfTheSummary(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("backtest", withPopulationBreak(dir), "--paths", "2000", "--seed", "1",
                "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode breaks = json.get("breaks");
        assertEquals(REASON, breaks.get("population").asText());
        int rows = 0;
        int flagged = 0;
        int in90 = 0;
        int allIn90 = 0;
        for (JsonNode m : json.get("metrics")) {
            String metric = m.get("metric").asText();
            boolean across = breaks.has(metric);
            assertEquals(across, m.get("acrossBreak").asBoolean(), m.toString());
            assertEquals(across, m.has("breakReason"), m.toString());
            if (across) {
                flagged++;
                assertEquals(breaks.get(metric).asText(), m.get("breakReason").asText());
            } else {
                rows++;
                in90 += m.get("in90").asBoolean() ? 1 : 0;
            }
            allIn90 += m.get("in90").asBoolean() ? 1 : 0;
        }
        assertTrue(flagged > 0, "the population row is across the break");
        JsonNode summary = json.get("summary");
        assertEquals(flagged, summary.get("rowsAcrossBreak").asInt());
        assertEquals(rows, summary.get("rows").asInt());
        assertEquals(rows + flagged, summary.get("all").get("rows").asInt());
        assertEquals((double) in90 / rows, summary.get("coverage90").asDouble(), 1e-12);
        assertEquals((double) allIn90 / (rows + flagged), summary.get("all").get("coverage90").asDouble(), 1e-12);
        double brier = 0;
        int targets = 0;
        for (JsonNode t : json.get("targets")) {
            boolean across = breaks.has(t.get("metric").asText());
            assertEquals(across, t.get("acrossBreak").asBoolean(), t.toString());
            if (!across) {
                brier += t.get("brier").asDouble();
                targets++;
            }
        }
        assertEquals(targets, summary.get("targets").asInt());
        assertEquals(targets + summary.get("targetsAcrossBreak").asInt(), summary.get("all").get("targets").asInt());
        assertEquals(brier / targets, summary.get("brier").asDouble(), 1e-12);
    }

    @Test
    void theTableAndCsvShowTheBreakPerRow(@TempDir Path dir) throws Exception {
        String file = withPopulationBreak(dir);
        RunCommandTest.Result table = RunCommandTest.plansim("backtest", file, "--paths", "2000", "--seed", "1", "--quiet");
        assertEquals(0, table.code(), table.err());
        String out = table.out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("metric ") && l.endsWith("  break")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("population ") && l.endsWith("  yes")), out);
        assertTrue(out.lines().filter(l -> l.startsWith("gdp_nominal ")).allMatch(l -> l.endsWith("  -")), out);
        assertTrue(out.contains(" actuals with a forecast spread; all 14: "), out);
        assertTrue(out.contains("across a statistical break left out of the scores above: "), out);
        assertTrue(out.contains("population 2020 (" + REASON + ")"), out);
        RunCommandTest.Result csv = RunCommandTest.plansim("backtest", file, "--paths", "2000", "--seed", "1", "--quiet", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().lines().findFirst().orElseThrow().endsWith(",drift_forecast,across_break,break_reason"), csv.out());
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("population,2020,") && l.endsWith(",true,\"" + REASON + "\"")), csv.out());
        assertTrue(csv.out().lines().filter(l -> l.startsWith("gdp_nominal,")).allMatch(l -> l.endsWith(",false,")), csv.out());
    }

    @Test
    void aBadBreakIsAnInputErrorWithExitCode2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "extends: yiwu/backtest-2015\nbacktest:\n  breaks:\n    populaton: census\n    exports: \"\"\n",
                StandardCharsets.UTF_8);
        RunCommandTest.Result r = RunCommandTest.plansim("backtest", file.toString(), "--paths", "100", "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(file + ":4:5: backtest.breaks.populaton: found unknown metric 'populaton'; did you mean 'population'?"), r.err());
        assertTrue(r.err().contains(file + ":5:5: backtest.breaks.exports: found an empty reason"), r.err());
    }
}
