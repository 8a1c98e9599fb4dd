package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.model.VariableInfo;

/** Finds the first value on a kernel path that is not a valid result: NaN, infinite, or a negative level. */
public final class PathCheck {
    private final CompiledScenario compiled;
    private final boolean[] mayBeNegative;
    private final boolean[] baseYearUndefined;

    public PathCheck(CompiledScenario compiled) {
        this.compiled = compiled;
        int k = compiled.outputs().size();
        mayBeNegative = new boolean[k];
        baseYearUndefined = new boolean[k];
        for (int i = 0; i < k; i++) {
            VariableInfo v = compiled.outputs().get(i);
            mayBeNegative[i] = v.id().endsWith("_growth") || v.unit().equals("pp");
            baseYearUndefined[i] = v.unit().equals("pp");
        }
    }

    /** Index of the first faulty output value as {@code output * years + t}, or -1 when the path is clean. */
    public int firstFault(double[] out) {
        int n = compiled.years();
        for (int i = 0; i < mayBeNegative.length; i++) {
            int row = compiled.outputRow(i) * n;
            for (int t = baseYearUndefined[i] ? 1 : 0; t < n; t++) {
                double v = out[row + t];
                if (!(v >= 0) && !(mayBeNegative[i] && Double.isFinite(v)) || v == Double.POSITIVE_INFINITY) {
                    return i * n + t;
                }
            }
        }
        return -1;
    }

    public NumericFault fault(double[] out, int at, String path) {
        int n = compiled.years();
        int i = at / n;
        int t = at % n;
        return new NumericFault(compiled.scenario().id(), compiled.outputs().get(i).id(), compiled.baseYear() + t,
                out[compiled.outputRow(i) * n + t], path);
    }
}
