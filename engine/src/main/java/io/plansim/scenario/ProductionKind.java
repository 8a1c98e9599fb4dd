package io.plansim.scenario;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** How real GDP is produced. */
public enum ProductionKind {
    /** Solow-Swan as in the World Bank LTGM: Y = A K^alpha (h L)^(1-alpha). */
    SOLOW("GDP growth there comes from production.tfpGrowth, capital and labour",
            EnumSet.of(Driver.REAL_GROWTH)),
    /** An exogenous real growth path, for planners who think in growth rates. */
    GROWTH("real GDP there follows production.realGrowth",
            EnumSet.of(Driver.TFP_GROWTH, Driver.HUMAN_CAPITAL_GROWTH, Driver.SAVINGS_RATE, Driver.DEPRECIATION,
                    Driver.CAPITAL_SHARE, Driver.CAPITAL_OUTPUT_RATIO));

    private final String output;
    /** The drivers ProjectionKernel never reads under this model: a value given to one would be ignored. */
    private final Set<Driver> unread;

    ProductionKind(String output, Set<Driver> unread) {
        this.output = output;
        this.unread = unread;
    }

    /** Whether the projection reads the driver under this model. */
    public boolean reads(Driver d) {
        return !unread.contains(d);
    }

    /** As written in a scenario file: {@code solow}, {@code growth}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Why a driver this model does not read is refused, and what to do instead: "production.realGrowth is not
     * used by model: solow (GDP growth there comes from ...); set model: growth to use it".
     */
    public String notRead(Driver d) {
        String other = this == SOLOW ? GROWTH.id() : SOLOW.id();
        return d.path() + " is not used by model: " + id() + " (" + output + "); set model: " + other + " to use it";
    }
}
