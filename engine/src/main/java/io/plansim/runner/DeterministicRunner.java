package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.kernel.ProjectionKernel;

/** Runs the central path of a compiled scenario and checks it before anyone sees it. */
public final class DeterministicRunner {
    private DeterministicRunner() {
    }

    public static Projection run(CompiledScenario c) {
        int n = c.years();
        double[] out = new double[c.rows() * n];
        ProjectionKernel.project(c, c.params(), c.shocks(), out);
        PathCheck check = new PathCheck(c);
        int fault = check.firstFault(out);
        if (fault >= 0) {
            throw check.fault(out, fault, null);
        }
        return toProjection(c, out);
    }

    /** The output rows of a kernel buffer as a projection. */
    static Projection toProjection(CompiledScenario c, double[] out) {
        int n = c.years();
        int k = c.outputs().size();
        double[][] values = new double[k][];
        for (int i = 0; i < k; i++) {
            values[i] = java.util.Arrays.copyOfRange(out, c.outputRow(i) * n, c.outputRow(i) * n + n);
        }
        int[] years = new int[n];
        for (int t = 0; t < n; t++) {
            years[t] = c.baseYear() + t;
        }
        return new Projection(c.runId(), c.title(), years, c.outputs(), values);
    }
}
