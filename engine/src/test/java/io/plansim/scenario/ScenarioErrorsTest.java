package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is reported with file, line, field, what was found and what is allowed. */
class ScenarioErrorsTest {
    @TempDir
    Path dir;

    private InputException loadFails(String yaml, String... sets) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return assertThrows(InputException.class, () -> TestScenarios.load(file.toString(), sets));
    }

    private static String minimalWith(String extra) {
        return "extends: test/minimal\n" + extra;
    }

    @Test
    void extendsCycleIsAnError() {
        InputException e = assertThrows(InputException.class, () -> TestScenarios.load("test/cycle-a"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("extends"), e.getMessage());
    }

    @Test
    void unknownParentIsAnError() throws IOException {
        InputException e = loadFails("extends: nowhere\n");
        assertTrue(e.getMessage().contains("s.yaml:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("'nowhere' (no such scenario)"), e.getMessage());
    }

    @Test
    void unknownKeysSuggestTheNearestName() throws IOException {
        InputException e = loadFails(minimalWith("drivers:\n  trade:\n    exportTrnd: 0.04\n"));
        InputProblem p = e.problems().get(0);
        assertEquals("drivers.trade.exportTrnd", p.field());
        assertEquals(4, p.location().line());
        assertEquals(5, p.location().column());
        assertTrue(p.allowed().contains("did you mean 'exportTrend'"), p.allowed());
    }

    @Test
    void aShareInPercentWrittenAsAFractionIsExplained() throws IOException {
        InputException e = loadFails(minimalWith("base:\n  urbanizationRate: {value: 0.7967, unit: \"%\", source: {note: x}}\n"));
        assertEquals(1, e.problems().size(), e.getMessage());
        InputProblem p = e.problems().get(0);
        assertEquals("base.urbanizationRate.value", p.field());
        assertEquals(3, p.location().line());
        assertEquals("found 0.7967", "found " + p.found());
        assertTrue(p.allowed().contains("write 79.67 for 0.7967"), p.allowed());
        // all three sector shares as fractions: the two that cannot be below 1% say so, not a sum off 100
        e = loadFails(minimalWith("base:\n  primaryShare: {value: 0.015, unit: \"%\", source: {note: x}}\n"
                + "  secondaryShare: {value: 0.315, unit: \"%\", source: {note: x}}\n"
                + "  tertiaryShare: {value: 0.67, unit: \"%\", source: {note: x}}\n"));
        assertEquals(List.of("base.secondaryShare.value", "base.tertiaryShare.value"),
                e.problems().stream().map(InputProblem::field).toList(), e.getMessage());
        assertTrue(e.getMessage().contains("write 31.5 for 0.315") && e.getMessage().contains("write 67 for 0.67"), e.getMessage());
    }

    @Test
    void aPercentWrittenAsARateIsExplained() throws IOException {
        InputException e = loadFails(minimalWith("drivers:\n  production:\n    tfpGrowth: 8\n"));
        String m = e.getMessage();
        assertTrue(m.contains("drivers.production.tfpGrowth"), m);
        assertTrue(m.contains("found value 8.0"), m);
        assertTrue(m.contains("write 0.08 for 8.0%"), m);
    }

    @Test
    void aDriverTheModelDoesNotReadIsRefusedWhereItIsSet() throws IOException {
        // test/minimal is model: solow, which never reads realGrowth: the value would change nothing
        InputException file = loadFails(minimalWith("drivers:\n  production:\n    realGrowth: 0.08\n"));
        InputProblem p = file.problems().get(0);
        assertEquals(1, file.problems().size(), file.getMessage());
        assertEquals("drivers.production.realGrowth", p.field());
        assertEquals(4, p.location().line());
        assertTrue(p.location().file().endsWith("s.yaml"), p.location().toString());
        assertTrue(p.allowed().contains("production.realGrowth is not used by model: solow (GDP growth there comes from "
                + "production.tfpGrowth, capital and labour); set model: growth to use it"), p.allowed());
        InputException set = assertThrows(InputException.class, () -> TestScenarios.load("test/minimal", "production.realGrowth=0.2"));
        assertTrue(set.getMessage().startsWith("--set production.realGrowth=0.2: "), set.getMessage());
        assertTrue(set.getMessage().contains("not used by model: solow"), set.getMessage());
        InputException ranged = assertThrows(InputException.class, () -> TestScenarios.load("test/minimal", "production.realGrowth[2026-2030]+=0.01"));
        assertTrue(ranged.getMessage().startsWith("--set production.realGrowth[2026-2030]+=0.01: production.realGrowth"), ranged.getMessage());
        InputException drawn = loadFails(minimalWith("uncertainty:\n  parameters:\n    production.realGrowth: {dist: normal, mean: 0, sd: 0.01, apply: shift}\n"));
        assertEquals("uncertainty.parameters.production.realGrowth", drawn.problems().get(0).field());
        assertEquals(4, drawn.problems().get(0).location().line());
        // and the reverse: the growth model never reads the Solow inputs
        InputException growth = assertThrows(InputException.class, () -> TestScenarios.load("test/growth", "production.tfpGrowth=0.05"));
        assertTrue(growth.getMessage().contains("production.tfpGrowth is not used by model: growth (real GDP there follows "
                + "production.realGrowth); set model: solow to use it"), growth.getMessage());
        InputException both = loadFails("extends: test/minimal\nmodel: growth\ndrivers:\n  production:\n    savingsRate: 0.3\n");
        assertTrue(both.getMessage().contains("s.yaml:5:5: drivers.production.savingsRate: found "), both.getMessage());
    }

    @Test
    void aParentsDriversForItsOwnModelAreInheritedQuietly() throws IOException {
        // a child or --set that switches the model leaves the parent's drivers for the old one unread, knowingly
        assertEquals(ProductionKind.GROWTH, TestScenarios.load("test/growth").production());
        assertEquals(ProductionKind.GROWTH, TestScenarios.load("test/minimal", "model=growth", "production.realGrowth=0.04").production());
        Path file = dir.resolve("g.yaml");
        Files.writeString(file, "extends: test/growth\nmodel: solow\ndrivers:\n  production:\n    tfpGrowth: 0.02\n", StandardCharsets.UTF_8);
        assertEquals(ProductionKind.SOLOW, TestScenarios.load(file.toString()).production());
    }

    @Test
    void periodsThatLeaveGapsOrOverlapAreErrors() throws IOException {
        InputException gap = loadFails(minimalWith("drivers:\n  trade:\n    exportTrend: {2021-2024: 0.02, 2026-2035: 0.01}\n"));
        assertTrue(gap.getMessage().contains("no value for 2025"), gap.getMessage());
        InputException overlap = loadFails(minimalWith("drivers:\n  trade:\n    exportTrend: {2021-2026: 0.02, 2026-2035: 0.01}\n"));
        assertTrue(overlap.getMessage().contains("overlapping in 2026"), overlap.getMessage());
        InputException outside = loadFails(minimalWith("drivers:\n  trade:\n    exportTrend: {2021-2040: 0.02}\n"));
        assertTrue(outside.getMessage().contains("years 2021-2040"), outside.getMessage());
    }

    @Test
    void allProblemsOfAFileAreReportedTogether() throws IOException {
        InputException e = loadFails(minimalWith("""
                drivers:
                  trade:
                    exportTrnd: 0.04
                  energy:
                    nonFossilShare: 1.5
                shocks:
                  war: {variable: exprts, year: 2026, size: -0.1}
                """));
        List<InputProblem> ps = e.problems();
        assertEquals(3, ps.size(), e.getMessage());
    }

    @Test
    void badUnitsAndMissingSourcesAreErrors() throws IOException {
        InputException e = loadFails(minimalWith("base:\n  gdpNominal: {value: 1000, unit: 万元, source: null}\n"));
        String m = e.getMessage();
        assertTrue(m.contains("base.gdpNominal.unit: found '万元'; the unit must be 亿元"), m);
        assertTrue(m.contains("base.gdpNominal.source: found no source"), m);
    }

    @Test
    void unknownSetPathsAreErrors() {
        InputException e = assertThrows(InputException.class,
                () -> TestScenarios.load("test/minimal", "trade.exportTrnd=0.04"));
        assertTrue(e.getMessage().contains("--set trade.exportTrnd=0.04"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
        InputException ranged = assertThrows(InputException.class,
                () -> TestScenarios.load("test/minimal", "trade.exportTrend[2010-2012]=0.04"));
        assertTrue(ranged.getMessage().contains("a range within 2021-2035"), ranged.getMessage());
    }

    @Test
    void bomAndCrlfLoad() throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFFextends: test/minimal\r\n# 注释 １２３\r\nname: BOM\r\n", StandardCharsets.UTF_8);
        assertEquals("BOM", TestScenarios.load(file.toString()).name());
    }

    @Test
    void malformedYamlNamesThePosition() throws IOException {
        InputException e = loadFails("name: [unclosed\nregion: x\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("s.yaml").toString() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void longRunSharesMustLeaveRoomForTheTertiarySector() throws IOException {
        InputException e = loadFails(minimalWith("drivers:\n  structure:\n    primaryLongRun: 0.5\n    secondaryLongRun: 0.6\n"));
        assertTrue(e.getMessage().contains("drivers.structure"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 1"), e.getMessage());
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamed() throws IOException {
        InputException e = loadFails("name: x\nbaseYear: abc\nhorizon: 2035\nbase: {}\n");
        String m = e.getMessage();
        assertTrue(m.contains("baseYear: found text 'abc'; a year between 1950 and 2100"), m);
        assertTrue(m.contains("region: found nothing; this field is required"), m);
        assertTrue(m.contains("base.gdpNominal: found nothing; this base-year value is required"), m);
    }

    @Test
    void negativeLevelsAreRefused() throws IOException {
        InputException e = loadFails(minimalWith("base:\n  exports: {value: -5}\n"));
        assertTrue(e.getMessage().contains("base.exports.value: found number -5; a level cannot be negative"), e.getMessage());
    }

    @Test
    void correlationMatricesMustBeSymmetricAndPositiveSemiDefinite() throws IOException {
        String shocks = "uncertainty:\n  shocks:\n    gdp_real: {sd: 0.02}\n    exports: {sd: 0.05}\n    imports: {sd: 0.1}\n";
        InputException asym = loadFails(minimalWith(shocks + "  correlation: {variables: [gdp_real, exports], matrix: [[1, 0.5], [0.4, 1]]}\n"));
        assertTrue(asym.getMessage().contains("uncertainty.correlation.matrix[0][1]: found 0.5 but 0.4 at [1][0]; a symmetric matrix"),
                asym.getMessage());
        InputException psd = loadFails(minimalWith(shocks
                + "  correlation: {variables: [gdp_real, exports, imports], matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]}\n"));
        assertTrue(psd.getMessage().contains("not positive semi-definite"), psd.getMessage());
        assertTrue(psd.getMessage().contains("s.yaml:"), psd.getMessage());
    }

    @Test
    void probabilitiesAndDistributionsAreChecked() throws IOException {
        InputException e = loadFails(minimalWith("""
                uncertainty:
                  parameters:
                    production.tfpGrowth: {dist: triangular, min: 0.02, mode: 0.01, max: 0.03, apply: replace}
                    trade.exportTrend: {dist: gaussian, mean: 0, sd: 0.01, apply: shift}
                  events:
                    war: {probability: 1.5, effects: {exports: {dist: uniform, min: -0.2, max: -0.1}}}
                """));
        String m = e.getMessage();
        assertTrue(m.contains("uncertainty.parameters.production.tfpGrowth: found triangular with min, mode, max; triangular mode must lie in [min, max]: 0.01"), m);
        assertTrue(m.contains("'gaussian'"), m);
        assertTrue(m.contains("uncertainty.events.war.probability: found value 1.5; a yearly probability between 0 and 1"), m);
    }

    @Test
    void uncertaintyEntriesKeepTheirSourceAndUnknownKeysStayErrors() throws IOException {
        Path file = dir.resolve("sourced.yaml");
        Files.writeString(file, minimalWith("""
                uncertainty:
                  parameters:
                    trade.exportTrend: {dist: normal, mean: 0, sd: 0.01, apply: shift, source: "judgement: a guess"}
                  shocks:
                    gdp_real: {sd: 0.02, persistence: 0.3, source: "plansim calibrate --uncertainty x"}
                    exports: {sd: 0.05}
                  events:
                    war: {probability: 0.1, source: "judgement: rare", effects: {exports: {dist: uniform, min: -0.2, max: -0.1}}}
                """), StandardCharsets.UTF_8);
        Uncertainty u = TestScenarios.load(file.toString()).uncertainty();
        assertEquals("judgement: a guess", u.parameters().get(0).source());
        assertEquals("plansim calibrate --uncertainty x", u.shocks().get(0).source());
        assertEquals("", u.shocks().get(1).source());
        assertEquals("judgement: rare", u.events().get(0).source());

        InputException e = loadFails(minimalWith("""
                uncertainty:
                  shocks:
                    gdp_real: {sd: 0.02, sorce: "typo"}
                  parameters:
                    trade.exportTrend: {dist: normal, mean: 0, sd: 0.01, apply: shift, source: 3}
                """));
        InputProblem typo = e.problems().stream().filter(p -> p.field().equals("uncertainty.shocks.gdp_real.sorce")).findFirst().orElseThrow();
        assertEquals(4, typo.location().line());
        assertTrue(typo.allowed().contains("did you mean 'source'"), typo.allowed());
        assertTrue(e.getMessage().contains("uncertainty.parameters.trade.exportTrend.source: found number 3"), e.getMessage());
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        InputException e = loadFails("name: a\nname: b\n");
        assertTrue(e.getMessage().contains("s.yaml:2:1: name: found a second 'name' key"), e.getMessage());
    }

    @Test
    void aNumericFaultNamesTheVariableAndYear() throws IOException {
        Path file = dir.resolve("fault.yaml");
        Files.writeString(file, minimalWith("satellites:\n  express_parcels: {trend: -0.5, elasticity: -20}\n"), StandardCharsets.UTF_8);
        io.plansim.runner.NumericFault f = assertThrows(io.plansim.runner.NumericFault.class,
                () -> io.plansim.runner.DeterministicRunner.run(io.plansim.compile.ScenarioCompiler.compile(TestScenarios.load(file.toString()))));
        assertEquals("express_parcels", f.variable());
        assertEquals(2021, f.year());
        assertTrue(f.getMessage().contains("express_parcels in 2021 is -"), f.getMessage());
    }
}
