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
 * @param targets  the targets catalog the scenario names (null if none)
 * @param history  the history file the scenario names (null if none)
 * @param uncertainty what Monte Carlo draws (empty when the scenario states nothing uncertain)
 * @param calibration the scenario whose historical window calibrates this one's drivers (null if none)
 * @param nameZh   the Chinese name ({@code name_zh}), or the name when none is given
 * @param narrativeZh the Chinese narrative ({@code narrative_zh}), or the narrative when none is given
 * @param backtestBreaks projected metric id -> why its actuals after the base year sit across a statistical
 *                 break from the base year's basis ({@code backtest: breaks:}); empty when none are declared
 * @param overrides the {@code --set} overrides applied, as labels ({@code trade.exportTrend+=-0.03}), in order;
 *                 a what-if carries them in its name and its output file names
 * @param regionData the region's report areas with its satellites ({@code regionFile:}); the model's areas alone
 *                 when the scenario names no region file
 */
public record Scenario(String id, String name, String narrative, String region, int baseYear, int horizon,
                       String currency, ProductionKind production, Map<BaseField, BaseValue> base,
                       Map<Driver, PathSpec> drivers, List<Satellite> satellites, List<Shock> shocks,
                       List<String> lineage, ScenarioRepository.Resource targets,
                       ScenarioRepository.Resource history, Uncertainty uncertainty, String calibration,
                       Map<String, String> backtestBreaks, List<String> overrides, String nameZh, String narrativeZh,
                       RegionData regionData) {

    public Scenario {
        base = Map.copyOf(base);
        drivers = Map.copyOf(drivers);
        satellites = List.copyOf(satellites);
        shocks = List.copyOf(shocks);
        lineage = List.copyOf(lineage);
        backtestBreaks = Map.copyOf(backtestBreaks);
        overrides = List.copyOf(overrides);
        regionData = regionData == null ? RegionData.model() : regionData;
    }

    /** The same scenario with the files it names: its targets catalog, its history and its region's data. */
    public Scenario withFiles(ScenarioRepository.Resource targets, ScenarioRepository.Resource history, RegionData regionData) {
        return new Scenario(id, name, narrative, region, baseYear, horizon, currency, production, base, drivers,
                satellites, shocks, lineage, targets, history, uncertainty, calibration, backtestBreaks, overrides, nameZh, narrativeZh,
                regionData);
    }

    /** The name with the what-if's overrides: {@code Yiwu baseline [trade.exportTrend+=-0.03]}. */
    public String title() {
        return name + whatIf();
    }

    /** The Chinese name with the what-if's overrides: {@code 义乌基准情景 [trade.exportTrend+=-0.03]}. */
    public String titleZh() {
        return nameZh + whatIf();
    }

    /** The id with the what-if's overrides, from which output file names are made. */
    public String runId() {
        return id + whatIf();
    }

    private String whatIf() {
        return overrides.isEmpty() ? "" : " [" + String.join(", ", overrides) + "]";
    }

    /** The drivers that take the model's default (docs/MODEL.md): no file in the lineage states them. */
    public List<Driver> defaultedDrivers() {
        return java.util.Arrays.stream(Driver.values())
                .filter(d -> new PathSpec.Constant(d.defaultValue()).equals(drivers.get(d))).toList();
    }

    public int years() {
        return horizon - baseYear + 1;
    }

    public double base(BaseField field) {
        return base.get(field).value();
    }
}
