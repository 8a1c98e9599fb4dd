package io.plansim.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every scenario driver the model knows: its path in the scenario file ({@code drivers.<group>.<name>},
 * or {@code <group>.<name>} in {@code --set}), its unit, default, sane bounds and why the default was chosen.
 * This one registry drives parsing, {@code --set} validation, compilation and docs/MODEL.md.
 *
 * <p>Rates are fractions (0.05 = 5% a year). {@code scalar} drivers are model constants: a single number,
 * not a time path. Every driver states its unit; an elasticity, a dimensionless coefficient, says so: "elasticity".
 */
public enum Driver {
    // population 人口
    NATURAL_GROWTH("population", "naturalGrowth", DriverKind.RATE, "1/yr", 0.003, -0.05, 0.05, false,
            "Natural increase of residents (births minus deaths over population). Zhejiang's natural growth was a few per mille in the late 2010s and falling."),
    NET_MIGRATION("population", "netMigration", DriverKind.RATE, "1/yr", 0.01, -0.10, 0.20, false,
            "Net migration as a share of residents. Yiwu's residents grew 4.18% a year 2010-2020 between censuses, mostly by migration; the neutral default assumes a much slower inflow."),
    URBAN_CEILING("population", "urbanCeiling", DriverKind.FRACTION, "share", 0.90, 0.30, 1.0, false,
            "Long-run ceiling of the resident urbanization rate; 0.90 is near the level of the most urbanized high-income regions."),
    URBAN_SPEED("population", "urbanSpeed", DriverKind.RATE, "1/yr", 0.08, 0.0, 1.0, false,
            "Logistic speed k of the approach to the ceiling: the log-odds of u/U rise by k a year. 0.08 roughly matches the pace of China's coastal counties in the 2010s."),
    WORKING_AGE_SHARE("population", "workingAgeShare", DriverKind.FRACTION, "share", 0.72, 0.3, 0.95, false,
            "Share of residents aged 15-64; about 0.72 in Zhejiang around the 2020 census (migrant-heavy cities run higher)."),
    PARTICIPATION("population", "participation", DriverKind.FRACTION, "share", 0.80, 0.3, 1.0, false,
            "Labour-force participation of the working-age population."),

    // production 生产
    REAL_GROWTH("production", "realGrowth", DriverKind.RATE, "1/yr", 0.05, -0.3, 0.3, false,
            "Real GDP growth for the exogenous growth-path model (kind: growth). 5% is between China's mid-2020s pace and Zhejiang's county averages."),
    TFP_GROWTH("production", "tfpGrowth", DriverKind.RATE, "1/yr", 0.015, -0.1, 0.1, false,
            "Growth of total factor productivity A (Hicks-neutral) in the Solow model; 1.5% is the LTGM's order of magnitude for a middle-income economy."),
    HUMAN_CAPITAL_GROWTH("production", "humanCapitalGrowth", DriverKind.RATE, "1/yr", 0.005, -0.05, 0.05, false,
            "Growth of human capital per worker h (years of schooling and returns); LTGM-style default of 0.5% a year."),
    SAVINGS_RATE("production", "savingsRate", DriverKind.FRACTION, "share of real GDP", 0.35, 0.0, 0.9, false,
            "Investment rate s: gross capital formation over GDP. China's national rate has been above 0.40; 0.35 is a county economy's order."),
    DEPRECIATION("production", "depreciation", DriverKind.FRACTION, "1/yr", 0.05, 0.0, 0.3, false,
            "Depreciation rate of the capital stock; 5% is the LTGM's default."),
    CAPITAL_SHARE("production", "capitalShare", DriverKind.FRACTION, "share", 0.40, 0.05, 0.95, true,
            "Capital's share alpha in Y = A K^alpha (hL)^(1-alpha); estimates for China run 0.4-0.5."),
    CAPITAL_OUTPUT_RATIO("production", "capitalOutputRatio", DriverKind.LEVEL, "years of GDP", 2.5, 0.2, 10.0, true,
            "Initial capital stock over GDP in the base year (K0 = ratio x Y0); 2.5 is a common estimate for Chinese provinces."),

    // prices 价格
    DEFLATOR_GROWTH("prices", "deflatorGrowth", DriverKind.RATE, "1/yr", 0.015, -0.2, 0.3, false,
            "GDP deflator inflation: nominal GDP growth minus real. 1.5% is close to China's 2010s average."),
    CPI_INFLATION("prices", "cpiInflation", DriverKind.RATE, "1/yr", 0.02, -0.2, 0.3, false,
            "Consumer price inflation, used to turn real income growth into nominal; 2% is close to China's 2010s average."),
    CNY_PER_USD("prices", "cnyPerUsd", DriverKind.LEVEL, "元/美元", 6.9, 1.0, 20.0, false,
            "Exchange rate in yuan per US dollar (a level path); 6.9 is the 2020 annual average (PBoC central parity averaged 6.8974)."),

