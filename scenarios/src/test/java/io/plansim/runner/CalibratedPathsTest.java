package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
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

    /**
     * Every identity of the kernel holds on every recalibrated path as on a raw one: nominal GDP is real GDP times
     * the deflator, value added sums to nominal GDP, GDP per capita is nominal GDP over the population, energy is
     * real GDP times the intensity, CO2 a fixed fraction of energy in a year, growth accounting sums to real GDP's
     * log growth, real GDP growth is the ratio of its levels, urban population the urbanization rate's share of the
     * population, and a satellite linked to nominal GDP follows the recalibrated GDP. The hunt that found it: with the
     * built-in calibration, path 5 of 2,000 (seed 7) had nominal GDP 2,002.0 against real x deflator 1,990.1 in 2022,
     * and the Monte Carlo means' value added exceeded nominal GDP by 5% in 2035.
     */
    @Test
    void everyIdentityOfTheKernelHoldsOnEveryRecalibratedPath() {
        for (SpreadCalibration cal : List.of(SpreadCalibration.builtIn(), twoGroups())) {
            CompiledScenario c = YIWU.withCalibration(cal);
            String[] ids = {"gdp_real", "gdp_nominal", "gdp_deflator", "gdp_per_capita", "primary_va", "secondary_va", "tertiary_va",
                    "population", "energy_consumption", "energy_intensity", "co2", "gdp_real_growth", "ga_capital", "ga_labour",
                    "ga_human_capital", "ga_tfp", "ga_trade", "urban_population", "urbanization_rate", "labour"};
            int[] rows = java.util.Arrays.stream(ids).mapToInt(c::rowOf).toArray();
            double[][][] v = PathDraws.draw(c, 300, 7, rows);
            double[][][] raw = PathDraws.draw(YIWU, 300, 7, rows);
            int n = c.years();
            boolean moved = false;
            for (int p = 0; p < 300; p++) {
                for (int t = 1; t < n; t++) {
                    String at = cal.id() + " path " + p + " year " + t;
                    double real = v[0][p][t];
                    double nominal = v[1][p][t];
                    moved |= Math.abs(real / raw[0][p][t] - 1) > 1e-6;
                    close(real * v[2][p][t], nominal, "nominal = real x deflator, " + at);
                    close(nominal, v[4][p][t] + v[5][p][t] + v[6][p][t], "value added sums to nominal GDP, " + at);
                    close(nominal / v[7][p][t] * 1e4, v[3][p][t], "per capita = nominal / population, " + at);
                    close(real * v[9][p][t], v[8][p][t], "energy = real GDP x intensity, " + at);
                    close(v[10][p][t] / v[8][p][t], raw[10][p][t] / raw[8][p][t], "CO2 per unit of energy as drawn, " + at);
                    close(100 * (real / v[0][p][t - 1] - 1), v[11][p][t], "growth = ratio of the levels, " + at);
                    double ga = v[12][p][t] + v[13][p][t] + v[14][p][t] + v[15][p][t] + v[16][p][t];
                    assertEquals(100 * Math.log(real / v[0][p][t - 1]), ga, 1e-9, "growth accounting sums to 100 ln growth, " + at);
                    close(v[7][p][t] * v[18][p][t] / 100, v[17][p][t], "urban population = population x rate, " + at);
                    close(v[19][p][t] / v[7][p][t], raw[19][p][t] / raw[7][p][t], "labour per resident as drawn, " + at);
                }
            }
            assertTrue(moved, cal.id() + " moves real GDP");
        }
    }

    @Test
    void aSatelliteLinkedToGdpFollowsTheRecalibratedGdp() {
        CompiledScenario c = YIWU.withCalibration(SpreadCalibration.builtIn());
        int n = c.years();
        McOptions o = new McOptions(50, 3, Sampler.MC, 1, 50);
        CompiledUncertainty u = CompiledUncertainty.of(c);
        PathBlock block = new PathBlock(c, u, o, ParameterPoints.of(o, u.dimensions()), 0);
        for (int p = 0; p < 50; p++) {
            double[] path = block.next();
            // the satellites projected again from the path's (recalibrated) core rows give the same bits
            double[] again = path.clone();
            java.util.Arrays.fill(again, CompiledScenario.CORE_ROWS * n, again.length, 0);
            for (int s = 0; s < c.satellites(); s++) {
                again[(CompiledScenario.CORE_ROWS + s) * n] = path[(CompiledScenario.CORE_ROWS + s) * n];
            }
            io.plansim.kernel.ProjectionKernel.projectSatellites(c, block.lastShocks(), c.observations().kernelLevels(), again);
            for (int i = CompiledScenario.CORE_ROWS * n; i < path.length; i++) {
                assertEquals(path[i], again[i], 0, "path " + p + " cell " + i);
            }
        }
    }

    @Test
    void aCalibrationMayNotScaleADerivedValueWithoutItsLevelNorAShare() {
        String text = twoGroups().toYaml().replace("- gdp_real", "- gdp_nominal");
        InputException e = assertThrows(InputException.class, () -> SpreadCalibration.parse("derived.yaml", text));
        assertTrue(e.getMessage().contains("derived.yaml:") && e.getMessage().contains("groups[0].variables[0]")
                && e.getMessage().contains("gdp_nominal follows gdp_real and gdp_deflator by identity"), e.getMessage());
        String share = twoGroups().toYaml().replace("- population", "- tertiary_share");
        e = assertThrows(InputException.class, () -> SpreadCalibration.parse("share.yaml", share));
        assertTrue(e.getMessage().contains("tertiary_share is not scaled"), e.getMessage());
        // what the regional fit may put in a group of its own (RegionSpreadFit): levels and satellites only
        assertTrue(SpreadCalibration.mayScaleAlone("exports") && SpreadCalibration.mayScaleAlone("retail_sales"));
        assertTrue(!SpreadCalibration.mayScaleAlone("goods_trade") && !SpreadCalibration.mayScaleAlone("imports_usd")
                && !SpreadCalibration.mayScaleAlone("primary_share"));
        // beside its level a derived value is accepted, and follows it (the built-in file lists gdp_real, gdp_nominal and gdp_per_capita)
        SpreadCalibration.parse("beside.yaml", twoGroups().toYaml().replace("- gdp_real", "- gdp_real\n  - gdp_nominal"));
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

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12, what);
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
        CalibratedPaths.of(skew).applyCore(buffer);
        CalibratedPaths.of(skew).applySatellites(buffer);
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
