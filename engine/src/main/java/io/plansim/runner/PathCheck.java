package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.model.VariableInfo;

/**
 * Finds the first value on a kernel path that is not a valid result: NaN, infinite, or a negative level.
 * Immutable once built, so one check serves every thread of a run.
 */
public final class PathCheck {
    private final CompiledScenario compiled;
    /** Per output: the smallest valid value (0 for levels, -infinity for growth rates and growth-accounting contributions). */
    private final double[] lowest;
    /** Per output: the first year checked (1 for growth-accounting contributions, which have no base-year value). */
    private final int[] firstYear;
    private final int[] rows;
    /**
     * Per kernel value (row x years + t): the bits of the top 12 (sign, exponent) that must not be all set,
     * 0xFFF for a level, 0x7FF for a rate (sign ignored), 0 for a value not checked.
     */
    private final long[] masks;

    public PathCheck(CompiledScenario compiled) {
        this.compiled = compiled;
        int k = compiled.outputs().size();
        lowest = new double[k];
        firstYear = new int[k];
        rows = compiled.outputRows();
        for (int i = 0; i < k; i++) {
            VariableInfo v = compiled.outputs().get(i);
            boolean mayBeNegative = v.mayBeNegative();
            lowest[i] = mayBeNegative ? Double.NEGATIVE_INFINITY : 0;
            firstYear[i] = v.changeFromYearBefore() ? 1 : 0;
        }
        int n = compiled.years();
        masks = new long[compiled.rows() * n];
        for (int i = 0; i < k; i++) {
            for (int t = firstYear[i]; t < n; t++) {
                masks[rows[i] * n + t] = lowest[i] == 0 ? 0xFFF : 0x7FF;
            }
        }
    }

    /** Index of the first faulty output value as {@code output * years + t}, or -1 when the path is clean. */
    public int firstFault(double[] out) {
        // A first scan on the bits, one loop over the whole buffer without branches: the top 12 bits (sign and
        // exponent) of a valid level lie in [0, 0x7FE], of a valid rate in [0, 0x7FE] once the sign is masked
        // off; 0x7FF is NaN or infinity. Adding 1 and shifting by 11 leaves 0 exactly for valid values (and for
        // values not checked, whose mask is 0). Only a path this flags is searched again, value by value, for
        // where it went wrong (-0.0 is flagged here, and then found valid).
        long flagged = 0;
        for (int k = 0; k < masks.length; k++) {
            flagged |= ((Double.doubleToRawLongBits(out[k]) >>> 52 & masks[k]) + 1) >>> 11;
        }
        if (flagged == 0) {
            return -1;
        }
        int n = compiled.years();
        for (int i = 0; i < rows.length; i++) {
            int at = rows[i] * n;
            for (int t = firstYear[i]; t < n; t++) {
                double v = out[at + t];
                if (!(v >= lowest[i] && Math.abs(v) < Double.POSITIVE_INFINITY)) {
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
        return new NumericFault(compiled.runId(), compiled.outputs().get(i).id(), compiled.baseYear() + t,
                out[rows[i] * n + t], path);
    }
}
