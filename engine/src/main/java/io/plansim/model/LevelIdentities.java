package io.plansim.model;

import static io.plansim.model.Variable.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which core values follow within a year from which levels by the kernel's identities (docs/MODEL.md): nominal GDP
 * is real GDP times the deflator, value added a share of nominal GDP, GDP per capita nominal GDP over the population,
 * energy real GDP times the intensity, CO2 a fraction of energy, goods trade exports plus imports, and so on. A change
 * made to a level after the kernel (the spread recalibration, {@code io.plansim.runner.CalibratedPaths}) must carry
 * into every value computed from it, or a path's nominal GDP stops being its real GDP times its deflator.
 *
 * <p>Levels: a calibration may scale them, and what follows from them moves with them. Derived values: they follow
 * from their levels and are never scaled on their own. Everything else (shares, the non-fossil share, the
 * production side's capital and human capital) feeds identities that a scaled level cannot carry through without
 * the kernel, so no calibration may scale it.
 */
public final class LevelIdentities {
    private static final Map<Variable, Set<Variable>> PRODUCTS = new EnumMap<>(Variable.class);
    private static final Map<Variable, Set<Variable>> QUOTIENTS = new EnumMap<>(Variable.class);
    /** The levels that the trade sums and US-dollar values are computed from. */
    private static final Set<Variable> TRADE_TERMS = EnumSet.of(EXPORTS, IMPORTS, DOMESTIC_TRADE, CNY_PER_USD);
    private static final Set<Variable> TRADE_DERIVED = EnumSet.of(GOODS_TRADE, TOTAL_TRADE, EXPORTS_USD, IMPORTS_USD, GOODS_TRADE_USD);

    static {
        // a product: the value is the level times other factors of the same year, so it scales with the level
        PRODUCTS.put(GDP_REAL, EnumSet.of(GDP_NOMINAL, GDP_PER_CAPITA, PRIMARY_VA, SECONDARY_VA, TERTIARY_VA,
                ENERGY_CONSUMPTION, CO2, TFP));
        PRODUCTS.put(GDP_DEFLATOR, EnumSet.of(GDP_NOMINAL, GDP_PER_CAPITA, PRIMARY_VA, SECONDARY_VA, TERTIARY_VA));
        PRODUCTS.put(POPULATION, EnumSet.of(URBAN_POPULATION, LABOUR));
        PRODUCTS.put(URBANIZATION_RATE, EnumSet.of(URBAN_POPULATION));
        PRODUCTS.put(ENERGY_INTENSITY, EnumSet.of(ENERGY_CONSUMPTION, CO2));
        PRODUCTS.put(INCOME_PER_CAPITA, EnumSet.noneOf(Variable.class));
        // a quotient: GDP per capita is nominal GDP over the population
        QUOTIENTS.put(POPULATION, EnumSet.of(GDP_PER_CAPITA));
    }

    private LevelIdentities() {
    }

    /** Whether a calibration may scale v: a level whose derived values plansim carries along. */
    public static boolean scalable(Variable v) {
        return PRODUCTS.containsKey(v) || TRADE_TERMS.contains(v);
    }

    /** The values that are v times other factors of the same year (empty for none). */
    public static Set<Variable> productsOf(Variable v) {
        return PRODUCTS.getOrDefault(v, Set.of());
    }

    /** The values that are divided by v (GDP per capita by the population). */
    public static Set<Variable> quotientsOf(Variable v) {
        return QUOTIENTS.getOrDefault(v, Set.of());
    }

    /** Whether v is a term of the trade sums or of the US-dollar values, which are computed again from their terms. */
    public static boolean tradeTerm(Variable v) {
        return TRADE_TERMS.contains(v);
    }

    /**
     * The levels a derived value follows from: empty for a scalable level, and for a value that is neither (a share,
     * capital); real GDP growth and the growth-accounting rows follow real GDP (its growth, and TFP as the residual).
     */
    public static Set<Variable> followsFrom(Variable v) {
        Set<Variable> from = EnumSet.noneOf(Variable.class);
        PRODUCTS.forEach((level, values) -> {
            if (values.contains(v)) {
                from.add(level);
            }
        });
        QUOTIENTS.forEach((level, values) -> {
            if (values.contains(v)) {
                from.add(level);
            }
        });
        if (TRADE_DERIVED.contains(v)) {
            from.addAll(v == TOTAL_TRADE ? EnumSet.of(EXPORTS, IMPORTS, DOMESTIC_TRADE)
                    : v == EXPORTS_USD ? EnumSet.of(EXPORTS, CNY_PER_USD)
                    : v == IMPORTS_USD ? EnumSet.of(IMPORTS, CNY_PER_USD)
                    : v == GOODS_TRADE ? EnumSet.of(EXPORTS, IMPORTS) : EnumSet.of(EXPORTS, IMPORTS, CNY_PER_USD));
        }
        if (v == GDP_REAL_GROWTH || v == GA_TFP) {
            from.add(GDP_REAL);
        }
        return from;
    }
}
