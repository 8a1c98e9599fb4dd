package io.plansim.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Conditioning on actuals after the base year, and the full-year nowcast of a partial-year figure. */
class NowcastTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note,period\n";

    private static History history(String rows) {
        return History.parse("synthetic.csv", HEADER + rows);
    }

    private static CompiledScenario conditioned(String scenario, History h, int asOf) {
        CompiledScenario c = TestScenarios.compile(scenario);
        return c.withObservations(Observations.of(c, h, asOf));
    }

    @Test
    void everyPathPassesThroughTheActualsAndTheirStateCarriesForward() {
        History h = history("""
                T,2021,gdp_nominal,1080,亿元,nominal,used,,,,synthetic,
                T,2022,gdp_nominal,1100,亿元,nominal,used,,,,synthetic,
                T,2022,exports,2300,亿元,nominal,used,,,,synthetic,
                T,2022,population,103,万人,none,used,,,,synthetic,
                """);
        CompiledScenario c = conditioned("test/lognormal", h, 2022);
        Projection p = DeterministicRunner.run(c);
        assertEquals(1080, p.value("gdp_nominal", 2021), 1e-9);
        assertEquals(1100, p.value("gdp_nominal", 2022), 1e-9);
        assertEquals(2300, p.value("exports", 2022), 1e-9);
        assertEquals(103, p.value("population", 2022), 1e-12);
        Projection free = TestScenarios.run("test/lognormal");
        assertNotEquals(free.value("gdp_nominal", 2023), p.value("gdp_nominal", 2023), "the observed level carries forward");
        // growth after the last actual is the scenario's (growth kind: real growth 5%, deflator as the scenario's)
        assertEquals(p.value("gdp_real", 2022) * 1.05, p.value("gdp_real", 2023), 1e-9);
        McResult mc = MonteCarloRunner.run(c, new McOptions(2000, 3, Sampler.MC, 2, 512), PathTargets.none(), null);
        int v = mc.variableIndex("gdp_nominal");
        for (double q : McResult.PERCENTILES) {
            assertEquals(1100, mc.quantile(v, 2, q), 1e-9, "every path passes through 2022's actual, q " + q);
        }
        assertTrue(mc.quantile(v, 3, 0.95) > mc.quantile(v, 3, 0.05) * 1.01, "2023 is uncertain again");
    }

    @Test
    void asOfTheBaseYearIsTheUnconditionedForecast() {
        History h = history("T,2021,gdp_nominal,1080,亿元,nominal,used,,,,synthetic,\n");
        CompiledScenario c = conditioned("test/minimal", h, 2020);
        assertFalse(c.observations().any());
        Projection a = DeterministicRunner.run(c);
        Projection b = TestScenarios.run("test/minimal");
        for (int i = 0; i < a.values().length; i++) {
            assertArrayEquals(b.values()[i], a.values()[i], 0.0, a.variables().get(i).id());
        }
    }

    /**
     * A Jan-Nov exports figure is nowcast by the mean log share of Jan-Nov in the four earlier years: the full
     * year is lognormal around partial / exp(mean), with log sd = sample sd of the log shares x sqrt(1 + 1/4).
     */
    @Test
    void aPartialYearIsNowcastWithTheClosedFormShareAndInterval() {
        double[] shares = {0.90, 0.92, 0.91, 0.89};
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            int year = 2017 + k;
            double full = 1000 + 100 * k;
            rows.append("T,").append(year).append(",exports,").append(full).append(",亿元,nominal,used,,,,synthetic,\n");
            rows.append("T,").append(year).append(",exports,").append(full * shares[k]).append(",亿元,nominal,used,,,,synthetic,Jan-Nov\n");
        }
        rows.append("T,2021,exports,1800,亿元,nominal,used,,,,synthetic,Jan-Nov\n");
        History h = history(rows.toString());
        double mean = 0;
        for (double s : shares) {
            mean += Math.log(s) / 4;
        }
        double ss = 0;
        for (double s : shares) {
            ss += (Math.log(s) - mean) * (Math.log(s) - mean);
        }
        double sd = Math.sqrt(ss / 3) * Math.sqrt(1.25);
        double expected = 1800 / Math.exp(mean);

        CompiledScenario c = conditioned("test/minimal", h, 2021);
        assertEquals(expected, DeterministicRunner.run(c).value("exports", 2021), 1e-9);
        assertTrue(c.observations().notes().get(0).text().contains("nowcast 2021 from Jan-Nov"), c.observations().notes().toString());
        McResult mc = MonteCarloRunner.run(c, new McOptions(10_000, 11, Sampler.MC, 2, 2048), PathTargets.none(), null);
        int v = mc.variableIndex("exports");
        double z = new NormalDistribution().inverseCumulativeProbability(0.95);
        // exact order statistics of 10,000 lognormal draws: the 5% and 95% quantiles within 3 standard errors
        double seQuantileLog = Math.sqrt(0.05 * 0.95 / 10_000) / 0.1031 * sd; // sqrt(p(1-p)/N) / phi(z) in sd units
        assertEquals(Math.log(expected) - z * sd, Math.log(mc.quantile(v, 1, 0.05)), 3 * seQuantileLog);
        assertEquals(Math.log(expected) + z * sd, Math.log(mc.quantile(v, 1, 0.95)), 3 * seQuantileLog);
        assertEquals(Math.log(expected), Math.log(mc.quantile(v, 1, 0.5)), 3 * sd * 1.2533 / Math.sqrt(10_000));
    }

    @Test
    void aPartialYearWithNoEarlierShareSaysSo() {
        History h = history("T,2021,exports,1800,亿元,nominal,used,,,,synthetic,H1\n");
        CompiledScenario c = conditioned("test/minimal", h, 2021);
        assertFalse(c.observations().any());
        assertTrue(c.observations().unused().get(0).contains("cannot be learnt"), c.observations().unused().toString());
    }

    @Test
    void aRateIsNowcastByTheMeanDifference() {
        History h = history("""
                T,2019,gdp_real_growth,6.0,%,real,used,,,,synthetic,
                T,2019,gdp_real_growth,6.4,%,real,used,,,,synthetic,H1
                T,2020,gdp_real_growth,4.0,%,real,used,,,,synthetic,
                T,2020,gdp_real_growth,4.2,%,real,used,,,,synthetic,H1
                T,2021,gdp_real_growth,7.0,%,real,used,,,,synthetic,H1
                """);
        CompiledScenario c = conditioned("test/minimal", h, 2021);
        assertEquals(7.0 - 0.3, DeterministicRunner.run(c).value("gdp_real_growth", 2021), 1e-9);
    }
}
