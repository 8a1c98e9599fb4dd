package io.plansim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.runner.Projection;
import org.junit.jupiter.api.Test;

/** Closed-form checks of the model equations (docs/MODEL.md). */
class ModelClosedFormTest {

    /**
     * With labour growing at n and no technical progress, the Solow kind converges to
     * k* = (s/(n+delta))^(1/(1-alpha)) in efficiency units; since y = k^alpha, K/Y = k^(1-alpha).
     */
    @Test
    void solowConvergesToItsSteadyStateWithoutTechnicalProgress() {
        double s = 0.3, n = 0.01, delta = 0.06, alpha = 0.35;
        Projection p = TestScenarios.run("test/minimal", "horizon=2600", "trade.exportTrend=0",
                "production.savingsRate=" + s, "production.depreciation=" + delta, "production.capitalShare=" + alpha,
                "population.naturalGrowth=" + n, "population.netMigration=0",
                "production.tfpGrowth=0", "production.humanCapitalGrowth=0");
        double kStar = Math.pow(s / (n + delta), 1 / (1 - alpha));
        double kOverY = p.value("capital_stock", 2600) / p.value("gdp_real", 2600);
        double k = Math.pow(kOverY, 1 / (1 - alpha));
        assertEquals(kStar, k, 1e-9 * kStar);
        // and it started far from it (initial K/Y 2.5 vs steady-state s/(n+delta) = 4.29)
        double k0 = Math.pow(p.value("capital_stock", 2020) / p.value("gdp_real", 2020), 1 / (1 - alpha));
        assertTrue(Math.abs(k0 - kStar) > 0.3 * kStar);
        // in steady state output grows at n
        assertEquals(100 * n, p.value("gdp_real_growth", 2600), 1e-9);
    }

    /**
     * With TFP growth gA and human-capital growth gh, efficiency per worker grows at
     * g = (1+gA)^(1/(1-alpha)) (1+gh) - 1 and the annual-step steady state is
     * k* = (s/((1+n)(1+g) - 1 + delta))^(1/(1-alpha)); the continuous-time formula s/(n+g+delta) drops n*g.
     */
    @Test
    void solowConvergesWithTechnicalProgressToTheDiscreteTimeSteadyState() {
        double s = 0.35, n = 0.015, delta = 0.05, alpha = 0.4, gA = 0.012, gh = 0.005;
        Projection p = TestScenarios.run("test/minimal", "horizon=2700", "trade.exportTrend=0",
                "production.savingsRate=" + s, "production.depreciation=" + delta, "production.capitalShare=" + alpha,
                "population.naturalGrowth=" + n, "population.netMigration=0",
                "production.tfpGrowth=" + gA, "production.humanCapitalGrowth=" + gh, "trade.worldDemandGrowth=0",
                "trade.domesticTradeGrowth=0", "energy.intensityDecline=0", "prices.deflatorGrowth=0", "prices.cpiInflation=0",
                "trade.importElasticity=0");
        double g = Math.pow(1 + gA, 1 / (1 - alpha)) * (1 + gh) - 1;
        double kStar = Math.pow(s / ((1 + n) * (1 + g) - 1 + delta), 1 / (1 - alpha));
        double k = Math.pow(p.value("capital_stock", 2700) / p.value("gdp_real", 2700), 1 / (1 - alpha));
        assertEquals(kStar, k, 1e-9 * kStar);
        assertEquals(100 * ((1 + n) * (1 + g) - 1), p.value("gdp_real_growth", 2700), 1e-8);
    }

    @Test
    void growthPathKindReproducesItsCagrExactly() {
        Projection p = TestScenarios.run("test/growth");
        double y0 = p.value("gdp_real", 2020);
        assertEquals(y0 * Math.pow(1.065, 5), p.value("gdp_real", 2025), 1e-9 * y0);
        assertEquals(y0 * Math.pow(1.065, 5) * Math.pow(1.05, 10), p.value("gdp_real", 2035), 1e-9 * y0);
        double cagr = Math.pow(p.value("gdp_real", 2035) / y0, 1.0 / 15) - 1;
        assertEquals(Math.pow(Math.pow(1.065, 5) * Math.pow(1.05, 10), 1.0 / 15) - 1, cagr, 1e-12);
        assertEquals(6.5, p.value("gdp_real_growth", 2023), 1e-9);
    }

    @Test
    void urbanizationFollowsTheLogisticAndStaysBelowItsCeiling() {
        double ceiling = 0.7, k = 0.3;
        Projection p = TestScenarios.run("test/minimal", "horizon=2100", "trade.exportTrend=0",
                "population.urbanCeiling=" + ceiling, "population.urbanSpeed=" + k);
        double u0 = 0.6;
        for (int year = 2020; year <= 2100; year++) {
            double u = p.value("urbanization_rate", year) / 100;
            assertTrue(u < ceiling, "urbanization " + u + " in " + year);
            // closed form of the logistic: u(t) = U / (1 + (U/u0 - 1) e^{-k t})
            double closed = ceiling / (1 + (ceiling / u0 - 1) * Math.exp(-k * (year - 2020)));
            assertEquals(closed, u, 1e-12);
        }
    }

    @Test
    void energyIsActivityTimesIntensityAndCo2FollowsTheFossilShare() {
        Projection p = TestScenarios.run("test/minimal");
        for (int year = 2020; year <= 2035; year++) {
            double energy = p.value("gdp_real", year) * p.value("energy_intensity", year);
            assertEquals(energy, p.value("energy_consumption", year), 1e-9 * energy);
            double co2 = energy * (1 - p.value("non_fossil_share", year) / 100) * 2.66;
            assertEquals(co2, p.value("co2", year), 1e-9 * co2);
        }
        assertEquals(0.4 * Math.pow(0.97, 15), p.value("energy_intensity", 2035), 1e-12);
    }
}
