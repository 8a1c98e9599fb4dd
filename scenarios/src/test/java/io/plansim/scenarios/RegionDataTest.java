package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.scenario.InputException;
import io.plansim.scenario.RegionData;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Region knowledge as data: every built-in scenario names its region's file, every satellite of every built-in is
 * placed in a report area by it (none falls through to "other indicators"), and a bad region file is refused with
 * its file, line and field.
 */
class RegionDataTest {
    @Test
    void everySatelliteOfEveryBuiltInIsInAReportArea() {
        ScenarioRepository repo = ScenarioRepository.onClasspath();
        ScenarioLoader loader = new ScenarioLoader(repo);
        int jinhua = 0;
        for (String name : repo.builtIns()) {
            Scenario s = loader.load(name);
            String region = name.substring(0, name.indexOf('/'));
            assertEquals("scenarios/" + region + "/region.yaml", s.regionData().file(), name);
            for (Satellite x : s.satellites()) {
                assertTrue(s.regionData().lists(x.id()), name + ": satellite " + x.id() + " is in no report area");
                if (name.equals("jinhua/backtest-2015")) {
                    jinhua++;
                }
            }
        }
        assertEquals(16, jinhua, "the 13th plan's Jinhua satellites");
    }

    @Test
    void theModelsVariablesComeFirstAndTheRegionsSatellitesAfter() {
        RegionData yiwu = new ScenarioLoader(ScenarioRepository.onClasspath()).load("yiwu/baseline").regionData();
        assertEquals(List.of("gdp", "trade", "energy", "population", "income"), yiwu.areaIds());
        assertEquals(List.of("income_per_capita", "urban_income_per_capita", "rural_income_per_capita"),
                yiwu.areas().get(4).variables());
        assertEquals("trade", yiwu.area("express_parcels"));
        assertEquals("trade", yiwu.area("exports_market_procurement"), "exports and imports by channel");
        assertEquals("other", yiwu.area("no_such_indicator"));
        assertEquals("gdp_nominal", yiwu.distribution());
    }

    @Test
    void aBadRegionFileNamesFileLineAndField() {
        InputException e = assertThrows(InputException.class, () -> RegionData.parse("r.yaml",
                "areas:\n  gdp: [retail_sales]\n  tarde: [parcels]\n  income: [gdp_nominal, retail_sales, 3]\nlayout: x\n"));
        String m = e.getMessage();
        assertTrue(m.contains("r.yaml:3:") && m.contains("areas.tarde") && m.contains("did you mean 'trade'"), m);
        assertTrue(m.contains("areas.income[0]: found 'gdp_nominal' (a model variable)"), m);
        assertTrue(m.contains("areas.income[1]: found 'retail_sales' a second time"), m);
        assertTrue(m.contains("areas.income[2]"), m);
        assertTrue(m.contains("r.yaml:5:") && m.contains("layout"), m);
    }
}
