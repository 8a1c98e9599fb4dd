package io.plansim.analysis;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.DriverPaths;
import io.plansim.scenario.Driver;
import io.plansim.scenario.DrawMode;

/**
 * One driver set to a value over a range of years (replacing its path there), shifted by a value (added to
 * its path) or scaled (its path multiplied): the knob a solver turns. Monte Carlo draws with a relative
 * {@link DrawMode} then spread around the knob's value, as around any other value of the driver.
 */
public record DriverSetting(Driver driver, int from, int to, DrawMode mode) {

    public DriverSetting {
        if (to < from) {
            throw new IllegalArgumentException("years " + from + "-" + to + " end before they start");
        }
    }

    /** The compiled scenario with this driver at {@code x} (for Monte Carlo runs at a trial value). */
    public CompiledScenario apply(CompiledScenario c, double x) {
        double[] p = c.params().clone();
        DriverPaths.set(p, driver, from, to, c.baseYear(), c.years(), x, mode);
        return c.withParams(p);
    }

    /** Writes this driver at {@code x} into a parameter array laid out as c's (a reused scratch array). */
    public void write(CompiledScenario c, double[] params, double x) {
        DriverPaths.set(params, driver, from, to, c.baseYear(), c.years(), x, mode);
    }

    /** The driver and the years it is set in: {@code production.tfpGrowth[2021-2035]} (a scalar driver without years). */
    public String where() {
        return driver.path() + (driver.scalar() ? "" : "[" + from + "-" + to + "]");
    }
}
