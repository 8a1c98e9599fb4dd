package io.plansim.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * A statistical break in the history (issue 20): a level revision declared in year B (column {@code break}) is not
 * chained onto the path; the conditioned paths' growth across B is the observed growth of the revised series, and
 * later years follow the revised series' growth. Synthetic figures (made up for the test).
 */
class StatisticalBreakTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note,period,break\n";

    /**
     * GDP 1080 and 1100 on the old basis (2021, 2022); a census revision puts 2022 at 1210 and 2023 at 1331 (+10%
     * on the revised basis), 2024 at 1397.55 (+5%). Residents likewise: 103 in 2022 on the old basis, 110 revised,
     * 112.2 in 2023 (+2%).
     */
    private static final String ROWS = """
            T,2021,gdp_nominal,1080,亿元,nominal,used,,,,synthetic,,
            T,2022,gdp_nominal,1100,亿元,nominal,used,,,,synthetic,,
            T,2022,gdp_nominal,1210,亿元,nominal,alternative,,,,synthetic: 2022 on the revised basis,,%1$s
            T,2023,gdp_nominal,1331,亿元,nominal,used,,,,synthetic,,%1$s
            T,2024,gdp_nominal,1397.55,亿元,nominal,used,,,,synthetic,,
            T,2022,population,103,万人,none,used,,,,synthetic,,
            T,2022,population,110,万人,none,alternative,,,,synthetic: census-based,,%2$s
            T,2023,population,112.2,万人,none,used,,,,synthetic,,%2$s
            """;

    private static CompiledScenario conditioned(String gdpBreak, String populationBreak) {
        History h = History.parse("synthetic.csv", HEADER + String.format(ROWS, gdpBreak, populationBreak));
        CompiledScenario c = TestScenarios.compile("test/lognormal");
        return c.withObservations(Observations.of(c, h, 2024));
    }

    @Test
    void growthAcrossTheBreakIsTheRevisedSeriesGrowth() {
        CompiledScenario c = conditioned("2023 economic census", "2020 census");
        Projection p = DeterministicRunner.run(c);
        assertEquals(1100, p.value("gdp_nominal", 2022), 1e-9, "before the break: the level");
        assertEquals(1331.0 / 1210.0, p.value("gdp_nominal", 2023) / p.value("gdp_nominal", 2022), 1e-12, "across it: the growth");
        assertEquals(1397.55 / 1331.0, p.value("gdp_nominal", 2024) / p.value("gdp_nominal", 2023), 1e-12, "after it: the growth");
        assertEquals(1100 * 1.1 * 1.05, p.value("gdp_nominal", 2024), 1e-9, "the path stays on the base year's basis");
        assertEquals(112.2 / 110, p.value("population", 2023) / p.value("population", 2022), 1e-12);
        assertTrue(c.observations().notes().toString().contains("growth 2023 +10.00% across the break '2023 economic census'"),
                c.observations().notes().toString());

        // every Monte Carlo path takes the same growth across the break, whatever its draws
        McResult mc = MonteCarloRunner.run(c, new McOptions(2000, 5, Sampler.MC, 2, 512), PathTargets.none(), null);
        int v = mc.variableIndex("gdp_nominal");
        for (double q : McResult.PERCENTILES) {
            assertEquals(1210, mc.quantile(v, 3, q), 1e-9, "2023, q " + q);
            assertEquals(1270.5, mc.quantile(v, 4, q), 1e-9, "2024, q " + q);
        }
    }

    @Test
    void withoutTheDeclarationLevelsAreChainedAsBefore() {
        CompiledScenario c = conditioned("", "");
        Projection p = DeterministicRunner.run(c);
        assertEquals(1100, p.value("gdp_nominal", 2022), 1e-9);
        assertEquals(1331, p.value("gdp_nominal", 2023), 1e-9, "the revised level taken as it is: a 21% jump");
        assertEquals(1397.55, p.value("gdp_nominal", 2024), 1e-9);
        assertEquals(112.2, p.value("population", 2023), 1e-12);
    }

    @Test
    void aBreakWithoutTheRevisedYearBeforeLeavesThatYearFreeAndSaysWhy() {
        String rows = """
                T,2022,gdp_nominal,1100,亿元,nominal,used,,,,synthetic,,
                T,2023,gdp_nominal,1331,亿元,nominal,used,,,,synthetic,,2023 economic census
                T,2024,gdp_nominal,1397.55,亿元,nominal,used,,,,synthetic,,
                """;
        History h = History.parse("synthetic.csv", HEADER + rows);
        CompiledScenario c = TestScenarios.compile("test/lognormal");
        c = c.withObservations(Observations.of(c, h, 2024));
        Projection p = DeterministicRunner.run(c);
        // 2023 is forecast (growth kind: 5% real growth and the scenario's deflator), 2024 grows 5% from it
        Projection free = TestScenarios.run("test/lognormal");
        double modelGrowth = free.value("gdp_nominal", 2023) / free.value("gdp_nominal", 2022);
        assertEquals(1100 * modelGrowth, p.value("gdp_nominal", 2023), 1e-9);
        assertEquals(1397.55 / 1331.0, p.value("gdp_nominal", 2024) / p.value("gdp_nominal", 2023), 1e-12);
        assertTrue(c.observations().unused().toString().contains("no row of 2022 gives the revised figure"),
                c.observations().unused().toString());
    }
}
