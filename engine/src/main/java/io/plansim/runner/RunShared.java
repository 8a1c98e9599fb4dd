package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;

/**
 * What every block of one run reads and none writes, built once per run: the compiled scenario and its
 * uncertainty, the spread recalibration (null when raw) and the annual shocks' sparse correlation factor. Each
 * block built them again (a central projection and 810 factor look-ups for the recalibration, the factor's scan),
 * 489 times in a million-path run, and the JIT compiled both constructors with C2 twice each (JFR, about 250 ms
 * of compiler CPU competing with the paths on 2 cores; docs/PERFORMANCE.md, session 6).
 */
record RunShared(CompiledScenario compiled, CompiledUncertainty uncertainty, CalibratedPaths calibrated, AnnualShocks shocks) {
    static RunShared of(CompiledScenario c, CompiledUncertainty u) {
        return new RunShared(c, u, CalibratedPaths.of(c), new AnnualShocks(u));
    }
}
