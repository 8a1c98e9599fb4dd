package io.plansim.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** How numbers read in terminal tables and JSON, the same in every command. */
public final class Format {
    private Format() {
    }

    /** Significant digits by magnitude: 1486, 82.8, 2.55, 0.0261; "-" for an undefined value. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1 || v == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** How many significant digits {@link #noiseFree} keeps. */
    public static final int SIGNIFICANT_DIGITS = 12;
    private static final java.math.MathContext SIGNIFICANT = new java.math.MathContext(SIGNIFICANT_DIGITS);

    /**
     * {@code v} to {@value #SIGNIFICANT_DIGITS} significant digits: the binary noise of decimal arithmetic goes
     * (0.21000000000000002 from 0.2 + 0.01 is 0.21, a difference of two shares 0.6575 - 0.659 is -0.0015, not
     * -0.0015000000000000568), every digit a figure can mean stays. Zero is 0.0 (not -0.0); not finite: as it is.
     */
    public static double noiseFree(double v) {
        if (v == 0) {
            return 0.0;
        }
        if (!Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(SIGNIFICANT).doubleValue();
    }

    /** Puts a number, or null when it is undefined (JSON has no NaN). */
    public static void json(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /** One CSV line, cells with a comma, quote or line break quoted (RFC 4180), ending in a line break. */
    public static String csvRow(java.util.List<String> cells) {
        return io.plansim.model.Csv.row(cells);
    }
}
