package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import org.junit.jupiter.api.Test;

/**
 * Energy use is a physical quantity (万吨标准煤), so the base-year energy consumption of two scenarios of one
 * region must differ by the real GDP index between their base years times the change in intensity, whatever
 * price basis each base intensity is stated on. A scenario that reads a 2010-price intensity (per 万元 of
 * 2010-price GDP) as one at its own base year's prices overstates energy use by the GDP deflator since 2010
 * (about 11% for 2015, 15% for Yiwu's 2020), and fails here.
 *
 * <p>Real indices from the histories, as the scenario notes derive them: Yiwu 2010-2015 1.09^5 (2015's real
 * growth of 9%, history.csv, held for 2011-2015), 2015-2020 1.0825 x 1.075 x 1.07 x 1.055 x 1.04 (7.5% 2017, 7%
 * 2018, 4% 2020 stated; 2016 and 2019 interpolated); Jinhua 2010-2015 1.078^5 (2015's 7.8%). Intensity changes:
 * Yiwu -20% in 2011-2015 (000:119, met) and -3% a year to 2020 (the baseline's assumption); Jinhua 0.74 to 0.525
 * (003:163, 003:168). Tolerance 1%: the rounding of the base intensities to three decimals.
 */
class EnergyPriceBasisTest {
    private static final double TOLERANCE = 0.01;
    private final ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());

    private double baseEnergy(String name, int baseYear) {
        return DeterministicRunner.run(ScenarioCompiler.compile(loader.load(name))).value("energy_consumption", baseYear);
    }

    private static void assertRatio(double expected, double actual, String what) {
        assertEquals(1.0, actual / expected, TOLERANCE, what + ": energy ratio " + actual + ", real GDP index x intensity change "
                + expected);
    }

    @Test
    void yiwuBaseYearEnergyUseAgreesAcrossBaseYears() {
        double e2010 = baseEnergy("yiwu/backtest-2010", 2010);
        double e2015 = baseEnergy("yiwu/backtest-2015", 2015);
        double e2020 = baseEnergy("yiwu/baseline", 2020);
        double real1015 = Math.pow(1.09, 5);
        double real1520 = 1.0825 * 1.075 * 1.07 * 1.055 * 1.04;
        double cut1015 = 0.8;
        double cut1520 = Math.pow(0.97, 5);
        assertRatio(real1015 * cut1015, e2015 / e2010, "yiwu/backtest-2015 (2015) over yiwu/backtest-2010 (2010)");
        assertRatio(real1520 * cut1520, e2020 / e2015, "yiwu/baseline (2020) over yiwu/backtest-2015 (2015)");
        assertRatio(real1015 * cut1015 * real1520 * cut1520, e2020 / e2010, "yiwu/baseline (2020) over yiwu/backtest-2010 (2010)");
    }

    @Test
    void jinhuaBaseYearEnergyUseAgreesAcrossBaseYears() {
        double e2010 = baseEnergy("jinhua/backtest-2010", 2010);
        double expected = Math.pow(1.078, 5) * 0.525 / 0.74;
        assertRatio(expected, baseEnergy("jinhua/backtest-2015", 2015) / e2010, "jinhua/backtest-2015 (2015) over jinhua/backtest-2010 (2010)");
        assertRatio(expected, baseEnergy("jinhua/baseline", 2015) / e2010, "jinhua/baseline (2015) over jinhua/backtest-2010 (2010)");
    }
}
