package io.plansim.evaluation;

import java.util.function.DoubleUnaryOperator;

/** Golden-section search for the minimum of a unimodal function on an interval (the fits' one optimizer). */
final class GoldenSection {
    private GoldenSection() {
    }

    /** The x in [a, b] minimizing f, to within {@code tolerance}. */
    static double minimize(DoubleUnaryOperator f, double a, double b, double tolerance) {
        final double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        while (b - a > tolerance) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        return (a + b) / 2;
    }
}
