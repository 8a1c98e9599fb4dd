package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TargetsCommandTest {

    @Test
    void everyTargetGetsAVerdictWithTheDocumentedFields() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "yiwu/baseline", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode targets = json.get("targets");
        assertTrue(targets.size() >= 40);
        int previousYear = 0;
        for (JsonNode t : targets) {
            for (String f : new String[] {"id", "metric", "year", "kind", "comparator", "value", "unit", "central", "gap",
                    "requiredGrowth", "verdict"}) {
                assertTrue(t.has(f), t.get("id") + " lacks " + f);
            }
            assertTrue(t.get("year").asInt() >= previousYear, "sorted by year");
            previousYear = t.get("year").asInt();
        }
        JsonNode gdp2025 = find(targets, "yiwu14.gdp_nominal.2025");
        assertEquals(2000, gdp2025.get("value").asDouble());
        assertEquals(gdp2025.get("central").asDouble() - 2000, gdp2025.get("gap").asDouble(), 1e-9);
        // the 2020 GDP target is judged on the actual 1485.6
        JsonNode gdp2020 = find(targets, "yiwu13.gdp_nominal.2020");
        assertEquals("missed", gdp2020.get("verdict").asText());
        assertEquals(1485.6, gdp2020.get("actual").asDouble(), 1e-9);
    }

    @Test
    void theCsvCarriesTheProbabilitiesOfTheJson() throws Exception {
        RunCommandTest.Result csv = RunCommandTest.plansim("targets", "yiwu/baseline", "--paths", "300", "--threads", "1",
                "--quiet", "--format", "csv");
        RunCommandTest.Result json = RunCommandTest.plansim("targets", "yiwu/baseline", "--paths", "300", "--threads", "1",
                "--quiet", "--format", "json");
        assertEquals(0, csv.code(), csv.err());
        JsonNode targets = new ObjectMapper().readTree(json.out()).get("targets");
        java.util.List<java.util.Map<String, String>> rows = ReportCommandTest.csv(csv.out());
        assertEquals(targets.size(), rows.size());
        int drawn = 0;
        for (java.util.Map<String, String> row : rows) {
            JsonNode t = find(targets, row.get("id"));
            for (String[] c : new String[][] {{"probability", "probability"}, {"ci_low", "ciLow"}, {"ci_high", "ciHigh"},
                    {"standard_error", "standardError"}}) {
                assertTrue(row.containsKey(c[0]), "the csv lacks " + c[0] + ": " + row.keySet());
                if (t.has(c[1])) {
                    assertEquals(t.get(c[1]).asDouble(), Double.parseDouble(row.get(c[0])), 0.0, t.get("id") + " " + c[0]);
                    drawn++;
                } else {
                    assertEquals("", row.get(c[0]), t.get("id") + " " + c[0]);
                }
            }
        }
        assertTrue(drawn > 4 * 20, "probabilities in the csv: " + drawn);
        // without Monte Carlo: the same header, the probability columns empty
        RunCommandTest.Result central = RunCommandTest.plansim("targets", "yiwu/baseline", "--central-only", "--format", "csv");
        assertEquals(0, central.code(), central.err());
        assertEquals(csv.out().lines().findFirst(), central.out().lines().findFirst());
        for (java.util.Map<String, String> row : ReportCommandTest.csv(central.out())) {
            assertEquals("", row.get("probability") + row.get("ci_low") + row.get("ci_high") + row.get("standard_error"), row.get("id"));
        }
    }

    @Test
    void tablePrintsChineseNames() {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "yiwu/baseline");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("全市生产总值"), r.out());
        assertTrue(r.out().contains("on track") || r.out().contains("off track"));
    }

    private static JsonNode find(JsonNode targets, String id) {
        for (JsonNode t : targets) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id);
    }

    /** With new actuals, targets on a conditioned metric say what was known of it, and past-due ones are judged on it. */
    @org.junit.jupiter.api.Test
    void targetsSayWhatWasKnown() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "yiwu/baseline", "--history",
                java.nio.file.Path.of("..", "docs", "examples", "new-actuals-example.csv").toString(), "--paths", "500", "--quiet", "--format", "json");
        org.junit.jupiter.api.Assertions.assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        boolean seen = false;
        for (com.fasterxml.jackson.databind.JsonNode t : json.path("targets")) {
            if (t.path("metric").asText().equals("gdp_nominal")) {
                org.junit.jupiter.api.Assertions.assertEquals("actual 2021", t.path("known").asText(), t.toString());
                seen = true;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(seen);
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("nowcast 2022 from Jan-Nov"), r.err());
    }
}
