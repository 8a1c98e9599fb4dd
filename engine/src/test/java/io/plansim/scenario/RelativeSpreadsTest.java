package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.compile.CompiledScenario;
import io.plansim.runner.Projection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uncertainty relative to the scenario (apply: shift / scale, required), a replacing draw that refuses to be
 * overridden, and relative overrides (+=, *=).
 */
class RelativeSpreadsTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static final String REPLACED = """
            extends: test/minimal
            uncertainty:
              parameters:
                energy.intensityDecline: {dist: uniform, min: 0.02, max: 0.04, apply: replace}
            """;

    @Test
    void applyMustBeStated() throws IOException {
        Path f = write("s.yaml", "extends: test/minimal\nuncertainty:\n  parameters:\n"
                + "    energy.intensityDecline: {dist: uniform, min: 0.02, max: 0.04}\n");
        InputException e = assertThrows(InputException.class, () -> TestScenarios.load(f.toString()));
        assertTrue(e.getMessage().contains("s.yaml:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("uncertainty.parameters.energy.intensityDecline.apply: found no apply"), e.getMessage());
        assertTrue(e.getMessage().contains("shift"), e.getMessage());
    }

    @Test
    void aScaleFactorMustStayPositive() throws IOException {
        Path f = write("s.yaml", "extends: test/minimal\nuncertainty:\n  parameters:\n"
                + "    population.urbanSpeed: {dist: normal, mean: 1, sd: 0.5, apply: scale}\n");
        InputException e = assertThrows(InputException.class, () -> TestScenarios.load(f.toString()));
        assertTrue(e.getMessage().contains("a scale factor must stay positive"), e.getMessage());
    }

    @Test
    void aReplacingDrawBesideItsValueIsAllowed() throws IOException {
        Path f = write("s.yaml", REPLACED + "drivers:\n  energy:\n    intensityDecline: 0.03\n");
        assertEquals(DrawMode.REPLACE, TestScenarios.load(f.toString()).uncertainty().parameters().get(0).mode());
    }

    @Test
    void anOverrideOfAReplacedDriverIsRefusedWhereverItComesFrom() throws IOException {
        Path parent = write("parent.yaml", REPLACED);
        InputException set = assertThrows(InputException.class,
                () -> TestScenarios.load(parent.toString(), "energy.intensityDecline=0.05"));
        assertTrue(set.getMessage().contains("Monte Carlo would ignore it"), set.getMessage());
        assertTrue(set.getMessage().contains("parent.yaml:4:"), set.getMessage()); // names where the draw is declared
        InputException ranged = assertThrows(InputException.class,
                () -> TestScenarios.load(parent.toString(), "energy.intensityDecline[2026-2030]=0.05"));
        assertTrue(ranged.getMessage().contains("--set energy.intensityDecline[2026-2030]=0.05"), ranged.getMessage());
        InputException relative = assertThrows(InputException.class,
                () -> TestScenarios.load(parent.toString(), "energy.intensityDecline+=0.01"));
        assertTrue(relative.getMessage().contains("Monte Carlo would ignore it"), relative.getMessage());
        Path child = write("child.yaml", "extends: parent.yaml\ndrivers:\n  energy:\n    intensityDecline: 0.05\n");
        InputException file = assertThrows(InputException.class, () -> TestScenarios.load(child.toString()));
        assertTrue(file.getMessage().contains("child.yaml:4:"), file.getMessage());
        assertTrue(file.getMessage().contains("apply: shift or scale"), file.getMessage());
    }

    @Test
    void relativeOverridesChangeThePathTheScenarioHas() {
        CompiledScenario c = TestScenarios.compile("test/minimal");
        CompiledScenario plus = TestScenarios.compile("test/minimal", "trade.exportTrend+=-0.03");
        CompiledScenario times = TestScenarios.compile("test/minimal", "energy.intensityDecline*=1.5");
        CompiledScenario ranged = TestScenarios.compile("test/minimal", "trade.exportTrend[2026-2027]+=0.01");
        int n = c.years();
        int x = Driver.EXPORT_TREND.ordinal() * n;
        int e = Driver.INTENSITY_DECLINE.ordinal() * n;
        for (int t = 0; t < n; t++) {
            assertEquals(c.params()[x + t] - 0.03, plus.params()[x + t], 1e-15, "+= year " + t);
            assertEquals(c.params()[e + t] * 1.5, times.params()[e + t], 1e-15, "*= year " + t);
            int year = 2020 + t;
            double expected = c.params()[x + t] + (year >= 2026 && year <= 2027 ? 0.01 : 0);
            assertEquals(expected, ranged.params()[x + t], 1e-15, "ranged += " + year);
        }
        // periods of the underlying path are kept: 0.02 until 2025, 0.01 after (test/minimal)
        assertEquals(-0.01, plus.params()[x + 5], 1e-15);
        assertEquals(-0.02, plus.params()[x + 6], 1e-15);
    }

    @Test
    void aRelativeOverrideLeavingTheAllowedRangeIsRefused() {
        InputException e = assertThrows(InputException.class, () -> TestScenarios.load("test/minimal", "trade.exportTrend+=0.6"));
        assertTrue(e.getMessage().contains("a path reaching 0.62 after trade.exportTrend+=0.6"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed range is -0.5 to 0.5"), e.getMessage());
    }

    @Test
    void aWhatIfCarriesItsOverridesInItsName() {
        Projection p = TestScenarios.run("test/minimal", "trade.exportTrend+=-0.03", "energy.intensityDecline*=1.5");
        assertEquals("Test minimal [trade.exportTrend+=-0.03, energy.intensityDecline*=1.5]", p.name());
        assertEquals("test/minimal [trade.exportTrend+=-0.03, energy.intensityDecline*=1.5]", p.scenario());
    }
}
