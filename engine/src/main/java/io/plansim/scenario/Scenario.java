package io.plansim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A validated scenario: inheritance resolved, overrides applied, every value checked. Built only by
 * {@link ScenarioLoader}; everything downstream may trust it.
 *
 * @param id       the name it was loaded by ({@code yiwu/baseline} or a file path)
 * @param lineage  this scenario and its ancestors, child first
 * @param drivers  every driver, defaults filled in
 */
public record Scenario(String id, String name, String narrative, String region, int baseYear, int horizon,
                       String currency, ProductionKind production, Map<BaseField, BaseValue> base,
                       Map<Driver, PathSpec> drivers, List<Satellite> satellites, List<Shock> shocks,
                       List<String> lineage) {

    public Scenario {
        base = Map.copyOf(base);
        drivers = Map.copyOf(drivers);
        satellites = List.copyOf(satellites);
        shocks = List.copyOf(shocks);
        lineage = List.copyOf(lineage);
    }

    public int years() {
        return horizon - baseYear + 1;
    }

    public double base(BaseField field) {
        return base.get(field).value();
    }
}
