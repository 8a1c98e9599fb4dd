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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest: breaks: {metric: reason}}: read, inherited like other mappings, and checked. */
class BacktestBreaksLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private InputException loadFails(String yaml) throws IOException {
        Path file = write("s.yaml", yaml);
        return assertThrows(InputException.class, () -> TestScenarios.load(file.toString()));
    }

    private void assertProblem(InputProblem p, int line, int column, String field, String found, String allowed) {
        assertEquals(dir.resolve("s.yaml").toString(), p.location().file(), p.message());
        assertEquals(line, p.location().line(), p.message());
        assertEquals(column, p.location().column(), p.message());
        assertEquals(field, p.field(), p.message());
        assertEquals(found, p.found(), p.message());
        assertTrue(p.allowed().contains(allowed), p.message());
    }

    @Test
    void breaksOnCoreVariablesAndSatellitesAreRead() throws IOException {
        Path file = write("s.yaml", """
                extends: test/minimal
                backtest:
                  breaks:
                    population: "  the base is a yearly estimate, later actuals census counts "
                    express_parcels: counted by another office from 2022
                """);
        Scenario s = TestScenarios.load(file.toString());
        assertEquals(Map.of("population", "the base is a yearly estimate, later actuals census counts",
                "express_parcels", "counted by another office from 2022"), s.backtestBreaks());
        assertThrows(UnsupportedOperationException.class, () -> s.backtestBreaks().put("co2", "x"));
        assertEquals(Map.of(), TestScenarios.load("test/minimal").backtestBreaks());
    }

    @Test
    void aChildsEntryOverridesItsParentsAndNullRemovesOne() throws IOException {
        write("parent.yaml", """
                extends: test/minimal
                backtest:
                  breaks: {population: parent's reason, exports: exports redefined, urbanization_rate: census basis}
                """);
        Path child = write("child.yaml", """
                extends: parent.yaml
                backtest:
                  breaks:
                    population: child's reason
                    exports: null
                    express_parcels: a new count
                """);
        assertEquals(Map.of("population", "child's reason", "urbanization_rate", "census basis", "express_parcels", "a new count"),
                TestScenarios.load(child.toString()).backtestBreaks());
    }

    @Test
    void anUnknownMetricIsNamedWithTheNearestId() throws IOException {
        InputException e = loadFails("extends: test/minimal\nbacktest:\n  breaks:\n    populaton: census\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), 4, 5, "backtest.breaks.populaton", "unknown metric 'populaton'",
                "did you mean 'population'? allowed: gdp_real, gdp_nominal");
        assertTrue(e.problems().get(0).allowed().contains("express_parcels"), "satellite ids are allowed too");
    }

    @Test
    void anEmptyOrMissingReasonIsAnError() throws IOException {
        InputException e = loadFails("extends: test/minimal\nbacktest:\n  breaks:\n    population: \"  \"\n    exports:\n");
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), 4, 5, "backtest.breaks.population", "an empty reason", "say what changed");
        assertProblem(e.problems().get(1), 5, 5, "backtest.breaks.exports", "an empty reason", "say what changed");
    }

    @Test
    void wrongTypesAreErrors() throws IOException {
        InputException list = loadFails("extends: test/minimal\nbacktest:\n  breaks: [population]\n");
        assertProblem(list.problems().get(0), 3, 3, "backtest.breaks", "a list", "a mapping of projected metric ids");
        InputException text = loadFails("extends: test/minimal\nbacktest: population\n");
        assertProblem(text.problems().get(0), 2, 1, "backtest", "text 'population'", "a mapping {breaks: {metric: reason}}");
        InputException number = loadFails("extends: test/minimal\nbacktest:\n  breaks: {population: 2020}\n");
        assertProblem(number.problems().get(0), 3, 12, "backtest.breaks.population", "number 2020", "the reason as text");
        InputException key = loadFails("extends: test/minimal\nbacktest:\n  breks: {population: census}\n");
        assertProblem(key.problems().get(0), 3, 3, "backtest.breks", "unknown key 'breks'", "did you mean 'breaks'?");
    }

    @Test
    void everyProblemIsReportedAtOnceWithTheOthersOfTheFile() throws IOException {
        InputException e = loadFails("""
                extends: test/minimal
                drivers:
                  trade:
                    exportTrnd: 0.04
                backtest:
                  breaks:
                    gdp_nominl: revised
                    population: ""
                """);
        List<String> fields = e.problems().stream().map(InputProblem::field).toList();
        assertEquals(List.of("drivers.trade.exportTrnd", "backtest.breaks.gdp_nominl", "backtest.breaks.population"), fields,
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'gdp_nominal'"), e.getMessage());
    }
}
