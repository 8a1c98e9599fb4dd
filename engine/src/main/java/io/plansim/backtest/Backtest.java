package io.plansim.backtest;

import io.plansim.aggregate.McResult;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import io.plansim.target.TargetKind;
import io.plansim.target.TargetOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a Monte Carlo forecast made at its origin (the scenario's base year) against the actuals that
 * followed, and against two naive forecasters: the plan itself (its level targets, or its growth targets
 * compounded from the origin's actual, taken as forecasts) and drift (the average growth of the five
 * years before the origin carried forward).
 */
public final class Backtest {
    private Backtest() {
    }

    /**
     * The rows and targets of a backtest. Rows and targets whose metric the scenario declares to be across a
     * statistical break ({@code backtest: breaks:}) are kept and flagged; {@link #scored()} leaves them out,
     * {@link #all()} gives the same figures with them.
     */
    public record Result(List<BacktestRow> rows, List<TargetOutcomeCheck> targets) {
        public Result {
            rows = List.copyOf(rows);
            targets = List.copyOf(targets);
        }

        /** The scores over the rows and targets not across a statistical break. */
        public Summary scored() {
            return Summary.of(rows.stream().filter(r -> !r.acrossBreak()).toList(),
                    targets.stream().filter(t -> !t.acrossBreak()).toList());
        }

        /** The same scores over every row and target, those across a break included. */
        public Summary all() {
            return Summary.of(rows, targets);
        }

        public List<BacktestRow> rowsAcrossBreak() {
            return rows.stream().filter(BacktestRow::acrossBreak).toList();
        }

        public List<TargetOutcomeCheck> targetsAcrossBreak() {
            return targets.stream().filter(TargetOutcomeCheck::acrossBreak).toList();
        }
    }

    /**
     * Scores over a set of rows and targets.
     *
     * @param rows        the rows scored
     * @param spreadRows  those with a forecast spread, over which coverage is taken: a variable the scenario
     *                    holds fixed (p05 = p95) is a point forecast, which no interval can cover, so it is
     *                    scored by its error and CRPS only
     * @param coverage50  share of those actuals inside the central 50% interval (likewise 80, 90)
     * @param skillVsPlan 1 - MAPE(plansim) / MAPE(plan) over the rows where the plan has a forecast
     * @param skillVsDrift the same against drift
     * @param meanRelativeCrps the mean over the rows of CRPS / |actual|
     * @param targets     the targets scored
     * @param brier       the mean of their (P - o)^2
     */
    public record Summary(int rows, int spreadRows, double coverage50, double coverage80, double coverage90,
                          double skillVsPlan, double skillVsDrift, double meanRelativeCrps, int targets, double brier) {

        static Summary of(List<BacktestRow> rows, List<TargetOutcomeCheck> targets) {
            List<BacktestRow> spread = rows.stream().filter(BacktestRow::hasSpread).toList();
            return new Summary(rows.size(), spread.size(), share(spread, BacktestRow::in50), share(spread, BacktestRow::in80),
                    share(spread, BacktestRow::in90), skill(rows, BacktestRow::planForecast),
                    skill(rows, BacktestRow::driftForecast),
                    rows.stream().mapToDouble(r -> r.crps() / Math.abs(r.actual())).average().orElse(Double.NaN),
                    targets.size(), targets.stream().mapToDouble(TargetOutcomeCheck::brier).average().orElse(Double.NaN));
        }

        /** Coverage of the central interval of the given level: 50, 80 or 90. */
        public double coverage(int level) {
            return switch (level) {
                case 50 -> coverage50;
                case 80 -> coverage80;
                case 90 -> coverage90;
                default -> throw new IllegalArgumentException("coverage level " + level + ": 50, 80 or 90");
            };
        }

        private static double share(List<BacktestRow> rows, java.util.function.Predicate<BacktestRow> in) {
            return rows.stream().mapToDouble(r -> in.test(r) ? 1 : 0).average().orElse(Double.NaN);
        }

        /** 1 - MAPE(plansim) / MAPE(naive) over the rows where the naive forecaster has a forecast. */
        private static double skill(List<BacktestRow> rows, java.util.function.ToDoubleFunction<BacktestRow> naiveOf) {
            double ours = 0;
            double theirs = 0;
            for (BacktestRow r : rows) {
                double naive = naiveOf.applyAsDouble(r);
                if (Double.isFinite(naive)) {
                    ours += Math.abs(r.error() / r.actual());
                    theirs += Math.abs((naive - r.actual()) / r.actual());
                }
            }
            return theirs > 0 ? 1 - ours / theirs : Double.NaN;
        }
    }

    /**
     * Scores the forecast against the history's actuals after the origin up to {@code to}, and the catalog's
     * targets whose outcome the history can compute.
     *
     * @param breaks projected metric id -> reason, for metrics whose later actuals are across a statistical
     *               break from the origin's basis: their rows and targets are flagged and left out of
     *               {@link Result#scored()}
     */
    public static Result score(McResult mc, History history, TargetCatalog catalog, int to, Map<String, String> breaks) {
        int origin = mc.years()[0];
        int last = Math.min(to, mc.years()[mc.years().length - 1]);
        List<BacktestRow> rows = new ArrayList<>();
        for (HistoryRecord a : scoredActuals(history, origin, last, m -> mc.variableIndex(m) >= 0)) {
            int v = mc.variableIndex(a.metric());
            int t = a.year() - origin;
            double[] q = new double[McResult.PERCENTILES.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = mc.quantile(v, t, McResult.PERCENTILES[i]);
            }
            double y = a.value();
            double median = q[3];
            java.util.function.DoubleUnaryOperator quantile = tau -> mc.quantile(v, t, tau);
            Optional<double[]> plan = planForecast(catalog, history, a.metric(), a.year(), origin);
            rows.add(new BacktestRow(a.metric(), mc.variables().get(v).unit(), a.year(), y, q, median - y,
                    100 * (median - y) / y, Scores.covered(quantile, 0.5, y), Scores.covered(quantile, 0.8, y),
                    Scores.covered(quantile, 0.9, y), Scores.crps(quantile, y), plan.map(p -> p[0]).orElse(Double.NaN),
                    plan.isPresent() ? catalog.targets().get((int) plan.get()[1]).id() : null,
                    drift(history, a.metric(), a.year(), origin), breaks.get(a.metric())));
        }
        rows.sort(java.util.Comparator.comparing(BacktestRow::metric).thenComparingInt(BacktestRow::year));
        List<TargetOutcomeCheck> checks = new ArrayList<>();
        for (Target t : catalog.targets()) {
            int i = mc.targetIndex(t.id());
            if (i < 0 || t.year() > last) {
                continue;
            }
            double actual = TargetOutcome.of(t, y -> history.value(t.metric(), y).orElse(Double.NaN));
            if (Double.isNaN(actual)) {
                continue;
            }
            checks.add(new TargetOutcomeCheck(t, mc.probability(i), actual, t.metBy(actual), breaks.get(t.metric())));
        }
        return new Result(rows, checks);
    }

    /**
     * The actuals a backtest from {@code origin} scores: those used, of a metric the scenario projects, after the
     * origin and up to {@code last}; growth rates are left out (their levels are scored), and so is the exchange rate
     * (an assumed driver path, {@link io.plansim.model.Variable#assumed}). Empty: nothing to score.
     */
    public static List<HistoryRecord> scoredActuals(History history, int origin, int last, java.util.function.Predicate<String> projected) {
        return history.records().stream().filter(a -> a.used() && a.year() > origin && a.year() <= last
                && !a.metric().endsWith("_growth") && !io.plansim.model.Variable.assumed(a.metric()) && projected.test(a.metric())).toList();
    }

    /** [forecast, target index] from a level target on the metric in that year, or a growth target compounded. */
    private static Optional<double[]> planForecast(TargetCatalog catalog, History history, String metric, int year, int origin) {
        for (int i = 0; i < catalog.targets().size(); i++) {
            Target t = catalog.targets().get(i);
            if (!t.metric().equals(metric) || t.year() != year) {
                continue;
            }
            if (t.kind() == TargetKind.LEVEL) {
                return Optional.of(new double[] {t.value(), i});
            }
        }
        for (int i = 0; i < catalog.targets().size(); i++) {
            Target t = catalog.targets().get(i);
            if (t.metric().equals(metric) && t.kind() == TargetKind.GROWTH && t.from() <= origin && t.year() >= year) {
                double start = history.value(metric, origin).orElse(Double.NaN);
                if (Double.isFinite(start)) {
                    return Optional.of(new double[] {start * Math.pow(1 + t.value() / 100, year - origin), i});
                }
            }
        }
        return Optional.empty();
    }

    /** The five years before the origin's average growth carried forward (or the longest earlier span recorded). */
    private static double drift(History history, String metric, int year, int origin) {
        double now = history.value(metric, origin).orElse(Double.NaN);
        for (int back = 5; back >= 1; back--) {
            double then = history.value(metric, origin - back).orElse(Double.NaN);
            if (Double.isFinite(now) && Double.isFinite(then) && then > 0) {
                return now * Math.pow(now / then, (double) (year - origin) / back);
            }
        }
        return Double.NaN;
    }
}
