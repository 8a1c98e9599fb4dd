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
        assertEquals(2, back.factorBelow("gdp_real", 1), 0);
        assertEquals(0.5, back.factorAbove("gdp_real", 9), 0);
        assertEquals(1, back.factorBelow("exports", 3), 0);
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
        assertEquals(15, b.groups().get(0).horizons());
        assertEquals(15, b.groups().get(0).outOfSample().size());
    }

    private static SpreadCalibration skewed() {
        return SpreadCalibration.of("skew-1", Map.of("command", "test"), List.of(
                new SpreadCalibration.Group("gdp", List.of("gdp_real"), "test", new double[] {1.6, 1.3}, new double[] {0.1, 0.1},
                        new double[] {0.7, 0.9}, new double[] {0.1, 0.1}, List.of())));
    }

    @Test
    void anAsymmetricCalibrationScalesEachSideByItsFactorKeepsTheOrderAndTheCentralPath() {
        int gdp = YIWU.rowOf("gdp_real");
        int[] rows = {gdp};
        int paths = 200;
        double[][] raw = PathDraws.draw(YIWU, paths, 4, rows)[0];
        CompiledScenario skew = YIWU.withCalibration(skewed());
        double[][] cal = PathDraws.draw(skew, paths, 4, rows)[0];
        double[] centre = PathDraws.central(YIWU, rows)[0];
        int n = YIWU.years();
        int below = 0;
        int above = 0;
        for (int t = 1; t < n; t++) {
            for (int p = 0; p < paths; p++) {
                double dev = Math.log(raw[p][t] / centre[t]);
                double k = dev < 0 ? (t == 1 ? 1.6 : 1.3) : (t == 1 ? 0.7 : 0.9);
                below += dev < 0 ? 1 : 0;
                above += dev > 0 ? 1 : 0;
                assertEquals(k * dev, Math.log(cal[p][t] / centre[t]), 1e-9, "path " + p + " year " + t);
                for (int q = 0; q < p; q++) {
                    // monotone: two paths keep their order in every year, so percentiles map to percentiles
                    assertEquals(Double.compare(raw[p][t], raw[q][t]), Double.compare(cal[p][t], cal[q][t]), "paths " + p + ", " + q + " year " + t);
                }
            }
        }
        assertTrue(below > paths && above > paths, "both sides drawn: " + below + " below, " + above + " above");
        // the central path maps onto itself
        double[] buffer = new double[YIWU.rows() * n];
        io.plansim.kernel.ProjectionKernel.project(YIWU, YIWU.params(), YIWU.shocks(), buffer);
        double[] before = buffer.clone();
        CalibratedPaths.of(skew).apply(buffer);
        for (int i = 0; i < buffer.length; i++) {
            if (Double.isNaN(before[i])) {
                assertTrue(Double.isNaN(buffer[i]), "cell " + i);
            } else {
                assertEquals(before[i], buffer[i], Math.abs(before[i]) * 1e-12, "cell " + i);
            }
        }
    }

    @Test
    void anAsymmetricFileRoundTripsAndAnOldFormatFileLoadsAsSymmetric() {
        SpreadCalibration back = SpreadCalibration.parse("x.yaml", skewed().toYaml());
        assertTrue(skewed().toYaml().contains("factorsBelow") && !skewed().toYaml().contains("\n  factors:"), skewed().toYaml());
        assertEquals(1.6, back.factorBelow("gdp_real", 1), 0);
        assertEquals(0.9, back.factorAbove("gdp_real", 7), 0);
        assertEquals(0.1, back.groups().get(0).standardErrorAbove(2), 0);
        String old = "format: 1\nid: old-1\ngroups:\n- id: gdp\n  variables: [gdp_real]\n  factors: [1.2, 0.9]\n  standardErrors: [0.1, 0.1]\n";
        SpreadCalibration o = SpreadCalibration.parse("old.yaml", old);
        assertTrue(o.groups().get(0).symmetric());
        assertEquals(1.2, o.factorBelow("gdp_real", 1), 0);
        assertEquals(1.2, o.factorAbove("gdp_real", 1), 0);
        assertEquals(0.9, o.factorAbove("gdp_real", 5), 0);
        assertTrue(SpreadCalibration.parse("old.yaml", old).toYaml().contains("factors:"), "a symmetric group is written as factors");
    }

    @Test
    void aBadAsymmetricFileNamesFileLineAndField() {
        String text = skewed().toYaml();
        String negative = text.replaceFirst("(factorsAbove:\n  - 0.7\n  - )0.9", "$1-0.9");
        InputException e = assertThrows(InputException.class, () -> SpreadCalibration.parse("bad.yaml", negative));
        int line = (int) negative.lines().takeWhile(l -> !l.equals("  - -0.9")).count() + 1;
        assertTrue(e.getMessage().contains("bad.yaml:" + line + ":") && e.getMessage().contains("groups[0].factorsAbove[1]")
                && e.getMessage().contains("-0.9"), line + ": " + e.getMessage());
        String short1 = text.replaceFirst("(factorsAbove:\n  - 0.7\n)  - 0.9\n", "$1");
        e = assertThrows(InputException.class, () -> SpreadCalibration.parse("short.yaml", short1));
        assertTrue(e.getMessage().contains("groups[0].factorsAbove") && e.getMessage().contains("a list of 1")
                && e.getMessage().contains("2 factors, one per horizon"), e.getMessage());
        String both = text.replace("factorsAbove:", "factors: [1]\n  factorsAbove:");
        e = assertThrows(InputException.class, () -> SpreadCalibration.parse("both.yaml", both));
        assertTrue(e.getMessage().contains("either factors"), e.getMessage());
        String asOne = text.replace("format: 2", "format: 1");
        e = assertThrows(InputException.class, () -> SpreadCalibration.parse("one.yaml", asOne));
        assertTrue(e.getMessage().contains("one.yaml") && e.getMessage().contains("format 1"), e.getMessage());
        String noErrors = text.replaceFirst("  standardErrorsBelow:\n  - 0.1\n  - 0.1\n", "");
        e = assertThrows(InputException.class, () -> SpreadCalibration.parse("se.yaml", noErrors));
        assertTrue(e.getMessage().contains("groups[0].standardErrorsBelow") && e.getMessage().contains("missing"), e.getMessage());
    }
}
