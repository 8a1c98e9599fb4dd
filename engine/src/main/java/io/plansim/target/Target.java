package io.plansim.target;

import io.plansim.model.Basis;
import io.plansim.scenario.Source;

/**
 * One numeric plan target with its provenance.
 *
 * @param value     the number as stated, in {@code unit} (for BETWEEN the lower end)
 * @param high      upper end of a BETWEEN range, else NaN
 * @param tolerance +/- tolerance of an ABOUT target, else NaN
 * @param from      first year of a growth period, reference year of a change, first summed year; 0 if none
 * @param status    binding (约束性), expected (预期性) or unspecified
 */
public record Target(String id, String plan, String metric, String name, String nameZh, int year, TargetKind kind,
                     Comparator comparator, double value, double high, double tolerance, int from, String unit,
                     Basis basis, String status, Source source, String note) {

    /** Whether an outcome (in the target's own terms: a level, % growth, % change, share or sum) meets it. */
    public boolean metBy(double outcome) {
        return switch (comparator) {
            case GE -> outcome >= value;
            case GT -> outcome > value;
            case LE -> outcome <= value;
            case LT -> outcome < value;
            case ABOUT -> upperBound() ? outcome <= value + tolerance : outcome >= value - tolerance;
            case BETWEEN -> outcome >= value && outcome <= high;
        };
    }

    /** The threshold an outcome is measured against: for "about", the value less (or, for a cut, plus) the tolerance. */
    public double threshold() {
        if (comparator != Comparator.ABOUT) {
            return value;
        }
        return upperBound() ? value + tolerance : value - tolerance;
    }

    /**
     * Whether the target asks the outcome to stay low: a ceiling (<=, <), or "about" a negative change
     * or growth (a cut of about 18% is met by cutting 18% or more, within the tolerance).
     */
    public boolean upperBound() {
        return comparator.upperBound() || (comparator == Comparator.ABOUT && value < 0);
    }

    /** "GDP >= 2000 亿元 in 2025" in words, for tables. */
    public String statement() {
        String v = switch (comparator) {
            case BETWEEN -> num(value) + "-" + num(high);
            case ABOUT -> "about " + num(value) + " (±" + num(tolerance) + ")";
            default -> comparator.symbol() + " " + num(value);
        };
        String what = switch (kind) {
            case GROWTH -> "growth " + from + "-" + year + " " + v + " %/yr";
            case CHANGE -> "change vs " + from + " " + v + " %";
            case CUMULATIVE -> "sum " + from + "-" + year + " " + v + " " + unit;
            default -> v + " " + unit;
        };
        return what;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
