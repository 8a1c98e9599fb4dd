package io.plansim.target;

import java.util.function.IntToDoubleFunction;

/**
 * A target's outcome on a series, in the target's own terms: the level (LEVEL, SHARE), the average annual
 * growth in % (GROWTH), the % change against the reference year (CHANGE), or the sum (CUMULATIVE).
 * The series is any year -> value function, so the same rule judges a projected path and the actuals.
 * NaN when a needed year has no value.
 */
public final class TargetOutcome {
    private TargetOutcome() {
    }

    public static double of(Target t, IntToDoubleFunction valueAt) {
        double end = valueAt.applyAsDouble(t.year());
        return switch (t.kind()) {
            case LEVEL, SHARE -> end;
            case GROWTH -> 100 * (Math.pow(end / valueAt.applyAsDouble(t.from()), 1.0 / (t.year() - t.from())) - 1);
            case CHANGE -> 100 * (end / valueAt.applyAsDouble(t.from()) - 1);
            case CUMULATIVE -> {
                double sum = 0;
                for (int y = t.from(); y <= t.year(); y++) {
                    sum += valueAt.applyAsDouble(y);
                }
                yield sum;
            }
        };
    }

    /**
     * The annual growth in % that takes a series from {@code start} in {@code startYear} to an outcome
     * {@code outcome} of the target: for levels and shares the compound rate to that level; for a growth
     * target the rate itself; for a change target the rate that compounds to that change. NaN for sums.
     */
    public static double annualGrowthTo(Target t, double outcome, double start, int startYear) {
        return switch (t.kind()) {
            case LEVEL, SHARE -> t.year() > startYear
                    ? 100 * (Math.pow(outcome / start, 1.0 / (t.year() - startYear)) - 1) : Double.NaN;
            case GROWTH -> outcome;
            case CHANGE -> 100 * (Math.pow(1 + outcome / 100, 1.0 / (t.year() - t.from())) - 1);
            case CUMULATIVE -> Double.NaN;
        };
    }
}
