package io.plansim.compile;

import io.plansim.scenario.Driver;
import io.plansim.scenario.DrawMode;

/**
 * Setting one driver's compiled path over a range of years, the way every caller needs it: a Monte Carlo
 * draw, a solver's trial value, a sensitivity point, a calibration step. A scalar driver (a model constant)
 * always spans every year.
 */
public final class DriverPaths {
    private DriverPaths() {
    }

    /** First index (t, 0 = base year) the driver takes a value set for years {@code from..to}. */
    public static int first(Driver d, int from, int baseYear) {
        return d.scalar() ? 0 : Math.max(from - baseYear, 0);
    }

    /** Last index, clamped to the projection. */
    public static int last(Driver d, int to, int baseYear, int years) {
        return d.scalar() ? years - 1 : Math.min(to - baseYear, years - 1);
    }

    /** Applies x to {@code params[offset + lo..hi]} by {@code mode} (replace, add, multiply). No allocation. */
    public static void set(double[] params, int offset, int lo, int hi, double x, DrawMode mode) {
        switch (mode) {
            case SHIFT -> {
                for (int t = lo; t <= hi; t++) {
                    params[offset + t] += x;
                }
            }
            case SCALE -> {
                for (int t = lo; t <= hi; t++) {
                    params[offset + t] *= x;
                }
            }
            case REPLACE -> java.util.Arrays.fill(params, offset + lo, offset + hi + 1, x);
        }
    }

    /** Sets driver d to x over years from..to in a parameter array laid out as {@link CompiledScenario#params()}. */
    public static void set(double[] params, Driver d, int from, int to, int baseYear, int years, double x, DrawMode mode) {
        set(params, d.ordinal() * years, first(d, from, baseYear), last(d, to, baseYear, years), x, mode);
    }
}
