package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.model.VariableInfo;

/**
 * Finds the first value on a kernel path that is not a valid result: NaN, infinite, or a negative level.
 * Immutable once built, so one check serves every thread of a run.
 */
public final class PathCheck {
    private final CompiledScenario compiled;
    /** Per output: the smallest valid value (0 for levels, -infinity for growth rates and pp changes). */
    private final double[] lowest;
    /** Per output: the first year checked (1 for pp changes, which have no base-year value). */
    private final int[] firstYear;
    private final int[] rows;

    public PathCheck(CompiledScenario compiled) {
        this.compiled = compiled;
        int k = compiled.outputs().size();
        lowest = new double[k];
        firstYear = new int[k];
        rows = compiled.outputRows();
        for (int i = 0; i < k; i++) {
            VariableInfo v = compiled.outputs().get(i);
            boolean mayBeNegative = v.id().endsWith("_growth") || v.unit().equals("pp");
            lowest[i] = mayBeNegative ? Double.NEGATIVE_INFINITY : 0;
            firstYear[i] = v.unit().equals("pp") ? 1 : 0;
        }
    }

    /** Index of the first faulty output value as {@code output * years + t}, or -1 when the path is clean. */
    public int firstFault(double[] out) {
        // a branch-free scan of every value; only a faulty path is searched again for where it went wrong
        int n = compiled.years();
        boolean clean = true;
        for (int i = 0; i < rows.length; i++) {
            double lo = lowest[i];
            int at = rows[i] * n;
            for (int t = firstYear[i]; t < n; t++) {
                double v = out[at + t];
                clean &= v >= lo & Math.abs(v) < Double.POSITIVE_INFINITY; // false for NaN
            }
        }
        if (clean) {
            return -1;
        }
        for (int i = 0; i < rows.length; i++) {
            int at = rows[i] * n;
            for (int t = firstYear[i]; t < n; t++) {
                double v = out[at + t];
                if (!(v >= lowest[i] && Math.abs(v) < Double.POSITIVE_INFINITY)) {
                    return i * n + t;
                }
            }
        }
        throw new IllegalStateException("unreachable: a fault was seen but not found");
    }

    public NumericFault fault(double[] out, int at, String path) {
        int n = compiled.years();
        int i = at / n;
        int t = at % n;
        return new NumericFault(compiled.scenario().id(), compiled.outputs().get(i).id(), compiled.baseYear() + t,
                out[rows[i] * n + t], path);
    }
}
