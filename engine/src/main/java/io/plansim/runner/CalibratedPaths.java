package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.SpreadCalibration;
import io.plansim.kernel.ProjectionKernel;

/**
 * The spread recalibration of a compiled scenario bound to its kernel layout: the central path (all uncertain
 * inputs at their central values, as {@link DeterministicRunner} runs it) and, for every kernel cell whose factors
 * are not both 1, the factors k_lo and k_hi. {@link #apply} moves a path's value x in such a cell to m exp(k ln(x / m)),
 * m the central value (x and m positive; otherwise m + k (x - m)), k = k_lo below the centre and k_hi at or above it,
 * in place and without allocating, before the path is counted against targets and aggregated. Both factors are
 * positive, so the map is increasing in x and fixes m.
 */
public final class CalibratedPaths {
    private final int[] cells;
    private final double[] centre;
    private final double[] below;
    private final double[] above;

    private CalibratedPaths(int[] cells, double[] centre, double[] below, double[] above) {
        this.cells = cells;
        this.centre = centre;
        this.below = below;
        this.above = above;
    }

    /** The transform of c's calibration, null when c has none or it changes no cell of c. */
    public static CalibratedPaths of(CompiledScenario c) {
        SpreadCalibration cal = c.calibration();
        if (cal == null) {
            return null;
        }
        int n = c.years();
        double[] central = new double[c.rows() * n];
        ProjectionKernel.project(c, c.params(), c.shocks(), central);
        int[] cells = new int[c.outputs().size() * n];
        double[] m = new double[cells.length];
        double[] lo = new double[cells.length];
        double[] hi = new double[cells.length];
        int count = 0;
        for (int i = 0; i < c.outputs().size(); i++) {
            String id = c.outputs().get(i).id();
            int row = c.outputRow(i);
            for (int t = 1; t < n; t++) {
                double fLo = cal.factorBelow(id, t);
                double fHi = cal.factorAbove(id, t);
                if (fLo != 1 || fHi != 1) {
                    cells[count] = row * n + t;
                    m[count] = central[row * n + t];
                    lo[count] = fLo;
                    hi[count++] = fHi;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return new CalibratedPaths(java.util.Arrays.copyOf(cells, count), java.util.Arrays.copyOf(m, count),
                java.util.Arrays.copyOf(lo, count), java.util.Arrays.copyOf(hi, count));
    }

    /** Scales the path's deviations from the central path in {@code out} (a kernel buffer) by the factors of their side. */
    public void apply(double[] out) {
        for (int j = 0; j < cells.length; j++) {
            int cell = cells[j];
            double x = out[cell];
            double m = centre[j];
            double k = x < m ? below[j] : above[j];
            out[cell] = x > 0 && m > 0 ? m * Math.exp(k * Math.log(x / m)) : m + k * (x - m);
        }
    }

    /** Kernel cells the transform changes. */
    public int cells() {
        return cells.length;
    }
}
