package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The built-in backtests on what the histories record: a year's dollar trade at that year's exchange rate, a past
 * target met or missed on its known outcome, a five-year sum on its recorded total (found by a numbers hunt).
 */
class KnownOutcomesTest {
    private static JsonNode json(String... args) throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode target(JsonNode targets, String id) {
        for (JsonNode t : targets.get("targets")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id);
    }

    private static double value(JsonNode run, String variable, int year) {
        return run.get("variables").get(variable).get("values").get(year - run.get("years").get(0).asInt()).asDouble();
    }

    @Test
    void jinhuasRecorded2015GoodsTradeIsOnThePathInBothCurrencies() throws Exception {
        // 3044亿元 and 490亿美元 (003:706, 003:7): the path held 2010's 6.77 元/美元 and showed 449.7 beside the 490
        JsonNode run = json("run", "jinhua/backtest-2010", "--format", "json");
        assertEquals(3044, value(run, "goods_trade", 2015), 1e-9);
        assertEquals(490, value(run, "goods_trade_usd", 2015), 1e-9);
        assertEquals(2958 / (3044 / 490.0), value(run, "exports_usd", 2015), 1e-9);
        assertEquals(6.7695, value(run, "cny_per_usd", 2014), 0, "a year without a known rate keeps the scenario's");
    }

    @Test
    void yiwus2020DollarTradeIsAKnownOutcomeInTheBacktestFrom2015() throws Exception {
        // 2020 exports 3006.2亿元 and imports 123.3亿元 at 2020's 6.8974: were 482.7 and 19.8 at 2015's 6.2284, judged as
        // forecasts (off track P 0.000, on track P 1.000) with the exports gap 61.3 instead of 108.2
        JsonNode t = json("targets", "yiwu/backtest-2015", "--central-only", "--format", "json");
        JsonNode exports = target(t, "yiwu13.exports_usd.2020");
        assertEquals("missed", exports.get("verdict").asText());
        assertEquals(3006.2 / 6.8974, exports.get("actual").asDouble(), 1e-9);
        assertEquals(3006.2 / 6.8974 - 544, exports.get("gap").asDouble(), 1e-9);
        assertEquals("met", target(t, "yiwu13.imports_usd.2020").get("verdict").asText());
        assertEquals(123.3 / 6.8974, target(t, "yiwu13.imports_usd.2020").get("actual").asDouble(), 1e-9);
        assertEquals("missed", target(t, "yiwu13.exports_usd.2020.growth").get("verdict").asText());
        // the baseline, whose base year is 2020, shows the same figure
        assertEquals(3006.2 / 6.8974, target(json("targets", "yiwu/baseline", "--central-only", "--format", "json"),
                "yiwu13.exports_usd.2020").get("actual").asDouble(), 1e-9);
        assertEquals(3006.2 / 6.8974, value(json("run", "yiwu/baseline", "--format", "json"), "exports_usd", 2020), 1e-9);
    }

    @Test
    void aFiveYearSumIsJudgedOnItsRecordedTotalNeverOnModelYears() throws Exception {
        // 2011-2015 investment: 6785亿元 recorded (003:3, 003:90); was "actual" 5758.19 (2011-2014 model years) from
        // 2010, and "not evaluable" from 2015; new urban jobs 36.26万 recorded (003:250), was "not evaluable"
        for (String scenario : new String[] {"jinhua/backtest-2010", "jinhua/backtest-2015", "jinhua/baseline"}) {
            JsonNode t = json("targets", scenario, "--central-only", "--format", "json");
            JsonNode investment = target(t, "jinhua12.fixed_asset_investment.2015");
            assertEquals("met", investment.get("verdict").asText(), scenario);
            assertEquals(6785, investment.get("actual").asDouble(), 0, scenario);
            JsonNode jobs = target(t, "jinhua12.new_urban_jobs.2015");
            assertEquals("met", jobs.get("verdict").asText(), scenario);
            assertEquals(36.26, jobs.get("actual").asDouble(), 0, scenario);
            assertTrue(jobs.get("actualMet").asBoolean(), scenario);
        }
    }
}