    // structure 产业结构
    PRIMARY_LONG_RUN("structure", "primaryLongRun", DriverKind.FRACTION, "share", 0.01, 0.0, 1.0, false,
            "Long-run share of the primary sector in nominal GDP that the structure converges to."),
    SECONDARY_LONG_RUN("structure", "secondaryLongRun", DriverKind.FRACTION, "share", 0.30, 0.0, 1.0, false,
            "Long-run share of the secondary sector; the tertiary share is 1 minus the other two."),
    CONVERGENCE_SPEED("structure", "convergenceSpeed", DriverKind.FRACTION, "1/yr", 0.10, 0.0, 1.0, false,
            "Share of the gap to the long-run structure closed each year."),

    // trade 贸易
    EXPORT_TREND("trade", "exportTrend", DriverKind.RATE, "1/yr", 0.0, -0.5, 0.5, false,
            "Export growth (current prices, 亿元) beyond what world demand explains: g_X = trend + elasticity x world demand growth."),
    EXPORT_ELASTICITY("trade", "exportElasticity", DriverKind.ELASTICITY, "elasticity", 1.5, -5, 10, false,
            "Elasticity of exports to world import demand; 1.5 is typical of export-led manufacturing regions."),
    WORLD_DEMAND_GROWTH("trade", "worldDemandGrowth", DriverKind.RATE, "1/yr", 0.035, -0.5, 0.5, false,
            "Growth of world import demand in current prices; 3.5% is the order of world merchandise trade growth in the 2010s."),
    IMPORT_TREND("trade", "importTrend", DriverKind.RATE, "1/yr", 0.0, -0.5, 0.5, false,
            "Import growth beyond what local nominal GDP explains: g_M = trend + elasticity x nominal GDP growth."),
    IMPORT_ELASTICITY("trade", "importElasticity", DriverKind.ELASTICITY, "elasticity", 1.2, -5, 10, false,
            "Elasticity of imports to local nominal GDP growth."),
    DOMESTIC_TRADE_GROWTH("trade", "domesticTradeGrowth", DriverKind.RATE, "1/yr", 0.06, -0.5, 0.5, false,
            "Growth of domestic trade turnover (current prices)."),
    OUTPUT_ELASTICITY("trade", "outputElasticity", DriverKind.ELASTICITY, "elasticity", 0.10, 0.0, 1.0, false,
            "Demand channel: elasticity of real GDP to the market's turnover (exports + domestic trade) relative to the "
                    + "supply side's nominal output. 0.10 is the middle of the within-economy estimates for economies whose "
                    + "exports are at least half of GDP in the Penn World Table 9.1 (0.06-0.13 by specification, cluster "
                    + "standard errors 0.010-0.017; docs/MODEL.md, scenarios/reference/pwt/trade-output-elasticity.R); 0 "
                    + "switches the channel off."),

    // energy 能源
    INTENSITY_DECLINE("energy", "intensityDecline", DriverKind.RATE, "1/yr", 0.03, -0.3, 0.5, false,
            "Annual decline of energy use per unit of real GDP; 3% a year gives -14% over five years, near the national 13.5% target of the 14th plan."),
    NON_FOSSIL_SHARE("energy", "nonFossilShare", DriverKind.FRACTION, "share", 0.20, 0.0, 1.0, false,
            "Share of non-fossil energy in consumption (a level path); 0.2 is near Zhejiang's early-2020s share."),
    FOSSIL_CARBON_FACTOR("energy", "fossilCarbonFactor", DriverKind.LEVEL, "吨CO2/吨标准煤", 2.66, 0.5, 4.0, false,
            "CO2 per tonne of coal equivalent of fossil energy; 2.66 is the factor for coal widely used in Chinese inventories (oil and gas are lower), so the default is an upper bound for a mixed fossil supply."),

    // income 收入
    INCOME_PASS_THROUGH("income", "passThrough", DriverKind.ELASTICITY, "elasticity", 1.0, 0.0, 3.0, false,
            "Pass-through of real GDP per capita growth to real disposable income per capita growth; 1 means incomes keep pace with output.");

    private final String group;
    private final String name;
    private final DriverKind kind;
    private final String unit;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final boolean scalar;
    private final String why;

    Driver(String group, String name, DriverKind kind, String unit, double defaultValue, double min, double max,
           boolean scalar, String why) {
        this.group = group;
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.scalar = scalar;
        this.why = why;
    }

    private static final Map<String, Driver> BY_PATH =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Driver::path, Function.identity()));

    /** {@code group.name}, as written in {@code --set} and under {@code drivers:}. */
    public String path() {
        return group + "." + name;
    }

    public static Optional<Driver> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public static java.util.Set<String> groups() {
        return Arrays.stream(values()).map(Driver::group).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public String group() {
        return group;
    }

    public String driverName() {
        return name;
    }

    public DriverKind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /**
     * Whether the driver's base-year value is part of the observed base year: the kernel writes the base year's
     * dollar trade, non-fossil share and CO2 from it, and a target judged on those (2020's exports in 亿美元, a CO2
     * cut against 2020) is judged on that record. A what-if (--set, the page's slider) therefore moves it from the
     * year after the base on; it used to move the base year too (--set prices.cnyPerUsd=7.5 turned 2020's recorded
     * exports of 3006.2亿元 into 400.8亿美元 instead of 435.7).
     */
    public boolean observedInBaseYear() {
        return this == CNY_PER_USD || this == NON_FOSSIL_SHARE || this == FOSSIL_CARBON_FACTOR;
    }

    public boolean scalar() {
        return scalar;
    }

    public String why() {
        return why;
    }
}
