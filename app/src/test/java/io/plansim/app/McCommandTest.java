package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class McCommandTest {

    @Test
    void jsonHasPercentilesForEveryVariableAndAProbabilityForEveryTarget() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "20000", "--seed", "1",
                "--format", "json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("yiwu/baseline", json.get("scenario").asText());
        assertEquals(20000, json.get("paths").asLong());
        assertEquals(1, json.get("seed").asLong());
        assertEquals(16, json.get("years").size());
        for (JsonNode v : json.get("variables")) {
            assertTrue(v.has("unit"));
            for (String f : new String[] {"mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95"}) {
                assertEquals(16, v.get(f).size(), f);
            }
        }
        JsonNode gdp = json.at("/variables/gdp_nominal");
        for (int t = 1; t < 16; t++) {
            double p05 = gdp.get("p05").get(t).asDouble();
            double p50 = gdp.get("p50").get(t).asDouble();
            double p95 = gdp.get("p95").get(t).asDouble();
            assertTrue(p05 < p50 && p50 < p95, "ordered percentiles in year " + t);
        }
        int withProbability = 0;
        for (JsonNode t : json.get("targets")) {
            if (!"not evaluable".equals(t.get("verdict").asText())) {
                assertTrue(t.get("probability").isNumber(), t.get("id").asText());
                double p = t.get("probability").asDouble();
                assertTrue(t.get("ciLow").asDouble() <= p && p <= t.get("ciHigh").asDouble(), t.get("id").asText());
                withProbability++;
            }
        }
        assertTrue(withProbability >= 35, "targets with a probability: " + withProbability);
    }

    @Test
    void sameSeedSameResultAnyThreadCount() {
        RunCommandTest.Result a = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "6000", "--seed", "9",
                "--threads", "1", "--format", "csv", "--quiet");
        RunCommandTest.Result b = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "6000", "--seed", "9",
                "--threads", "3", "--format", "csv", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
    }

    @Test
    void targetsWithPathsUsesProbabilities() {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "yiwu/baseline", "--paths", "5000", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("P(met)"));
        assertTrue(r.out().contains("Monte Carlo paths"), r.out());
    }

    @Test
    void replayPrintsOnePath() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "5000", "--replay-path", "4321", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(16, new ObjectMapper().readTree(r.out()).get("years").size());
    }

    /**
     * --replay-path honours --format: csv and table give the replayed path's variables by year with unit and basis,
     * the same figures as its json. Both printed the json, whatever --format said.
     */
    @Test
    void replayHonoursTheFormat() throws Exception {
        String[] replay = {"mc", "yiwu/baseline", "--paths", "5000", "--replay-path", "4321", "--format"};
        RunCommandTest.Result json = RunCommandTest.plansim(concat(replay, "json"));
        RunCommandTest.Result csv = RunCommandTest.plansim(concat(replay, "csv"));
        RunCommandTest.Result table = RunCommandTest.plansim(concat(replay, "table"));
        RunCommandTest.Result plain = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "5000", "--replay-path", "4321");
        for (RunCommandTest.Result r : List.of(json, csv, table, plain)) {
            assertEquals(0, r.code(), r.err());
        }
        JsonNode path = new ObjectMapper().readTree(json.out());
        double[] gdp = new double[16];
        for (int t = 0; t < 16; t++) {
            gdp[t] = path.at("/variables/gdp_real/values").get(t).asDouble();
        }
        // csv: one row per variable, with its unit and basis, then one column per year
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.get(0).startsWith("variable,name,name_zh,unit,basis,2020,2021,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",2035"), lines.get(0));
        String[] row = lines.stream().filter(l -> l.startsWith("gdp_real,")).findFirst().orElseThrow().split(",");
        assertEquals("亿元", row[3]);
        assertEquals("real", row[4]);
        for (int t = 0; t < 16; t++) {
            assertEquals(gdp[t], Double.parseDouble(row[5 + t]), 1e-9 * gdp[t], "gdp_real " + (2020 + t));
        }
        assertEquals(path.get("variables").size(), lines.size() - 1, "every variable of the path");
        // table (the default): says which path it is, then every variable with unit and basis
        assertEquals(table.out(), plain.out(), "table is the default format");
        assertFalse(table.out().startsWith("{"), table.out().substring(0, 40));
        assertTrue(table.out().contains("path 4321 of 5000 (seed "), table.out().lines().findFirst().orElse(""));
        String gdpLine = table.out().lines().filter(l -> l.startsWith("gdp_real ")).findFirst().orElseThrow();
        assertTrue(gdpLine.contains("亿元 real"), gdpLine);
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("ga_trade ")), "every variable, not the main ones only");
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
