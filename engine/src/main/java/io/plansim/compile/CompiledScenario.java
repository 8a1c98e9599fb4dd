package io.plansim.compile;

import io.plansim.model.Variable;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.BaseField;
import io.plansim.scenario.Driver;
import io.plansim.scenario.ProductionKind;
import io.plansim.scenario.Scenario;
import java.util.List;

/**
 * A scenario compiled once into flat per-year arrays, the form the projection kernel reads. Parameters
 * are laid out row-major: {@code params[driver.ordinal() * years + t]}, t = 0 for the base year. Shocks
 * are level factors per output row ({@code shocks[row * years + t]}, 1 = no shock) that multiply the
 * row's growth factor in that year.
 *
 * <p>The arrays are never mutated after compilation; a Monte Carlo runner copies them into per-thread
 * scratch arrays before perturbing them.
 */
public final class CompiledScenario {
    public static final int CORE_ROWS = Variable.values().length;
    public static final int DRIVER_ROWS = Driver.values().length;

    private final Scenario scenario;
    private final int years;
    private final double[] params;
    private final double[] shocks;
    private final double[] base;
    private final int[] satelliteMode;
    private final int[] satelliteLink;
    private final double[] satelliteBase;
    private final double[] satelliteParams;
    private final List<VariableInfo> outputs;
    private final int[] outputRows;
    private final Observations observations;
    /** The spread recalibration the runner applies to each path; null for the raw distribution. */
    private final SpreadCalibration calibration;

    CompiledScenario(Scenario scenario, double[] params, double[] shocks, double[] base, int[] satelliteMode,
                     int[] satelliteLink, double[] satelliteBase, double[] satelliteParams,
                     List<VariableInfo> outputs, int[] outputRows) {
        this(scenario, params, shocks, base, satelliteMode, satelliteLink, satelliteBase, satelliteParams, outputs,
                outputRows, null, null);
    }

    private CompiledScenario(Scenario scenario, double[] params, double[] shocks, double[] base, int[] satelliteMode,
                             int[] satelliteLink, double[] satelliteBase, double[] satelliteParams,
                             List<VariableInfo> outputs, int[] outputRows, Observations observations,
                             SpreadCalibration calibration) {
        this.scenario = scenario;
        this.years = scenario.years();
        this.params = params;
        this.shocks = shocks;
        this.base = base;
        this.satelliteMode = satelliteMode;
        this.satelliteLink = satelliteLink;
        this.satelliteBase = satelliteBase;
        this.satelliteParams = satelliteParams;
        this.outputs = List.copyOf(outputs);
        this.outputRows = outputRows;
        this.observations = observations != null ? observations
                : Observations.none(CORE_ROWS + satelliteMode.length, years, scenario.baseYear());
        this.calibration = calibration;
    }

    /**
     * The same scenario conditioned on actuals after its base year (docs/MODEL.md, "Nowcast"): every path
     * passes through them.
     */
    public CompiledScenario withObservations(Observations o) {
        return new CompiledScenario(scenario, params, shocks, base, satelliteMode, satelliteLink, satelliteBase,
                satelliteParams, outputs, outputRows, o, calibration);
    }

    /**
     * The same scenario whose Monte Carlo paths the runner recalibrates (docs/MODEL.md "Recalibration"); null gives
     * the raw distribution. The central path is unchanged.
     */
    public CompiledScenario withCalibration(SpreadCalibration cal) {
        return new CompiledScenario(scenario, params, shocks, base, satelliteMode, satelliteLink, satelliteBase,
                satelliteParams, outputs, outputRows, observations, cal);
    }

    /** The recalibration applied to the paths, null when raw. */
    public SpreadCalibration calibration() {
        return calibration;
    }

    /** The actuals the paths are conditioned on (none unless {@link #withObservations} was used). */
    public Observations observations() {
        return observations;
    }

    /**
     * The same scenario with other driver paths (same layout as {@link #params()}), for a solver that runs
     * Monte Carlo at trial values without recompiling. The array is taken, not copied: callers pass a
     * fresh one and must not write to it afterwards.
     */
    public CompiledScenario withParams(double[] newParams) {
        if (newParams.length != params.length) {
            throw new IllegalArgumentException("parameter array of " + newParams.length + " values, expected " + params.length);
        }
        return new CompiledScenario(scenario, newParams, shocks, base, satelliteMode, satelliteLink, satelliteBase,
                satelliteParams, outputs, outputRows, observations, calibration);
    }

    public Scenario scenario() {
        return scenario;
    }

    public int years() {
        return years;
    }

    public int baseYear() {
        return scenario.baseYear();
    }

    public boolean solow() {
        return scenario.production() == ProductionKind.SOLOW;
    }

    /** Kernel rows: every core variable, then the satellites. */
    public int rows() {
        return CORE_ROWS + satelliteMode.length;
    }

    public int satellites() {
        return satelliteMode.length;
    }

    /** The compiled driver paths; callers must not write to it (copy it first). */
    public double[] params() {
        return params;
    }

    public double[] shocks() {
        return shocks;
    }

    public double param(Driver d, int t) {
        return params[d.ordinal() * years + t];
    }

    public double base(BaseField f) {
        return base[f.ordinal()];
    }

    /** The base-year value in slot {@code slot} ({@link Layout}'s BASE_ constants). */
    public double base(int slot) {
        return base[slot];
    }

    /** The scenario's id with its what-if overrides (output names), without handing out the scenario. */
    public String runId() {
        return scenario.runId();
    }

    /** The scenario's name with its what-if overrides. */
    public String title() {
        return scenario.title();
    }

    int[] satelliteModes() {
        return satelliteMode;
    }

    public int satelliteMode(int s) {
        return satelliteMode[s];
    }

    /** Kernel row of the satellite's link variable (-1 for path mode). */
    public int satelliteLink(int s) {
        return satelliteLink[s];
    }

    public double satelliteBase(int s) {
        return satelliteBase[s];
    }

    /** Row-major [satellite][primary, elasticity][year]. */
    public double[] satelliteParams() {
        return satelliteParams;
    }

    /** The variables a result shows, in order; {@link #outputRows()} gives their kernel rows. */
    public List<VariableInfo> outputs() {
        return outputs;
    }

    public int[] outputRows() {
        return outputRows.clone();
    }

    public int outputRow(int i) {
        return outputRows[i];
    }

    /** Kernel row of a variable id (core or satellite), or -1. */
    public int rowOf(String id) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).id().equals(id)) {
                return outputRows[i];
            }
        }
        return -1;
    }
}
