package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.plansim.TestScenarios;
import io.plansim.compile.CompiledScenario;
import io.plansim.runner.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A child scenario and a --set override each change exactly what they name, nothing else. */
class InheritanceAndOverrideTest {

    /** Drivers whose compiled path differs between two compiled scenarios. */
    private static List<Driver> differing(CompiledScenario a, CompiledScenario b) {
        List<Driver> out = new ArrayList<>();
        int n = a.years();
        for (Driver d : Driver.values()) {
            double[] x = Arrays.copyOfRange(a.params(), d.ordinal() * n, d.ordinal() * n + n);
            double[] y = Arrays.copyOfRange(b.params(), d.ordinal() * n, d.ordinal() * n + n);
            if (!Arrays.equals(x, y)) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void childChangesOnlyTheDriverItStates() {
        CompiledScenario parent = TestScenarios.compile("test/minimal");
        CompiledScenario child = TestScenarios.compile("test/child");
        assertEquals(List.of(Driver.IMPORT_TREND), differing(parent, child));
        assertArrayEquals(parent.shocks(), child.shocks());
        assertArrayEquals(parent.satelliteParams(), child.satelliteParams());
        assertEquals(List.of("test/child", "test/minimal"), child.scenario().lineage());
        assertEquals("Test child", child.scenario().name());
        // inherited period path stays as the parent wrote it
        assertEquals(0.02, child.param(Driver.EXPORT_TREND, 3));
        assertEquals(0.01, child.param(Driver.EXPORT_TREND, 10));
    }

    @Test
    void anOverrideOrAChildLeavesNoTraceInTheNextLoadOfTheSameFiles() {
        // the loader copies recently parsed texts instead of parsing them again: each load must get its own copy
        CompiledScenario before = TestScenarios.compile("test/child");
        CompiledScenario overridden = TestScenarios.compile("test/child", "trade.exportTrend=0.07", "trade.importTrend=0.05");
        assertEquals(0.07, overridden.param(Driver.EXPORT_TREND, 3));
        CompiledScenario after = TestScenarios.compile("test/child");
        assertEquals(List.of(), differing(before, after));
        assertEquals("Test child", after.scenario().name());
        CompiledScenario parent = TestScenarios.compile("test/minimal");
        assertEquals(List.of(Driver.IMPORT_TREND), differing(parent, after));
        assertEquals(List.of("test/minimal"), parent.scenario().lineage());
    }

    @Test
    void childAffectsOnlyTheVariablesDownstreamOfWhatItChanged() {
        Projection parent = TestScenarios.run("test/minimal");
        Projection child = TestScenarios.run("test/child");
        for (int i = 0; i < parent.variables().size(); i++) {
            String id = parent.variables().get(i).id();
            boolean downstream = List.of("imports", "goods_trade", "total_trade", "imports_usd", "goods_trade_usd").contains(id);
            if (downstream) {
                assertFalse(Arrays.equals(parent.values()[i], child.values()[i]), id);
            } else {
                assertArrayEquals(parent.values()[i], child.values()[i], id);
            }
        }
    }

    @Test
    void rangedSetChangesOnlyThoseYearsOfThatDriver() {
        CompiledScenario base = TestScenarios.compile("test/minimal");
        CompiledScenario set = TestScenarios.compile("test/minimal", "trade.exportTrend[2026-2030]=0.03");
        assertEquals(List.of(Driver.EXPORT_TREND), differing(base, set));
        for (int year = 2020; year <= 2035; year++) {
            int t = year - 2020;
            double expected = year >= 2026 && year <= 2030 ? 0.03 : base.param(Driver.EXPORT_TREND, t);
            assertEquals(expected, set.param(Driver.EXPORT_TREND, t), "year " + year);
        }
    }

    @Test
    void plainSetReplacesTheWholePath() {
        CompiledScenario base = TestScenarios.compile("test/minimal");
        CompiledScenario set = TestScenarios.compile("test/minimal", "trade.exportTrend=0.04");
        assertEquals(List.of(Driver.EXPORT_TREND), differing(base, set));
        for (int t = 0; t < set.years(); t++) {
            assertEquals(0.04, set.param(Driver.EXPORT_TREND, t));
        }
    }

    /**
     * A what-if on a driver whose base-year value is part of the observed base year (the exchange rate, the
     * non-fossil share, the carbon factor) moves it from the year after the base on: the base year's dollar trade
     * and CO2 stay as recorded, so targets judged on them do not move with the what-if.
     */
    @Test
    void aWhatIfLeavesTheObservedBaseYearAsRecorded() {
        CompiledScenario base = TestScenarios.compile("test/minimal");
        for (String set : List.of("prices.cnyPerUsd=7.5", "prices.cnyPerUsd*=1.1", "energy.fossilCarbonFactor=2.0",
                "energy.nonFossilShare+=0.05")) {
            CompiledScenario moved = TestScenarios.compile("test/minimal", set);
            Driver d = differing(base, moved).get(0);
            assertEquals(base.param(d, 0), moved.param(d, 0), set + ": the base year");
            assertNotEquals(base.param(d, 1), moved.param(d, 1), set + ": the year after");
        }
        Projection recorded = TestScenarios.run("test/minimal");
        Projection moved = TestScenarios.run("test/minimal", "prices.cnyPerUsd=7.5");
        int baseYear = recorded.years()[0];
        assertEquals(recorded.value("exports_usd", baseYear), moved.value("exports_usd", baseYear));
        assertNotEquals(recorded.value("exports_usd", baseYear + 1), moved.value("exports_usd", baseYear + 1));
    }

    @Test
    void setReachesSatellitesAndScalars() {
        Projection base = TestScenarios.run("test/minimal");
        Projection set = TestScenarios.run("test/minimal", "satellites.express_parcels.trend=0.10");
        assertNotEquals(base.value("express_parcels", 2030), set.value("express_parcels", 2030));
        assertArrayEquals(base.series("gdp_nominal"), set.series("gdp_nominal"));
        Projection ranged = TestScenarios.run("test/minimal", "satellites.rd_share.path[2030-2035]=3.0");
        assertEquals(3.0, ranged.value("rd_share", 2031));
        assertEquals(2.5, ranged.value("rd_share", 2029));
        assertEquals(ProductionKind.GROWTH, TestScenarios.load("test/minimal", "model=growth").production());
    }

    @Test
    void childMayChangeTheModelKind() {
        Scenario growth = TestScenarios.load("test/growth");
        assertEquals(ProductionKind.GROWTH, growth.production());
        Projection p = TestScenarios.run("test/growth");
        assertEquals(-1, p.indexOf("capital_stock"), "Solow-only rows are not shown for the growth kind");
    }
}
