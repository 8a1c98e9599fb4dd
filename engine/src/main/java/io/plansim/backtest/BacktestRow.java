package io.plansim.backtest;

/**
 * One metric in one year of a backtest.
 *
 * @param quantiles   the forecast's p05, p10, p25, p50, p75, p90, p95
 * @param error       forecast median minus actual
 * @param percentError that error relative to the actual, in %
 * @param planForecast the plan's own forecast (its target taken as a forecast), NaN where it had none
 * @param driftForecast the previous period's average growth carried forward, NaN without earlier actuals
 * @param breakReason  why the actual sits across a statistical break from the origin's basis (the scenario's
 *                     {@code backtest: breaks:}), null if it does not
 */
public record BacktestRow(String metric, String unit, int year, double actual, double[] quantiles, double error,
                          double percentError, boolean in50, boolean in80, boolean in90, double crps,
                          double planForecast, String planSource, double driftForecast, String breakReason) {

    /** Whether the scenario declares this metric's actuals to be across a statistical break: shown, not scored. */
    public boolean acrossBreak() {
        return breakReason != null;
    }

    /** Whether the forecast has a spread (p05 < p95); a variable the scenario holds fixed is a point forecast. */
    public boolean hasSpread() {
        return quantiles[6] > quantiles[0];
    }

    public double planError() {
        return planForecast - actual;
    }

    public double driftError() {
        return driftForecast - actual;
    }
}
