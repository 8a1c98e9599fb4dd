package io.plansim.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags a projection whose ratios or growth rates lie far outside anything observed (docs/MODEL.md,
 * "Plausibility"): a warning to read the result with care, never a refusal, since a what-if may be extreme
 * on purpose. Each check reports its first year only.
 */
public final class Plausibility {
    /** Exports (or imports) above this multiple of GDP, both nominal 亿元. */
    public static final double MAX_TRADE_TO_GDP = 5;
    /** Real GDP growth outside this range, per year. */
    public static final double MIN_REAL_GROWTH = -0.20;
    public static final double MAX_REAL_GROWTH = 0.30;
    /** Resident population changing by more than this fraction in one year. */
    public static final double MAX_POPULATION_CHANGE = 0.10;

    private Plausibility() {
    }

    /** The warnings for one projection, empty when every check passes. */
    public static List<String> warnings(Projection p) {
        List<String> out = new ArrayList<>();
        double[] gdp = series(p, "gdp_nominal");
        double[] real = series(p, "gdp_real");
        double[] pop = series(p, "population");
        for (String trade : List.of("exports", "imports")) {
            double[] x = series(p, trade);
            for (int t = 0; gdp != null && x != null && t < x.length; t++) {
                double ratio = x[t] / gdp[t];
                if (ratio > MAX_TRADE_TO_GDP) {
                    out.add(String.format(Locale.ROOT, "%s: %s are %.3g times GDP in %d (nominal 亿元); above %.0f times is far outside "
                            + "anything observed (docs/MODEL.md, Plausibility)", p.scenario(), trade, ratio, p.years()[t], MAX_TRADE_TO_GDP));
                    break;
                }
            }
        }
        for (int t = 1; real != null && t < real.length; t++) {
            double g = real[t] / real[t - 1] - 1;
            if (g < MIN_REAL_GROWTH || g > MAX_REAL_GROWTH) {
                out.add(String.format(Locale.ROOT, "%s: real GDP growth of %.1f%% in %d; outside %.0f%% to %.0f%% a year is far outside "
                        + "anything observed (docs/MODEL.md, Plausibility)", p.scenario(), 100 * g, p.years()[t], 100 * MIN_REAL_GROWTH, 100 * MAX_REAL_GROWTH));
                break;
            }
        }
        for (int t = 1; pop != null && t < pop.length; t++) {
            double g = pop[t] / pop[t - 1] - 1;
            if (Math.abs(g) > MAX_POPULATION_CHANGE) {
                out.add(String.format(Locale.ROOT, "%s: resident population changes by %.1f%% in %d; more than %.0f%% in a year is far outside "
                        + "anything observed (docs/MODEL.md, Plausibility)", p.scenario(), 100 * g, p.years()[t], 100 * MAX_POPULATION_CHANGE));
                break;
            }
        }
        return out;
    }

    private static double[] series(Projection p, String id) {
        int i = p.indexOf(id);
        return i < 0 ? null : p.values()[i];
    }
}
