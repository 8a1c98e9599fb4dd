package io.plansim.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.McResult;
import io.plansim.aggregate.Moments;
import io.plansim.aggregate.Quantiles;
import io.plansim.model.Basis;
import io.plansim.model.VariableInfo;
import io.plansim.target.Comparator;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import io.plansim.target.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows and targets across a declared statistical break are shown and flagged, and left out of the headline
 * scores; {@link Backtest.Result#all()} keeps them. A synthetic forecast: every variable in every year is
 * uniform on 0..1000 (1001 paths, exact percentiles: p25 = 250, p50 = 500, p75 = 750, p05 = 50, p95 = 950).
 */
class BacktestBreaksTest {
    private static final int PATHS = 1001;

    private static McResult uniformForecast(List<Target> targets, long[] met) {
        int[] years = {2015, 2016, 2017};
        List<VariableInfo> variables = List.of(new VariableInfo("gdp_nominal", "GDP", "GDP", "亿元", Basis.NOMINAL),
                new VariableInfo("population", "Residents", "常住人口", "万人", Basis.NONE));
        int size = variables.size() * years.length;
        Quantiles q = Quantiles.create(size, PATHS);
        double[] batch = new double[PATHS * size];
        long[] paths = new long[PATHS];
        for (int l = 0; l < PATHS; l++) {
            paths[l] = l;
            for (int i = 0; i < size; i++) {
                batch[l * size + i] = l;
            }
        }
        q.addBatch(batch, PATHS, paths);
        return new McResult("synthetic", 1, "test", years, variables, new Moments(size), q, targets, met, 1000, 0, -1, null);
    }

    private static HistoryRecord actual(String metric, int year, double value) {
        return new HistoryRecord("Testland", year, metric, value, "-", "none", "used", null, 0);
    }

    private static Target atLeast(String metric, int year, double value) {
        return new Target("t." + metric + "." + year, "t", metric, metric, metric, year, TargetKind.LEVEL, Comparator.GE,
                value, Double.NaN, Double.NaN, 0, "-", Basis.NONE, "expected", null, null);
    }

    @Test
    void rowsAndTargetsAcrossABreakAreFlaggedAndLeftOutOfTheHeadlineScores() {
        // GDP 2016 = 500: inside every interval; GDP 2017 = 120: outside the 50% interval, inside 80 and 90.
        // Residents 2016 = 2000 and 2017 = 980: outside every interval (the break).
        History history = new History(List.of(actual("gdp_nominal", 2016, 500), actual("gdp_nominal", 2017, 120),
                actual("population", 2016, 2000), actual("population", 2017, 980)));
        // GDP >= 100 in 2017 (met, P 0.8: Brier 0.04); residents >= 900 in 2017 (met, P 0.3: Brier 0.49).
        List<Target> targets = List.of(atLeast("gdp_nominal", 2017, 100), atLeast("population", 2017, 900));
        TargetCatalog catalog = new TargetCatalog("targets.yaml", targets);
        McResult mc = uniformForecast(targets, new long[] {800, 300});
        String reason = "the 2020 actual is a census count";

        Backtest.Result r = Backtest.score(mc, history, catalog, 2017, Map.of("population", reason));

        assertEquals(4, r.rows().size(), "rows across the break are still shown");
        for (BacktestRow row : r.rows()) {
            assertEquals(row.metric().equals("population"), row.acrossBreak(), row.metric());
            assertEquals(row.metric().equals("population") ? reason : null, row.breakReason());
        }
        assertEquals(2, r.rowsAcrossBreak().size());
        assertEquals(List.of("t.population.2017"), r.targetsAcrossBreak().stream().map(t -> t.target().id()).toList());
        assertEquals(reason, r.targetsAcrossBreak().get(0).breakReason());

        Backtest.Summary scored = r.scored();
        assertEquals(2, scored.rows());
        assertEquals(2, scored.spreadRows());
        assertEquals(0.5, scored.coverage(50), 1e-12);
        assertEquals(1.0, scored.coverage(80), 1e-12);
        assertEquals(1.0, scored.coverage(90), 1e-12);
        assertEquals(1, scored.targets());
        assertEquals(0.04, scored.brier(), 1e-12);
        // the plan's forecast of GDP 2017 is its 100 target: plansim errs by 380/120, the plan by 20/120
        assertEquals(1 - 380.0 / 20, scored.skillVsPlan(), 1e-9);
        assertTrue(Double.isNaN(scored.skillVsDrift()), "no actual at the origin: no drift forecast");
        assertEquals((Scores.crps(tau -> 1000 * tau, 500) / 500 + Scores.crps(tau -> 1000 * tau, 120) / 120) / 2,
                scored.meanRelativeCrps(), 1e-9);

        Backtest.Summary all = r.all();
        assertEquals(4, all.rows());
        assertEquals(0.25, all.coverage(50), 1e-12);
        assertEquals(0.5, all.coverage(80), 1e-12);
        assertEquals(0.5, all.coverage(90), 1e-12);
        assertEquals(2, all.targets());
        assertEquals((0.04 + 0.49) / 2, all.brier(), 1e-12);
        assertEquals(1 - (380.0 / 120 + 480.0 / 980) / (20.0 / 120 + 80.0 / 980), all.skillVsPlan(), 1e-9);
    }

    @Test
    void withoutDeclaredBreaksBothSummariesAgree() {
        History history = new History(List.of(actual("gdp_nominal", 2016, 500), actual("population", 2017, 980)));
        List<Target> targets = List.of(atLeast("population", 2017, 900));
        McResult mc = uniformForecast(targets, new long[] {300});

        Backtest.Result r = Backtest.score(mc, history, new TargetCatalog("targets.yaml", targets), 2017, Map.of());

        assertTrue(r.rows().stream().noneMatch(BacktestRow::acrossBreak));
        assertFalse(r.targets().get(0).acrossBreak());
        assertNull(r.targets().get(0).breakReason());
        assertEquals(r.all(), r.scored());
        assertEquals(0.5, r.scored().coverage(90), 1e-12);
        assertEquals(0.49, r.scored().brier(), 1e-12);
    }
}
