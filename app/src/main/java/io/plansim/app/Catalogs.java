package io.plansim.app;

import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;

/** The targets catalog and history a scenario names. */
record Catalogs(TargetCatalog targets, History history) {

    static Catalogs of(Scenario s) {
        ScenarioRepository repo = ScenarioRepository.onClasspath();
        SourceLocation at = new SourceLocation(s.lineage().get(0), 0, 0);
        if (s.targets() == null) {
            throw InputException.of(at, "targets", "no targets catalog",
                    "name one in the scenario (or a parent): targets: targets.yaml");
        }
        TargetCatalog catalog = TargetCatalog.parse(s.targets().display(), repo.read(s.targets(), at, "targets"));
        return new Catalogs(catalog, history(s));
    }

    /** The history a scenario names (empty when it names none); needs no targets catalog. */
    static History history(Scenario s) {
        if (s.history() == null) {
            return History.empty();
        }
        SourceLocation at = new SourceLocation(s.lineage().get(0), 0, 0);
        return History.parse(s.history().display(), ScenarioRepository.onClasspath().read(s.history(), at, "history"));
    }
}
