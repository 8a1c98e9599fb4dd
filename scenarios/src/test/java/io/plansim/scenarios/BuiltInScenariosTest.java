package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Projection;
import io.plansim.runner.Sampler;
import io.plansim.scenario.BaseValue;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.Source;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in scenario is listed, loads, projects deterministically and runs under Monte Carlo without
 * numeric faults; every figure it cites from a seed is quoted verbatim; the plan path reproduces the plans'
 * numbers; backtests stand alone, so no later information can leak into them.
 */
class BuiltInScenariosTest {
    private final ScenarioRepository repo = ScenarioRepository.onClasspath();
    private final ScenarioLoader loader = new ScenarioLoader(repo);

    @Test
    void everyScenarioFileIsListedInTheIndex() throws IOException {
        List<String> listed = repo.builtIns();
        assertFalse(listed.isEmpty());
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> Path.of(".").relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("yiwu/") || p.startsWith("jinhua/"))
                    .filter(p -> !p.endsWith("targets.yaml") && !p.endsWith("region.yaml") && !p.endsWith("-proposed.yaml"))
                    .map(p -> p.substring(0, p.length() - ".yaml".length()))
                    .sorted().toList();
            assertEquals(onDisk, listed.stream().sorted().toList());
        }
    }

    @Test
    void everyBuiltInLoadsAndProjectsDeterministically() {
        for (String name : repo.builtIns()) {
            Scenario s = loader.load(name);
            assertFalse(s.narrative().isBlank(), name + ": narrative");
            Projection a = DeterministicRunner.run(ScenarioCompiler.compile(s));
            Projection b = DeterministicRunner.run(ScenarioCompiler.compile(loader.load(name)));
            assertTrue(a.years().length > 1, name);
            assertEquals(s.baseYear(), a.years()[0], name);
            for (int i = 0; i < a.values().length; i++) {
                assertArrayEquals(a.values()[i], b.values()[i], 0.0, name + " " + a.variables().get(i).id());
            }
        }
    }

    @Test
    void everyBuiltInRunsUnderMonteCarloWithoutFaults() {
        McOptions options = new McOptions(2000, 1, Sampler.MC, 2, 2048);
        for (String name : repo.builtIns()) {
            Scenario s = loader.load(name);
            assertFalse(s.uncertainty().isEmpty(), name + ": every built-in states its uncertainty");
            CompiledScenario c = ScenarioCompiler.compile(s);
            McResult plain = MonteCarloRunner.run(c, options, PathTargets.none(), null);
            assertTrue(plain.paths() > 0, name);
            assertEquals(0, plain.faults(), name + ": " + plain.firstFault() + " on path " + plain.firstFaultPath());
            McResult judged = MonteCarloRunner.run(c, options, targets(s, c), null);
            assertEquals(2000, judged.paths(), name);
            assertEquals(0, judged.faults(), name + ": " + judged.firstFault());
        }
    }

    @Test
    void everySeedQuoteInABuiltInIsVerbatimAtItsLine() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String name : repo.builtIns()) {
            Scenario s = loader.load(name);
            for (Map.Entry<io.plansim.scenario.BaseField, BaseValue> e : s.base().entrySet()) {
                check(name + " base." + e.getKey().key(), e.getValue().source(), failures);
            }
            for (Satellite sat : s.satellites()) {
                if (sat.base() != null) {
                    check(name + " satellites." + sat.id(), sat.base().source(), failures);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void check(String what, Source s, List<String> failures) throws IOException {
        if (s == null) {
            failures.add(what + ": no source");
        } else if (s.file() != null) {
            String l = CatalogProvenanceTest.line(s.file(), s.line() == null ? 0 : s.line());
            if (s.quote() == null || l == null || !l.contains(s.quote())) {
                failures.add(what + ": quote not at " + s.file() + ":" + s.line() + ": " + s.quote());
            }
        } else if (s.url() != null) {
            if (s.quote() == null || s.quote().isBlank()) {
                failures.add(what + ": an address without a quote");
            }
        } else if (s.note() == null || s.note().isBlank()) {
            failures.add(what + ": neither a seed, an address nor a note");
        }
    }

    @Test
    void thePlanPathReproducesThePlansNumbers() {
        Scenario s = loader.load("yiwu/plan");
        Projection p = DeterministicRunner.run(ScenarioCompiler.compile(s));
        double gdp25 = p.value("gdp_nominal", 2025);
        assertTrue(gdp25 >= 2000 && gdp25 < 2002, "GDP 2025 = 2000亿元 (001:31): " + gdp25);
        assertTrue(p.value("gdp_nominal", 2035) / gdp25 >= 2 && p.value("gdp_nominal", 2035) / gdp25 < 2.005,
                "GDP 2035 = 2 x 2025 (004:16)");
        assertTrue(p.value("gdp_nominal", 2035) > 4000, "GDP 2035 > 4000亿元 (004:16)");
        assertEquals(1000, p.value("imports", 2025), 2, "imports 2025 (001:58)");
        assertEquals(5000, p.value("goods_trade", 2025), 5, "goods trade 2025 (001:31)");
        assertEquals(10000, p.value("goods_trade", 2027), 10, "goods trade 2027 (002:95)");
        assertTrue(p.value("goods_trade", 2025) >= 5000 && p.value("goods_trade", 2027) >= 10000);
        double cut = p.value("energy_intensity", 2025) / p.value("energy_intensity", 2020) - 1;
        assertTrue(cut <= -0.16 && cut > -0.165, "energy intensity -16% by 2025 (001:109): " + cut);
        assertTrue(p.value("urbanization_rate", 2025) >= 83.8 && p.value("urbanization_rate", 2025) < 83.85,
                "urbanization 83.8% in 2025 (001:34)");
        assertEquals(200, p.value("population", 2027), 0.5, "about 200万 residents in 2027 (002:47)");
        assertTrue(p.value("market_turnover", 2025) >= 7000 && p.value("market_turnover", 2025) < 7010, "001:54");
    }

    @Test
    void thePlanPathLandsAboutHalfTheTime() {
        Scenario s = loader.load("yiwu/plan");
        CompiledScenario c = ScenarioCompiler.compile(s);
        TargetCatalog catalog = TargetCatalog.parse("yiwu/targets.yaml", repo.read(s.targets(), at(s), "targets"));
        PathTargets targets = PathTargets.of(c, catalog.targets(), History.empty());
        McResult r = MonteCarloRunner.run(c, new McOptions(2000, 1, Sampler.MC, 2, 2048), targets, null);
        int gdp = r.targetIndex("yiwu14.gdp_nominal.2025");
        assertTrue(gdp >= 0);
        // The central path is the median of the shocked paths: a path set exactly on a target meets it on
        // about half of them (a little less, as rare events only push down).
        assertTrue(r.probability(gdp) > 0.3 && r.probability(gdp) < 0.6, "P(GDP 2025 >= 2000) = " + r.probability(gdp));
    }

    @Test
    void backtestsStandAloneAndEndBeforeTheBaselineStarts() {
        for (String name : repo.builtIns()) {
            if (!name.contains("backtest")) {
                continue;
            }
            Scenario s = loader.load(name);
            assertEquals(List.of(name), s.lineage(), name + " must not extend a scenario built with later information");
            assertTrue(name.endsWith("-" + s.baseYear()), name + ": the name states the base year");
            assertTrue(s.horizon() <= s.baseYear() + 5, name);
            assertNotNull(s.history(), name + ": a backtest names the history it is read against");
        }
    }

    private PathTargets targets(Scenario s, CompiledScenario c) {
        if (s.targets() == null) {
            return PathTargets.none();
        }
        TargetCatalog catalog = TargetCatalog.parse(s.targets().display(), repo.read(s.targets(), at(s), "targets"));
        History history = s.history() == null ? History.empty()
                : History.parse(s.history().display(), repo.read(s.history(), at(s), "history"));
        return PathTargets.of(c, catalog.targets(), history);
    }

    private static SourceLocation at(Scenario s) {
        return new SourceLocation(s.id(), 0, 0);
    }
}
