package io.plansim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.runner.Projection;
import org.junit.jupiter.api.Test;

/**
 * The demand channel from trade to output (docs/MODEL.md, "Trade and output"):
 * ln Y(t) = ln Y_supply(t) + d(t), d(t) = d(t-1) + beta [dln T(t) - dln(Y_supply(t) P(t))], T = exports + domestic trade.
 */
class TradeChannelTest {

    /**
     * In the growth kind the supply side does not depend on output, so the channel has a closed form: the log
     * gap between output with and without it is beta times the change of the turnover-to-supply-side ratio.
     */
    @Test
    void growthKindOutputGapIsBetaTimesTheTurnoverRatioChange() {
        double beta = 0.13;
        Projection off = TestScenarios.run("test/growth", "trade.worldDemandGrowth[2026-2027]=-0.1");
        Projection on = TestScenarios.run("test/growth", "trade.worldDemandGrowth[2026-2027]=-0.1", "trade.outputElasticity=" + beta);
        for (int year = 2021; year <= 2035; year++) {
            double t0 = off.value("exports", 2020) + off.value("domestic_trade", 2020);
            double t = off.value("exports", year) + off.value("domestic_trade", year);
            double ratio = Math.log(t / t0) - Math.log(off.value("gdp_nominal", year) / off.value("gdp_nominal", 2020));
            double gap = Math.log(on.value("gdp_real", year) / off.value("gdp_real", year));
            assertEquals(beta * ratio, gap, 1e-12, "log output gap " + year);
            assertEquals(off.value("exports", year), on.value("exports", year), 1e-9, "exports do not depend on output");
        }
    }

    @Test
    void theChannelOffLeavesTheSupplySideAsItWas() {
        Projection off = TestScenarios.run("test/minimal");
        Projection slump = TestScenarios.run("test/minimal", "trade.worldDemandGrowth[2026-2027]=-0.1");
        assertEquals(off.value("gdp_real", 2035), slump.value("gdp_real", 2035), 0.0);
        for (int year = 2021; year <= 2035; year++) {
            assertEquals(0.0, off.value("ga_trade", year), 0.0);
        }
    }

    /** Solow kind: an export slump lowers output, the capital it finances, incomes and the trade term of growth accounting. */
    @Test
    void anExportSlumpLowersSolowOutputAndIncomes() {
        Projection base = TestScenarios.run("test/minimal", "trade.outputElasticity=0.1");
        Projection slump = TestScenarios.run("test/minimal", "trade.outputElasticity=0.1", "trade.worldDemandGrowth[2026-2027]=-0.1");
        assertEquals(base.value("gdp_real", 2025), slump.value("gdp_real", 2025), 0.0, "before the slump nothing changes");
        assertTrue(slump.value("ga_trade", 2026) < base.value("ga_trade", 2026) - 0.5, "the slump's trade term");
        for (int year = 2026; year <= 2035; year++) {
            assertTrue(slump.value("gdp_real", year) < base.value("gdp_real", year), "GDP " + year);
            assertTrue(slump.value("income_per_capita", year) < base.value("income_per_capita", year), "income " + year);
        }
        assertTrue(slump.value("capital_stock", 2030) < base.value("capital_stock", 2030), "less output, less investment");
    }
}
