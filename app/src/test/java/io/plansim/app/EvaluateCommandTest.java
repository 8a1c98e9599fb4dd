package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    /** A small panel in the PWT extract's columns: 20 economies near balanced growth with noise, 1950-2017. */
    static Path panel(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("countrycode,country,year,rgdpna,rnna,emp,hc,labsh,delta,csh_i,pop\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int e = 0; e < 20; e++) {
            double y = 1000;
            double k = 3000;
            double pop = 10 + e;
            double hc = 2;
            double g = 0.01 + 0.003 * e;
            for (int year = 1950; year <= 2017; year++) {
                sb.append(String.format(Locale.ROOT, "E%02d,\"Economy %d, synthetic\",%d,%.6f,%.6f,%.6f,%.6f,0.6,0.05,0.25,%.6f%n",
                        e, e, year, y, k, 0.4 * pop, hc, pop));
                k = 0.95 * k + 0.25 * y;
                y *= Math.exp(g + 0.02 * (rng.nextDouble() - 0.5));
                pop *= 1.01 + 0.002 * (rng.nextDouble() - 0.5);
                hc *= 1.005;
            }
        }
        Path file = dir.resolve("panel.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aPanelIsScoredForEveryForecasterVariableAndHorizonTheSameOnAnyThreadCount(@TempDir Path dir) throws Exception {
        String file = panel(dir).toString();
        RunCommandTest.Result one = RunCommandTest.plansim("evaluate", "--panel", file, "--paths", "50", "--folds", "2",
                "--threads", "1", "--quiet", "--format", "json");
        RunCommandTest.Result two = RunCommandTest.plansim("evaluate", "--panel", file, "--paths", "50", "--folds", "2",
                "--threads", "2", "--quiet", "--format", "json");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), two.out());
        JsonNode json = new ObjectMapper().readTree(one.out()).get("panel");
        // origins 1970..2015 every 5 years, all with a 10-year window: 20 economies x 10 origins; 2 blocks of 10 leave 10 training economies, the global mean's least
        assertEquals(200, json.get("cases").asInt());
        assertEquals(20, json.get("economies").asInt());
        // 4 forecasters x 3 variables x 15 horizons, and plansim recalibrated out of sample for GDP and population
        assertEquals(4 * 3 * 15 + 2 * 15, json.get("scores").size());
        for (JsonNode c : json.get("scores")) {
            int h = c.get("horizon").asInt();
            // origins whose origin + h is at most 2017
            int origins = (int) java.util.stream.IntStream.rangeClosed(0, 9).filter(o -> 1970 + 5 * o + h <= 2017).count();
            assertEquals(20 * origins, c.get("n").asInt(), c.toString());
            double sum = 0;
            for (JsonNode d : c.get("pitDensity")) {
                sum += d.asDouble();
            }
            assertEquals(10, sum, 1e-9);
            assertTrue(c.get("coverage50").asDouble() <= c.get("coverage80").asDouble()
                    && c.get("coverage80").asDouble() <= c.get("coverage90").asDouble());
        }
    }

    @Test
    void aShortHorizonAndALaterFirstOriginAreScored(@TempDir Path dir) throws Exception {
        // the population path is fitted for 15 years; a 5-year design must not write anchors past its horizon
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--panel", panel(dir).toString(), "--paths", "20",
                "--folds", "2", "--horizons", "5", "--first-origin", "1990", "--threads", "1", "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out()).get("panel");
        // origins 1990..2015 every 5 years: 20 economies x 6 origins
        assertEquals(120, json.get("cases").asInt());
        assertEquals(4 * 3 * 5 + 2 * 5, json.get("scores").size());
        for (JsonNode c : json.get("scores")) {
            assertTrue(c.get("horizon").asInt() <= 5, c.toString());
        }
    }

    @Test
    void theTableAndChartsAreWritten(@TempDir Path dir) throws Exception {
        Path charts = dir.resolve("charts");
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--panel", panel(dir).toString(), "--paths", "20",
                "--folds", "2", "--quiet", "--charts", charts.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("log_gdp: plansim's coverage"), r.out());
        assertTrue(r.out().contains("CRPS global-mean"), r.out());
        for (String v : new String[] {"log_gdp", "log_population", "log_capital"}) {
            for (String kind : new String[] {"coverage-", "pit-"}) {
                assertTrue(Files.size(charts.resolve(kind + v + ".png")) > 1000, kind + v);
                assertTrue(Files.readString(charts.resolve(kind + v + ".svg")).contains("<svg"), kind + v);
            }
        }
    }

    @Test
    void theRegionsPoolEveryBacktestRowNotAcrossABreak() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--regions", "--region-paths", "3000", "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode regions = new ObjectMapper().readTree(r.out()).get("regions");
        assertEquals(EvaluateCommand.BACKTESTS.size(), regions.get("backtests").size());
        int rows = 0;
        for (JsonNode b : regions.get("backtests")) {
            rows += b.get("rows").asInt();
        }
        int pooled = 0;
        for (JsonNode c : regions.get("scores")) {
            if (c.get("forecaster").asText().equals("plansim")) {
                pooled += c.get("n").asInt();
            }
        }
        assertEquals(rows, pooled);
    }

    @Test
    void badInputIsExitCodeTwoNamingTheOptionOrLine(@TempDir Path dir) throws Exception {
        RunCommandTest.Result none = RunCommandTest.plansim("evaluate");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--panel"), none.err());
        RunCommandTest.Result missing = RunCommandTest.plansim("evaluate", "--panel", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "countrycode,country,year,rgdpna\nAAA,A,1950,12\nAAA,A,1951,twelve\n");
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--panel", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv:3") && r.err().contains("twelve"), r.err());
        Path few = dir.resolve("few.csv");
        Files.writeString(few, "countrycode,country,year,rgdpna\nAAA,A,1950,12\n");
        RunCommandTest.Result cols = RunCommandTest.plansim("evaluate", "--panel", few.toString());
        assertEquals(2, cols.code());
        assertTrue(cols.err().contains("few.csv:1") && cols.err().contains("no column rnna"), cols.err());
    }

    @Test
    void thePlanRecordIsScoredAgainstTheBaseRate() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--plans", "--region-paths", "2000", "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode plans = new ObjectMapper().readTree(r.out()).get("plans");
        // the 54 rows of the 12th plans and the 13th-plan targets of yiwu/backtest-2015 whose 2020 outcome history.csv has
        assertTrue(plans.get("rows").size() > 54, plans.toString());
        int modelled = 0;
        double brier = 0;
        for (JsonNode row : plans.get("rows")) {
            if (row.hasNonNull("probabilityPlansim")) {
                double p = row.get("probabilityPlansim").asDouble();
                double o = row.get("met").asBoolean() ? 1 : 0;
                brier += (p - o) * (p - o);
                modelled++;
            }
        }
        assertEquals(plans.get("modelled").asInt(), modelled);
        assertEquals(plans.get("brierPlansim").asDouble(), brier / modelled, 1e-12);
        // Jinhua's 12th plan is in the CSV (29 rows) and repeated in Jinhua's target catalog: scored once, from the CSV,
        // with plansim's probabilities from jinhua/backtest-2010 where it projects the target
        int jinhua12 = 0;
        int jinhua12Modelled = 0;
        for (JsonNode row : plans.get("rows")) {
            if (row.get("plan").asText().equals("jinhua12")) {
                jinhua12++;
                jinhua12Modelled += row.hasNonNull("probabilityPlansim") ? 1 : 0;
            }
        }
        assertEquals(29, jinhua12);
        assertTrue(jinhua12Modelled >= 5, "jinhua12 rows with a plansim probability: " + jinhua12Modelled);
    }

    @Test
    void theRegionalGroupIsAppliedOnlyWhereItLowersTheHeldOutCrps() {
        RunCommandTest.Result r = RunCommandTest.plansim("evaluate", "--regions", "--region-paths", "2000", "--quiet");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean CRPS / \\|actual\\| ([0-9.]+) -> ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        boolean improves = Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(1));
        assertEquals(improves, r.out().contains("  kept: it lowers"), r.out());
        assertEquals(!improves, r.out().contains("  not applied (P(met) below) nor written"), r.out());
    }
}
