package io.plansim.analysis;

import io.plansim.compile.CompiledScenario;
import io.plansim.scenario.Driver;

/**
 * One driver set to a value over a range of years (replacing its path there), or shifted by a value
 * (added to its path): the knob a solver turns and a tornado bar moves.
 */
public record DriverSetting(Driver driver, int from, int to, boolean shift) {

    public DriverSetting {
        if (to < from) {
            throw new IllegalArgumentException("years " + from + "-" + to + " end before they start");
        }
    }

    /** The compiled scenario with this driver at {@code x}. */
    public CompiledScenario apply(CompiledScenario c, double x) {
        double[] p = c.params().clone();
        int n = c.years();
        int row = driver.ordinal() * n;
        int lo = driver.scalar() ? 0 : Math.max(from - c.baseYear(), 0);
        int hi = driver.scalar() ? n - 1 : Math.min(to - c.baseYear(), n - 1);
        for (int t = lo; t <= hi; t++) {
            p[row + t] = shift ? p[row + t] + x : x;
        }
        return c.withParams(p);
    }

    public String describe() {
        return driver.path() + (driver.scalar() ? "" : "[" + from + "-" + to + "]") + (shift ? " shifted by" : " =");
    }
}
