package io.plansim.evaluation;

import io.plansim.aggregate.McResult;
import io.plansim.backtest.Backtest;
import io.plansim.backtest.BacktestRow;

/**
 * The regions' backtests scored like the panel: every row not across a statistical break adds plansim's PIT and
 * CRPS at its horizon (years after the origin), with the CRPS relative to the actual (CRPS / |actual|, a
 * fraction, close to log points for small errors); the drift and plan forecasts of {@link Backtest} are point
 * forecasts, whose CRPS is the absolute error and whose PIT is 0 or 1 (1/2 on a tie). A plansim row the scenario
 * holds fixed (p05 = p95) is scored as a point forecast too, so it never counts as covered.
 */
public final class RegionScores {
    /** Variable name of the pooled region rows in the scorecard. */
    public static final String VARIABLE = "region_rows";

    private RegionScores() {
    }

    public static void add(Scorecard card, McResult mc, Backtest.Result result) {
        int origin = mc.years()[0];
        for (BacktestRow r : result.rows()) {
            if (r.acrossBreak()) {
                continue;
            }
            int t = r.year() - origin;
            double y = r.actual();
            double scale = Math.abs(y);
            double pit = pit(mc, r);
            card.add("plansim", VARIABLE, t, pit, r.crps() / scale);
            if (Double.isFinite(r.driftForecast())) {
                card.add("drift-5", VARIABLE, t, step(r.driftForecast(), y), Math.abs(r.driftError()) / scale);
            }
            if (Double.isFinite(r.planForecast())) {
                card.add("plan", VARIABLE, t, step(r.planForecast(), y), Math.abs(r.planError()) / scale);
            }
        }
    }

    /** plansim's PIT of a backtest row: its Monte Carlo distribution function at the actual, a step when held fixed. */
    static double pit(McResult mc, BacktestRow r) {
        return r.hasSpread() ? cdf(mc, mc.variableIndex(r.metric()), r.year() - mc.years()[0], r.actual()) : step(r.quantiles()[3], r.actual());
    }

    /** The PIT of a point forecast: its distribution function is a step at the forecast. */
    static double step(double forecast, double y) {
        return y > forecast ? 1 : y < forecast ? 0 : 0.5;
    }

    /**
     * The forecast distribution function at y, from the Monte Carlo's quantile function by bisection on the level:
     * the largest tau with q(tau) &lt;= y, to 1e-6.
     */
    static double cdf(McResult mc, int v, int t, double y) {
        double lo = 0;
        double hi = 1;
        if (y < mc.quantile(v, t, 1e-6)) {
            return 0;
        }
        if (y >= mc.quantile(v, t, 1 - 1e-6)) {
            return 1;
        }
        while (hi - lo > 1e-6) {
            double mid = (lo + hi) / 2;
            if (mc.quantile(v, t, mid) <= y) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
