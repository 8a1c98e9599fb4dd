package io.plansim.compile;

import io.plansim.scenario.BaseField;
import io.plansim.scenario.Driver;
import io.plansim.scenario.SatelliteMode;

/**
 * The compiled stage's array layout, the only vocabulary the kernel needs: the row of each driver in
 * {@link CompiledScenario#params()} ({@code params[row * years + t]}), the slot of each base-year value in
 * {@link CompiledScenario#base(int)}, and the satellite modes of {@link CompiledScenario#satelliteMode(int)}.
 * The numbers are the scenario's enum ordinals, fixed here so the kernel never reads the scenario package.
 */
public final class Layout {
    // driver rows
    public static final int NATURAL_GROWTH = Driver.NATURAL_GROWTH.ordinal();
    public static final int NET_MIGRATION = Driver.NET_MIGRATION.ordinal();
    public static final int URBAN_CEILING = Driver.URBAN_CEILING.ordinal();
    public static final int URBAN_SPEED = Driver.URBAN_SPEED.ordinal();
    public static final int WORKING_AGE_SHARE = Driver.WORKING_AGE_SHARE.ordinal();
    public static final int PARTICIPATION = Driver.PARTICIPATION.ordinal();
    public static final int REAL_GROWTH = Driver.REAL_GROWTH.ordinal();
    public static final int TFP_GROWTH = Driver.TFP_GROWTH.ordinal();
    public static final int HUMAN_CAPITAL_GROWTH = Driver.HUMAN_CAPITAL_GROWTH.ordinal();
    public static final int SAVINGS_RATE = Driver.SAVINGS_RATE.ordinal();
    public static final int DEPRECIATION = Driver.DEPRECIATION.ordinal();
    public static final int CAPITAL_SHARE = Driver.CAPITAL_SHARE.ordinal();
    public static final int CAPITAL_OUTPUT_RATIO = Driver.CAPITAL_OUTPUT_RATIO.ordinal();
    public static final int DEFLATOR_GROWTH = Driver.DEFLATOR_GROWTH.ordinal();
    public static final int CPI_INFLATION = Driver.CPI_INFLATION.ordinal();
    public static final int CNY_PER_USD = Driver.CNY_PER_USD.ordinal();
    public static final int PRIMARY_LONG_RUN = Driver.PRIMARY_LONG_RUN.ordinal();
    public static final int SECONDARY_LONG_RUN = Driver.SECONDARY_LONG_RUN.ordinal();
    public static final int CONVERGENCE_SPEED = Driver.CONVERGENCE_SPEED.ordinal();
    public static final int EXPORT_TREND = Driver.EXPORT_TREND.ordinal();
    public static final int EXPORT_ELASTICITY = Driver.EXPORT_ELASTICITY.ordinal();
    public static final int WORLD_DEMAND_GROWTH = Driver.WORLD_DEMAND_GROWTH.ordinal();
    public static final int IMPORT_TREND = Driver.IMPORT_TREND.ordinal();
    public static final int IMPORT_ELASTICITY = Driver.IMPORT_ELASTICITY.ordinal();
    public static final int DOMESTIC_TRADE_GROWTH = Driver.DOMESTIC_TRADE_GROWTH.ordinal();
    public static final int OUTPUT_ELASTICITY = Driver.OUTPUT_ELASTICITY.ordinal();
    public static final int INTENSITY_DECLINE = Driver.INTENSITY_DECLINE.ordinal();
    public static final int NON_FOSSIL_SHARE = Driver.NON_FOSSIL_SHARE.ordinal();
    public static final int FOSSIL_CARBON_FACTOR = Driver.FOSSIL_CARBON_FACTOR.ordinal();
    public static final int INCOME_PASS_THROUGH = Driver.INCOME_PASS_THROUGH.ordinal();

    // base-year value slots
    public static final int BASE_GDP_NOMINAL = BaseField.GDP_NOMINAL.ordinal();
    public static final int BASE_GDP_REAL_GROWTH = BaseField.GDP_REAL_GROWTH.ordinal();
    public static final int BASE_POPULATION = BaseField.POPULATION.ordinal();
    public static final int BASE_URBANIZATION_RATE = BaseField.URBANIZATION_RATE.ordinal();
    public static final int BASE_PRIMARY_SHARE = BaseField.PRIMARY_SHARE.ordinal();
    public static final int BASE_SECONDARY_SHARE = BaseField.SECONDARY_SHARE.ordinal();
    public static final int BASE_TERTIARY_SHARE = BaseField.TERTIARY_SHARE.ordinal();
    public static final int BASE_EXPORTS = BaseField.EXPORTS.ordinal();
    public static final int BASE_IMPORTS = BaseField.IMPORTS.ordinal();
    public static final int BASE_DOMESTIC_TRADE = BaseField.DOMESTIC_TRADE.ordinal();
    public static final int BASE_ENERGY_INTENSITY = BaseField.ENERGY_INTENSITY.ordinal();
    public static final int BASE_INCOME_PER_CAPITA = BaseField.INCOME_PER_CAPITA.ordinal();

    // satellite modes
    public static final int SATELLITE_GROWTH = SatelliteMode.GROWTH.ordinal();
    public static final int SATELLITE_RATIO = SatelliteMode.RATIO.ordinal();
    public static final int SATELLITE_PATH = SatelliteMode.PATH.ordinal();

    private Layout() {
    }
}
