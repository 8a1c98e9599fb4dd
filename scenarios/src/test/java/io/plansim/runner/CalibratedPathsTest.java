package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.compile.SpreadCalibration;
import io.plansim.scenario.InputException;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spread recalibration applied path by path: closed form against the raw paths drawn with the same seed. */
class CalibratedPathsTest {
    private static final CompiledScenario YIWU = ScenarioCompiler.compile(new ScenarioLoader(ScenarioRepository.onClasspath()).load("yiwu/baseline"));

    private static SpreadCalibration twoGroups() {
        return SpreadCalibration.of("test-1", Map.of("command", "test"), List.of(
                new SpreadCalibration.Group("gdp", List.of("gdp_real"), "test", new double[] {2, 0.5}, new double[] {0.1, 0.1}, List.of()),
                new SpreadCalibration.Group("population", List.of("population"), "test", new double[] {1.5}, new double[] {0.1}, List.of())));
    }

    @Test
    void eachPathsLogDeviationFromTheCentralPathIsScaledByTheFactorOfItsHorizon() {
        int gdp = YIWU.rowOf("gdp_real");
        int pop = YIWU.rowOf("population");
        int exports = YIWU.rowOf("exports");
        int[] rows = {gdp, pop, exports};
        double[][][] raw = PathDraws.draw(YIWU, 50, 9, rows);
        double[][][] cal = PathDraws.draw(YIWU.withCalibration(twoGroups()), 50, 9, rows);
        double[][] centre = PathDraws.central(YIWU, rows);
        int n = YIWU.years();
        for (int p = 0; p < 50; p++) {
            assertEquals(raw[0][p][0], cal[0][p][0], 0, "the base year is not touched");
            for (int t = 1; t < n; t++) {
                double k = t == 1 ? 2 : 0.5; // beyond the last fitted horizon the last factor holds
                assertEquals(k * Math.log(raw[0][p][t] / centre[0][t]), Math.log(cal[0][p][t] / centre[0][t]), 1e-9, "gdp_real t " + t);
                assertEquals(1.5 * Math.log(raw[1][p][t] / centre[1][t]), Math.log(cal[1][p][t] / centre[1][t]), 1e-9, "population t " + t);
                assertEquals(raw[2][p][t], cal[2][p][t], 0, "exports are in no group");
            }
        }
    }

    @Test
    void aScenarioWithoutCalibrationOrWithFactorsOfOneIsNotTransformed() {
        assertNull(CalibratedPaths.of(YIWU));
        SpreadCalibration ones = SpreadCalibration.of("ones", Map.of(), List.of(
                new SpreadCalibration.Group("gdp", List.of("gdp_real"), "test", new double[] {1, 1}, new double[] {0, 0}, List.of())));
        assertNull(CalibratedPaths.of(YIWU.withCalibration(ones)));
        assertEquals(2 * (YIWU.years() - 1), CalibratedPaths.of(YIWU.withCalibration(twoGroups())).cells());
    }

    @Test
    void theFileRoundTripsAndABadFileNamesItsField() {
        SpreadCalibration c = twoGroups();
        SpreadCalibration back = SpreadCalibration.parse("x.yaml", c.toYaml());
        assertEquals(c.id(), back.id());
        assertEquals(2, back.factor("gdp_real", 1), 0);
        assertEquals(0.5, back.factor("gdp_real", 9), 0);
        assertEquals(1, back.factor("exports", 3), 0);
        InputException e = assertThrows(InputException.class,
                () -> SpreadCalibration.parse("bad.yaml", c.toYaml().replace("- 0.5", "- -0.5")));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("-0.5"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> SpreadCalibration.parse("v.yaml", "format: 7\n")).getMessage().contains("format"));
    }

    @Test
    void theBuiltInCalibrationCarriesItsProvenanceAndOutOfSampleFigures() {
        SpreadCalibration b = SpreadCalibration.builtIn();
        for (String key : List.of("command", "data", "dataSha256", "plansim", "date", "commit", "method")) {
            assertTrue(b.provenance().containsKey(key), key);
        }
        assertEquals(15, b.groups().get(0).factors().length);
        assertEquals(15, b.groups().get(0).outOfSample().size());
    }
}
