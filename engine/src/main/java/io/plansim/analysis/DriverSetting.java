package io.plansim.analysis;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.DriverPaths;
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

    /** The compiled scenario with this driver at {@code x} (for Monte Carlo runs at a trial value). */
    public CompiledScenario apply(CompiledScenario c, double x) {
        double[] p = c.params().clone();
        DriverPaths.set(p, driver, from, to, c.baseYear(), c.years(), x, shift);
        return c.withParams(p);
    }

    /** Writes this driver at {@code x} into a parameter array laid out as c's (a reused scratch array). */
    public void write(CompiledScenario c, double[] params, double x) {
        DriverPaths.set(params, driver, from, to, c.baseYear(), c.years(), x, shift);
    }

    public String describe() {
        return driver.path() + (driver.scalar() ? "" : "[" + from + "-" + to + "]") + (shift ? " shifted by" : " =");
    }
}
