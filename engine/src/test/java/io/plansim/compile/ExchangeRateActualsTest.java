package io.plansim.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Projection;
import io.plansim.runner.Sampler;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;
import io.plansim.verdict.TargetJudge;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A year whose exchange rate the history knows (a cny_per_usd row, or a dollar flow recorded with its 亿元 figure)
 * turns that year's 亿元 trade into 亿美元 at that rate, not at the scenario's (a backtest's origin rate), and a
 * target on a dollar flow of such a year is judged on the known outcome.
 */
class ExchangeRateActualsTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n";

    private static History history(String rows) {
        return History.parse("synthetic.csv", HEADER + rows);
    }

    private static CompiledScenario conditioned(History h) {
        CompiledScenario c = TestScenarios.compile("test/minimal"); // base 2020, cnyPerUsd the default 6.9
        return c.withObservations(Observations.of(c, h, Integer.MAX_VALUE));
    }

    @Test
    void aRecordedRateConvertsThatYearsTrade() {
        History h = history("""
                T,2022,exports,2500,亿元,nominal,used,,,,synthetic
                T,2022,cny_per_usd,6.2,元/美元,none,used,,,,synthetic
                """);
        Projection p = DeterministicRunner.run(conditioned(h));
        assertEquals(6.2, p.value("cny_per_usd", 2022), 0);
        assertEquals(2500 / 6.2, p.value("exports_usd", 2022), 1e-9, "2022's exports at 2022's rate");
        assertEquals(6.9, p.value("cny_per_usd", 2021), 0, "a year without a record keeps the driver's rate");
        assertEquals(6.9, p.value("cny_per_usd", 2023), 0);
        // every Monte Carlo path holds the known year's rate
        McResult mc = MonteCarloRunner.run(conditioned(h), new McOptions(500, 3, Sampler.MC, 1, 256), PathTargets.none(), null);
        int v = mc.variableIndex("exports_usd");
        assertEquals(2500 / 6.2, mc.quantile(v, 2, 0.05), 1e-9);
        assertEquals(2500 / 6.2, mc.quantile(v, 2, 0.95), 1e-9);
    }

    @Test
    void aDollarFlowRecordedWithIts亿元FigureFixesTheRateSoThePathShowsBoth() {
        // Jinhua 2015 in jinhua/backtest-2010: 3044亿元 and 490亿美元 of goods trade; the path held 2010's 6.77 and
        // printed 449.7亿美元 beside the recorded 490
        History h = history("""
                T,2022,exports,2958,亿元,nominal,used,,,,synthetic
                T,2022,imports,86,亿元,nominal,used,,,,synthetic
                T,2022,goods_trade,3044,亿元,nominal,used,,,,synthetic
                T,2022,goods_trade_usd,490,亿美元,nominal,used,,,,synthetic
                T,2022,cny_per_usd,6.2284,元/美元,none,used,,,,synthetic
                """);
        assertEquals(3044 / 490.0, h.exchangeRate(2022).getAsDouble(), 1e-12, "the pair wins over the rounder recorded rate");
        Projection p = DeterministicRunner.run(conditioned(h));
        assertEquals(490, p.value("goods_trade_usd", 2022), 1e-9);
        assertEquals(2958 / (3044 / 490.0), p.value("exports_usd", 2022), 1e-9);
        assertTrue(conditioned(h).observations().notes().toString().contains("text=2022 = goods_trade 3044亿元 / goods_trade_usd 490亿美元 = 6.2122"),
                conditioned(h).observations().notes().toString());
    }

    @Test
    void aRecordedBaseYearRateReplacesTheScenariosAndSaysSo() {
        CompiledScenario c = conditioned(history("T,2020,cny_per_usd,6.8974,元/美元,none,used,,,,synthetic\n"));
        assertFalse(c.observations().any(), "nothing after the base year");
        Projection p = DeterministicRunner.run(c);
        assertEquals(2000 / 6.8974, p.value("exports_usd", 2020), 1e-9);
        assertEquals(6.9, p.value("cny_per_usd", 2021), 0);
        assertEquals("exchange rate of the base year 2020: 6.8974 元/美元 as recorded, not the scenario's 6.9", c.observations().baseYearRate());
        assertNull(conditioned(history("T,2020,cny_per_usd,6.9,元/美元,none,used,,,,synthetic\n")).observations().baseYearRate(),
                "nothing to say when they agree");
    }

    @Test
    void aDollarTargetOfAYearWhose亿元FigureAndRateAreKnownIsMetOrMissed() {
        // yiwu/backtest-2015: 2020 exports of 3006.2亿元 at 2020's 6.8974 were judged as a forecast at 2015's 6.2284
        // (482.7, P 0.000, "off track") instead of missed on 435.8
        History h = history("""
                T,2018,exports_usd,339,亿美元,nominal,used,,,,synthetic
                T,2022,exports,3006.2,亿元,nominal,used,,,,synthetic
                T,2022,cny_per_usd,6.8974,元/美元,none,used,,,,synthetic
                """);
        TargetCatalog cat = TargetCatalog.parse("t.yaml", """
                targets:
                  - {id: x, plan: p, metric: exports_usd, year: 2022, kind: level, comparator: ">=", value: 544, unit: 亿美元,
                     basis: nominal, source: {file: f.txt, line: 1, quote: q}}
                  - {id: g, plan: p, metric: exports_usd, year: 2022, kind: growth, from: 2018, comparator: ">=", value: 10, unit: "%",
                     basis: nominal, source: {file: f.txt, line: 1, quote: q}}
                """);
        assertEquals(3006.2 / 6.8974, h.known("exports_usd", 2022).getAsDouble(), 1e-12);
        Projection p = DeterministicRunner.run(conditioned(h));
        TargetVerdict level = TargetJudge.judge(cat.byId("x"), p, h);
        assertEquals(Verdict.MISSED, level.verdict());
        assertEquals(3006.2 / 6.8974, level.actual(), 1e-9);
        assertEquals(3006.2 / 6.8974 - 544, level.gap(), 1e-9);
        assertEquals(p.value("exports_usd", 2022), level.central(), 1e-9, "the verdict's figure is the path's");
        TargetVerdict growth = TargetJudge.judge(cat.byId("g"), p, h);
        assertEquals(Verdict.MISSED, growth.verdict());
        assertEquals(100 * (Math.pow(3006.2 / 6.8974 / 339, 0.25) - 1), growth.actual(), 1e-9);
    }
}
