package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        RunCommandTest.Result r = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "5000", "--replay-path", "4321");
        assertEquals(0, r.code(), r.err());
        assertEquals(16, new ObjectMapper().readTree(r.out()).get("years").size());
    }
}
