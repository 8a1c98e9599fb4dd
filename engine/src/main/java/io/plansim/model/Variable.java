package io.plansim.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The core variables the projection kernel produces, in kernel row order. Satellite indicators defined in
 * a scenario come after these. Rates and shares are reported in percent (as the plans state them).
 */
public enum Variable {
    GDP_REAL("gdp_real", "GDP (constant base-year prices)", "地区生产总值（不变价）", "亿元", Basis.REAL, false, true),
    GDP_NOMINAL("gdp_nominal", "GDP", "地区生产总值", "亿元", Basis.NOMINAL, false, false),
    GDP_REAL_GROWTH("gdp_real_growth", "Real GDP growth", "地区生产总值增速", "%", Basis.REAL, false, false),
    GDP_DEFLATOR("gdp_deflator", "GDP deflator (base year = 1)", "GDP平减指数", "index", Basis.NONE, false, true),
    GDP_PER_CAPITA("gdp_per_capita", "GDP per capita", "人均地区生产总值", "元", Basis.NOMINAL, false, false),
    PRIMARY_SHARE("primary_share", "Primary sector share", "第一产业比重", "%", Basis.NOMINAL, false, false),
    SECONDARY_SHARE("secondary_share", "Secondary sector share", "第二产业比重", "%", Basis.NOMINAL, false, false),
    TERTIARY_SHARE("tertiary_share", "Tertiary sector share", "第三产业比重", "%", Basis.NOMINAL, false, false),
    PRIMARY_VA("primary_va", "Primary sector value added", "第一产业增加值", "亿元", Basis.NOMINAL, false, false),
    SECONDARY_VA("secondary_va", "Secondary sector value added", "第二产业增加值", "亿元", Basis.NOMINAL, false, false),
    TERTIARY_VA("tertiary_va", "Tertiary sector value added", "第三产业增加值", "亿元", Basis.NOMINAL, false, false),
    EXPORTS("exports", "Exports", "出口额", "亿元", Basis.NOMINAL, false, true),
    IMPORTS("imports", "Imports", "进口额", "亿元", Basis.NOMINAL, false, true),
    GOODS_TRADE("goods_trade", "Goods trade (exports + imports)", "货物进出口总额", "亿元", Basis.NOMINAL, false, false),
    DOMESTIC_TRADE("domestic_trade", "Domestic trade", "内贸额", "亿元", Basis.NOMINAL, false, true),
    TOTAL_TRADE("total_trade", "Domestic and foreign trade", "内外贸总额", "亿元", Basis.NOMINAL, false, false),
    EXPORTS_USD("exports_usd", "Exports (US dollars)", "出口额（美元）", "亿美元", Basis.NOMINAL, false, false),
    IMPORTS_USD("imports_usd", "Imports (US dollars)", "进口额（美元）", "亿美元", Basis.NOMINAL, false, false),
    GOODS_TRADE_USD("goods_trade_usd", "Goods trade (US dollars)", "货物进出口总额（美元）", "亿美元", Basis.NOMINAL, false, false),
    CNY_PER_USD("cny_per_usd", "Exchange rate", "人民币兑美元汇率", "元/美元", Basis.NONE, false, false),
    POPULATION("population", "Resident population", "常住人口", "万人", Basis.NONE, false, true),
    URBAN_POPULATION("urban_population", "Urban resident population", "城镇常住人口", "万人", Basis.NONE, false, false),
    URBANIZATION_RATE("urbanization_rate", "Urbanization rate (residents)", "常住人口城镇化率", "%", Basis.NONE, false, false),
    LABOUR("labour", "Labour force", "劳动力", "万人", Basis.NONE, false, false),
    CAPITAL_STOCK("capital_stock", "Capital stock (constant prices)", "资本存量", "亿元", Basis.REAL, true, false),
    TFP("tfp", "Total factor productivity (base year = 1)", "全要素生产率指数", "index", Basis.NONE, true, false),
    HUMAN_CAPITAL("human_capital", "Human capital per worker (base year = 1)", "人力资本指数", "index", Basis.NONE, true, false),
    GA_CAPITAL("ga_capital", "Growth from capital", "资本贡献", VariableInfo.LOG_POINTS, Basis.REAL, true, false),
    GA_LABOUR("ga_labour", "Growth from labour", "劳动贡献", VariableInfo.LOG_POINTS, Basis.REAL, true, false),
    GA_HUMAN_CAPITAL("ga_human_capital", "Growth from human capital", "人力资本贡献", VariableInfo.LOG_POINTS, Basis.REAL, true, false),
    GA_TFP("ga_tfp", "Growth from TFP", "全要素生产率贡献", VariableInfo.LOG_POINTS, Basis.REAL, true, false),
    GA_TRADE("ga_trade", "Growth from trade (demand channel)", "贸易拉动", VariableInfo.LOG_POINTS, Basis.REAL, true, false),
    ENERGY_CONSUMPTION("energy_consumption", "Energy consumption", "能源消费总量", "万吨标准煤", Basis.NONE, false, false),
    ENERGY_INTENSITY("energy_intensity", "Energy intensity (per 万元 of constant-price GDP)", "单位GDP能耗", "吨标准煤/万元", Basis.REAL, false, true),
    NON_FOSSIL_SHARE("non_fossil_share", "Non-fossil energy share", "非化石能源占比", "%", Basis.NONE, false, false),
    CO2("co2", "CO2 emissions from energy", "二氧化碳排放", "万吨CO2", Basis.NONE, false, false),
    INCOME_PER_CAPITA("income_per_capita", "Disposable income per resident", "居民人均可支配收入", "元", Basis.NOMINAL, false, false);

    private final VariableInfo info;
    private final boolean solowOnly;
    private final boolean shockable;

    Variable(String id, String name, String nameZh, String unit, Basis basis, boolean solowOnly, boolean shockable) {
        this.info = new VariableInfo(id, name, nameZh, unit, basis);
        this.solowOnly = solowOnly;
        this.shockable = shockable;
    }

    private static final Map<String, Variable> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Variable::id, Function.identity()));

    public static Optional<Variable> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public String id() {
        return info.id();
    }

    public VariableInfo info() {
        return info;
    }

    /**
     * A driver's path as the kernel writes it (the exchange rate, the non-fossil share), not something it projects: an
     * actual of it conditions the paths (the exchange rate of a year, docs/MODEL.md "Nowcast") but is no forecast to
     * score, so a backtest and a calibration fit leave it out.
     */
    public boolean assumed() {
        return this == CNY_PER_USD || this == NON_FOSSIL_SHARE;
    }

    /** Whether a metric id is an {@link #assumed} variable. */
    public static boolean assumed(String id) {
        Variable v = BY_ID.get(id);
        return v != null && v.assumed();
    }

    /** Produced only by the Solow-Swan production kind (capital, TFP and the growth-accounting rows). */
    public boolean solowOnly() {
        return solowOnly;
    }

    /**
     * Can take a one-off or random shock: the shock multiplies the variable's growth factor in that year (a
     * level shift that persists). A shock on gdp_real acts on TFP in the Solow kind.
     */
    public boolean shockable() {
        return shockable;
    }
}
