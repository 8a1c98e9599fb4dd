package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AnalysisCommandsTest {
    @Test
    void solveAnswersWithAValueForTheProbabilityTarget() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035",
                "--driver", "production.tfpGrowth", "--probability", "0.8", "--paths", "4000", "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode res = new ObjectMapper().readTree(r.out()).get("results").get(0);
        assertTrue(res.get("found").asBoolean(), res.toString());
        double v = res.get("value").asDouble();
        assertTrue(v > 0.009 && v < 0.05, "tfp growth " + v);
        assertEquals(0.8, res.get("achieved").asDouble(), 0.002);
    }

    @Test
    void theServicesSolverAnswersAsTheCommandLineOnTheSameDistribution() throws Exception {
        // the what-if page's "What would it take?" (Forecasts.solve) and plansim solve: the same value to the last bit,
        // both on the calibrated distribution that mc, targets and the page's forecast show
        RunCommandTest.Result r = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035",
                "--driver", "production.tfpGrowth", "--probability", "0.8", "--paths", "2000", "--seed", "3", "--quiet", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode cli = new ObjectMapper().readTree(r.out()).get("results").get(0);
        io.plansim.service.Forecasts.Solution s = io.plansim.service.Forecasts.onClasspath().solve(
                io.plansim.service.Forecasts.Request.of(io.plansim.service.ScenarioSource.builtIn("yiwu/baseline")),
                "yiwu2035.gdp_nominal.2035", "production.tfpGrowth", 0.8, io.plansim.runner.McOptions.of(2000, 3));
        assertTrue(s.result().found(), s.result().message());
        assertEquals(cli.get("value").asDouble(), s.result().value(), 0.0);
        assertEquals(cli.get("achieved").asDouble(), s.result().achieved(), 0.0);
    }

    @Test
    void solveAllPrintsOneTable() {
        RunCommandTest.Result r = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "all", "--driver", "production.tfpGrowth");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("yiwu14.gdp_nominal.2025"));
        assertTrue(r.out().contains("no value in"), "unreachable targets say so");
    }

    @Test
    void sensitivityListsSobolIndicesAndTornadoBars() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035",
                "--method", "sobol", "--paths", "512", "--bootstrap", "100", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode ps = new ObjectMapper().readTree(r.out()).get("parameters");
        assertEquals(15, ps.size()); // the baseline's uncertain parameters: 11 hand-set or history-sized, 4 of the Solow model from the PWT (issue 18)
        assertEquals("production.tfpGrowth", ps.get(0).get("parameter").asText());
        assertTrue(ps.get(0).get("total").asDouble() > 0.5);
        RunCommandTest.Result t = RunCommandTest.plansim("sensitivity", "yiwu/baseline", "--output", "yiwu2035.gdp_nominal.2035.double");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Tornado"));
        assertEquals(2, RunCommandTest.plansim("sensitivity", "yiwu/baseline", "--output", "gdp@2035").code());
    }

    /** Every row of solve's CSV has as many fields as its header, messages with commas included. */
    @Test
    void solveCsvRowsFitTheirHeader() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "all", "--driver",
                "production.tfpGrowth", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.dataformat.csv.CsvMapper m = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        m.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        java.util.List<String[]> rows = m.readerFor(String[].class).<String[]>readValues(r.out()).readAll();
        assertTrue(rows.size() > 20, "rows: " + rows.size());
        for (String[] row : rows) {
            assertEquals(rows.get(0).length, row.length, String.join("|", row));
        }
        assertTrue(rows.stream().anyMatch(x -> x[x.length - 1].contains(",")), "some message holds a comma, quoted");
    }

    /** Tornado bars in one layout: sensitivity's JSON keys are its CSV header, as in the report's table and summary.json. */
    @Test
    void tornadoJsonAndCsvShareOneLayout() throws Exception {
        String[] args = {"sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035", "--format"};
        RunCommandTest.Result json = RunCommandTest.plansim(concat(args, "json"));
        RunCommandTest.Result csv = RunCommandTest.plansim(concat(args, "csv"));
        assertEquals(0, json.code(), json.err());
        assertEquals(0, csv.code(), csv.err());
        JsonNode bars = new ObjectMapper().readTree(json.out()).get("parameters");
        String[] lines = csv.out().split("\n");
        assertEquals("parameter,p10_input,p90_input,output_at_p10,output_at_p90,swing", lines[0]);
        assertEquals(bars.size(), lines.length - 1);
        java.util.List<String> keys = new java.util.ArrayList<>();
        bars.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of(lines[0].split(",")), keys);
        String[] first = lines[1].split(",");
        assertEquals(bars.get(0).get("parameter").asText(), first[0]);
        assertEquals(bars.get(0).get("output_at_p90").asDouble(), Double.parseDouble(first[4]), 0.0);
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
