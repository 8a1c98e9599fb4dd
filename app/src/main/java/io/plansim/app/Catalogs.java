package io.plansim.app;

import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;

/** The targets catalog and history a scenario names, as the forecast service reads and caches them. */
record Catalogs(TargetCatalog targets, History history) {

    /** The scenario's catalog and history; a command that judges targets needs a catalog (exit 2 when it names none). */
    static Catalogs of(Scenario s) {
        TargetCatalog catalog = CliForecasts.service().targets(s);
        if (catalog == null) {
            throw InputException.of(new SourceLocation(s.lineage().get(0), 0, 0), "targets", "no targets catalog",
                    "name one in the scenario (or a parent): targets: targets.yaml");
        }
        return new Catalogs(catalog, history(s));
    }

    /** The history a scenario names (empty when it names none); needs no targets catalog. */
    static History history(Scenario s) {
        return CliForecasts.service().history(s);
    }
}
