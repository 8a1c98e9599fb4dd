package io.plansim.runner;

/**
 * A projection produced a number that cannot be a result (NaN, infinity, a negative level). It names the
 * variable, the year and, under Monte Carlo, the path, so the run can be replayed.
 */
public final class NumericFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String variable;
    private final int year;
    private final double value;

    public NumericFault(String scenario, String variable, int year, double value, String path) {
        super("numeric fault in scenario " + scenario + ": " + variable + " in " + year + " is " + value
                + (path == null ? "" : " on " + path)
                + " (check the drivers that feed it; a level must stay finite and non-negative)");
        this.variable = variable;
        this.year = year;
        this.value = value;
    }

    public String variable() {
        return variable;
    }

    public int year() {
        return year;
    }

    public double value() {
        return value;
    }
}
