package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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

    @Test
    void theOriginMustBeTheScenariosBaseYear() {
        RunCommandTest.Result r = RunCommandTest.plansim("backtest", "yiwu/backtest-2015", "--origin", "2012", "--paths", "100");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the scenario's base year 2015"), r.err());
    }
}
