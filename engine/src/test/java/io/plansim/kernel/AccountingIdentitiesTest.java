package io.plansim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.TestScenarios;
import io.plansim.runner.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identities that must hold in every year of every projection. */
class AccountingIdentitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"test/minimal", "test/growth", "test/child"})
    void identitiesHoldEveryYear(String scenario) {
        Projection p = TestScenarios.run(scenario);
        for (int year : p.years()) {
            double x = p.value("exports", year);
            double m = p.value("imports", year);
            double d = p.value("domestic_trade", year);
            assertEquals(x + m, p.value("goods_trade", year), 1e-9 * (x + m), "goods trade " + year);
            assertEquals(x + m + d, p.value("total_trade", year), 1e-9 * (x + m + d), "total trade " + year);
            double shares = p.value("primary_share", year) + p.value("secondary_share", year) + p.value("tertiary_share", year);
            assertEquals(100, shares, 1e-9, "sector shares " + year);
            double nominal = p.value("gdp_real", year) * p.value("gdp_deflator", year);
            assertEquals(nominal, p.value("gdp_nominal", year), 1e-9 * nominal, "nominal = real x deflator " + year);
            double va = p.value("primary_va", year) + p.value("secondary_va", year) + p.value("tertiary_va", year);
            assertEquals(nominal, va, 1e-9 * nominal, "value added sums to GDP " + year);
            double fx = p.value("cny_per_usd", year);
            assertEquals((x + m) / fx, p.value("goods_trade_usd", year), 1e-9 * (x + m), "USD conversion " + year);
            assertEquals(p.value("population", year) * p.value("urbanization_rate", year) / 100,
                    p.value("urban_population", year), 1e-9, "urban population " + year);
        }
    }

    @Test
    void growthAccountingContributionsSumToLogGrowth() {
        Projection p = TestScenarios.run("test/minimal", "trade.outputElasticity=0.1", "trade.worldDemandGrowth[2026-2027]=-0.1");
        for (int year = 2021; year <= 2035; year++) {
            double sum = p.value("ga_capital", year) + p.value("ga_labour", year) + p.value("ga_human_capital", year)
                    + p.value("ga_tfp", year) + p.value("ga_trade", year);
            double logGrowth = 100 * Math.log(p.value("gdp_real", year) / p.value("gdp_real", year - 1));
            assertEquals(logGrowth, sum, 1e-9, "growth accounting " + year);
        }
    }

    @Test
    void aOneOffShockShiftsTheLevelByItsSizeInThatYear() {
        Projection with = TestScenarios.run("test/minimal");
        Projection without = TestScenarios.run("test/minimal", "trade.exportTrend=0.02", "shocks=null");
        Projection base = TestScenarios.run("test/minimal", "trade.exportTrend=0.02");
        // same path up to 2021; from 2022 on the level is 4% lower, and stays so
        assertEquals(without.value("exports", 2021), base.value("exports", 2021), 1e-9);
        assertEquals(0.96, base.value("exports", 2022) / without.value("exports", 2022), 1e-12);
        assertEquals(0.96, base.value("exports", 2035) / without.value("exports", 2035), 1e-12);
        assertEquals(with.value("exports", 2022), base.value("exports", 2022), 1e-9);
    }

    @Test
    void satellitesFollowTheirModes() {
        Projection p = TestScenarios.run("test/minimal");
        // growth: S(t) = S(t-1) (1 + trend + elasticity g_link)
        double gLink = p.value("gdp_nominal", 2021) / p.value("gdp_nominal", 2020) - 1;
        assertEquals(70 * (1 + 0.05 + 0.5 * gLink), p.value("express_parcels", 2021), 1e-9);
        // path: anchors interpolated
        assertEquals(2.3, p.value("rd_share", 2023), 1e-12);
        assertEquals(2.5, p.value("rd_share", 2030), 1e-12);
        // ratio: base-year ratio kept
        assertEquals(0.4 * p.value("gdp_nominal", 2035), p.value("fai", 2035), 1e-9);
    }
}
