package io.plansim.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The base-year state a scenario must give, each with the one unit it must be stated in. */
public enum BaseField {
    GDP_NOMINAL("gdpNominal", "亿元", "GDP in current prices of the base year (地区生产总值)"),
    GDP_REAL_GROWTH("gdpRealGrowth", "%", "real GDP growth in the base year (地区生产总值增速)"),
    POPULATION("population", "万人", "resident population (常住人口)"),
    URBANIZATION_RATE("urbanizationRate", "%", "resident urbanization rate (常住人口城镇化率)"),
    PRIMARY_SHARE("primaryShare", "%", "primary sector share of GDP (第一产业比重)"),
    SECONDARY_SHARE("secondaryShare", "%", "secondary sector share of GDP (第二产业比重)"),
    TERTIARY_SHARE("tertiaryShare", "%", "tertiary sector share of GDP (第三产业比重)"),
    EXPORTS("exports", "亿元", "exports in current prices (出口额)"),
    IMPORTS("imports", "亿元", "imports in current prices (进口额)"),
    DOMESTIC_TRADE("domesticTrade", "亿元", "domestic trade turnover in current prices (内贸额)"),
    ENERGY_INTENSITY("energyIntensity", "吨标准煤/万元", "energy use per 万元 of GDP (单位GDP能耗)"),
    INCOME_PER_CAPITA("incomePerCapita", "元", "disposable income per resident (居民人均可支配收入)");

    private final String key;
    private final String unit;
    private final String description;

    BaseField(String key, String unit, String description) {
        this.key = key;
        this.unit = unit;
        this.description = description;
    }

    /** The id of the variable this is the base-year value of (urbanizationRate: urbanization_rate). */
    public String metric() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public static Optional<BaseField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(BaseField::key).toList();
    }
}
