package io.plansim.target;

/**
 * How a target's value is to be met. {@code ABOUT} (左右) is met once the outcome reaches the value less
 * its tolerance: plans use 左右 as a soft floor, so overshooting is not a miss; for a cut (a negative
 * value, "下降18%左右") it is a soft ceiling, met by cutting at least the value less the tolerance. {@code BETWEEN} keeps both
 * ends of a range (4880-5000亿元).
 */
public enum Comparator {
    GE(">="), GT(">"), LE("<="), LT("<"), ABOUT("about"), BETWEEN("between");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Comparator of(String symbol) {
        for (Comparator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }

    /** True when the target asks the outcome to stay low (an intensity ceiling). */
    public boolean upperBound() {
        return this == LE || this == LT;
    }
}
