package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.McResult;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.evaluation.Panel;
import io.plansim.priors.UncertaintyPriors;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Sampler;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.scenario.Uncertainty;
import io.plansim.target.History;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in scenarios' uncertainty is sized on data by {@code plansim calibrate --uncertainty} and says so: every
 * entry names its source, the data-sized entries are exactly what the command prints, and every block given a prior
 * is uncertain in the Monte Carlo (p10 below p90 in every projected year).
 */
class DataSizedPriorsTest {
    private static final ScenarioRepository REPO = ScenarioRepository.onClasspath();
    private static final ScenarioLoader LOADER = new ScenarioLoader(REPO);
    /** The built-ins whose own file holds the command's output (the others inherit it). */
    private static final List<String> WRITTEN = List.of("yiwu/baseline", "yiwu/backtest-2015", "yiwu/backtest-2010",
            "jinhua/backtest-2010", "jinhua/backtest-2015", "jinhua/baseline");

    @Test
    void everyUncertaintyEntryOfEveryBuiltInNamesItsSource() {
        List<String> missing = new ArrayList<>();
        for (String id : REPO.builtIns()) {
            Uncertainty u = LOADER.load(id).uncertainty();
            u.parameters().stream().filter(p -> p.source().isBlank()).forEach(p -> missing.add(id + " parameters/" + p.driver().path()));
            u.shocks().stream().filter(x -> x.source().isBlank()).forEach(x -> missing.add(id + " shocks/" + x.variable()));
            u.events().stream().filter(e -> e.source().isBlank()).forEach(e -> missing.add(id + " events/" + e.name()));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theDataSizedEntriesAreTheCommandsOutput() {
        List<String> differ = new ArrayList<>();
        for (String id : WRITTEN) {
            Scenario s = LOADER.load(id);
            SourceLocation at = new SourceLocation(s.lineage().get(0), 0, 0);
            History h = History.parse(s.history().display(), REPO.read(s.history(), at, "history"));
            Set<String> metrics = TargetCatalog.parse(s.targets().display(), REPO.read(s.targets(), at, "targets")).targets().stream()
                    .map(Target::metric).collect(Collectors.toSet());
            UncertaintyPriors.Result r = UncertaintyPriors.of(s, h, Panel.pwt(), metrics);
            assertFalse(r.entries().isEmpty(), id);
            for (UncertaintyPriors.Entry e : r.entries()) {
                String written = e.section().equals("shocks")
                        ? s.uncertainty().shocks().stream().filter(x -> x.variable().equals(e.key())).map(Uncertainty.AnnualShock::source).findFirst().orElse("none")
                        : s.uncertainty().parameters().stream().filter(p -> p.driver().path().equals(e.key())).map(Uncertainty.Parameter::source).findFirst().orElse("none");
                if (!written.equals(e.source())) {
                    differ.add(id + " " + e.section() + "/" + e.key() + ": written '" + written + "', the command gives '" + e.source() + "'");
                }
            }
        }
        assertEquals(List.of(), differ, "rerun plansim calibrate --uncertainty SCENARIO --write FILE and copy its section");
    }

    @Test
    void everyBlockGivenAPriorIsUncertainInEveryProjectedYear() {
        Scenario s = LOADER.load("yiwu/baseline");
        CompiledScenario c = ScenarioCompiler.compile(s);
        McResult mc = MonteCarloRunner.run(c, new McOptions(2000, 1, Sampler.MC, 2, 2048),
                io.plansim.aggregate.PathTargets.of(c, List.of(), History.empty()), null);
        List<String> blocks = new ArrayList<>(List.of("primary_share", "secondary_share", "tertiary_share", "gdp_deflator", "cny_per_usd",
                "exports_usd", "domestic_trade", "population", "urbanization_rate", "imports"));
        s.satellites().forEach(x -> blocks.add(x.id())); // every satellite carries a shock (those targets use) or follows one
        List<String> deterministic = new ArrayList<>();
        for (int v = 0; v < mc.variables().size(); v++) {
            String id = mc.variables().get(v).id();
            if (!blocks.contains(id)) {
                continue;
            }
            for (int t = 1; t < mc.years().length; t++) {
                if (!(mc.quantile(v, t, 0.1) < mc.quantile(v, t, 0.9))) {
                    deterministic.add(id + "@" + mc.years()[t]);
                }
            }
        }
        assertEquals(List.of(), deterministic);
        // the population interval of 2021-2022 was about 1万人 wide; the migration prior and the census revision widen it
        int pop = -1;
        for (int v = 0; v < mc.variables().size(); v++) {
            if (mc.variables().get(v).id().equals("population")) {
                pop = v;
            }
        }
        double width = mc.quantile(pop, 2, 0.9) - mc.quantile(pop, 2, 0.1);
        assertTrue(width > 5, "population 2022 p10-p90 width " + width + " 万人");
    }
}
