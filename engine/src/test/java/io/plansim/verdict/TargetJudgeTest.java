package io.plansim.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.model.Basis;
import io.plansim.model.VariableInfo;
import io.plansim.runner.Projection;
import io.plansim.scenario.InputException;
import io.plansim.target.History;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target outcomes are judged on each path against that same path; verdict thresholds behave as documented. */
class TargetJudgeTest {
    private static final String CATALOG = """
            targets:
              - {id: gdp.2035, plan: p, metric: gdp, year: 2035, kind: level, comparator: ">", value: 4000, unit: 亿元, basis: nominal,
                 source: {file: f.txt, line: 1, quote: q}}
              - {id: gdp.double, plan: p, metric: gdp, year: 2035, kind: change, from: 2025, comparator: ">=", value: 100, unit: "%",
                 basis: nominal, source: {file: f.txt, line: 1, quote: q}}
              - {id: intensity.2025, plan: p, metric: ei, year: 2025, kind: change, from: 2020, comparator: "<=", value: -16, unit: "%",
                 basis: real, source: {file: f.txt, line: 1, quote: q}}
              - {id: growth, plan: p, metric: gdp, year: 2025, kind: growth, from: 2020, comparator: about, value: 7, tolerance: 0.5,
                 unit: "%", basis: real, source: {file: f.txt, line: 1, quote: q}}
              - {id: jobs, plan: p, metric: jobs, year: 2022, kind: cumulative, from: 2019, comparator: ">=", value: 10, unit: 万人,
                 basis: none, source: {file: f.txt, line: 1, quote: q}}
            """;

    private static Projection path(double[] gdp, double[] ei, double[] jobs) {
        int[] years = new int[16];
        for (int i = 0; i < 16; i++) {
            years[i] = 2020 + i;
        }
        return new Projection("s", "s", years, List.of(
                new VariableInfo("gdp", "GDP", "地区生产总值", "亿元", Basis.NOMINAL),
                new VariableInfo("ei", "Energy intensity", "单位GDP能耗", "吨标准煤/万元", Basis.REAL),
                new VariableInfo("jobs", "New jobs", "新增就业", "万人", Basis.NONE)), new double[][] {gdp, ei, jobs});
    }

    private static double[] geometric(double start, double growth) {
        double[] v = new double[16];
        for (int i = 0; i < 16; i++) {
            v[i] = start * Math.pow(1 + growth, i);
        }
        return v;
    }

    @Test
    void doublingIsJudgedAgainstTheSamePathsOwn2025() {
        TargetCatalog c = TargetCatalog.parse("t.yaml", CATALOG);
        Target doubling = c.byId("gdp.double");
        // a path growing 7.2% a year doubles in ten years whatever its level
        double[] low = geometric(1000, 0.072);
        double[] high = geometric(3000, 0.072);
        double[] flatLate = geometric(3000, 0.072);
        for (int i = 6; i < 16; i++) {
            flatLate[i] = flatLate[5] * (1 + 0.05 * (i - 5) / 10.0);
        }
        History h = History.empty();
        double x = Math.pow(1.072, 10) * 100 - 100;
        assertEquals(x, TargetJudge.judge(doubling, path(low, low, low), h).central(), 1e-9);
        assertEquals(x, TargetJudge.judge(doubling, path(high, high, high), h).central(), 1e-9);
        assertTrue(TargetJudge.judge(doubling, path(low, low, low), h).target().metBy(x));
        assertEquals(5.0, TargetJudge.judge(doubling, path(flatLate, low, low), h).central(), 1e-9);
        // the level target, by contrast, depends on the level
        assertEquals(Verdict.OFF_TRACK, TargetJudge.judge(c.byId("gdp.2035"), path(low, low, low), h).verdict());
        assertEquals(Verdict.ON_TRACK, TargetJudge.judge(c.byId("gdp.2035"), path(high, high, high), h).verdict());
    }

    @Test
    void intensityCutIsMeasuredAgainstTheSamePathsBaseYear() {
        Target t = TargetCatalog.parse("t.yaml", CATALOG).byId("intensity.2025");
        double[] ei = geometric(0.5, -0.04);  // -18.5% over five years
        TargetVerdict v = TargetJudge.judge(t, path(geometric(1, 0), ei, ei), History.empty());
        assertEquals(100 * (Math.pow(0.96, 5) - 1), v.central(), 1e-9);
        assertEquals(Verdict.ON_TRACK, v.verdict());
        double[] slow = geometric(0.9, -0.03);  // -14.1%: a ceiling missed by 1.9 points
        assertEquals(Verdict.OFF_TRACK, TargetJudge.judge(t, path(geometric(1, 0), slow, slow), History.empty()).verdict());
        double[] close = geometric(0.9, -0.0335); // -15.7%: within a point
        assertEquals(Verdict.AT_RISK, TargetJudge.judge(t, path(geometric(1, 0), close, close), History.empty()).verdict());
    }

    @Test
    void requiredGrowthIsTheClosedFormRateFromTheLatestActual() {
        Target t = TargetCatalog.parse("t.yaml", CATALOG).byId("gdp.2035");
        TargetVerdict v = TargetJudge.judge(t, path(geometric(1485.6, 0.05), geometric(1, 0), geometric(1, 0)), History.empty());
        assertEquals(100 * (Math.pow(4000 / 1485.6, 1.0 / 15) - 1), v.requiredGrowth(), 1e-9);
        assertEquals(5.0, v.scenarioGrowth(), 1e-9);
        assertEquals(1485.6 * Math.pow(1.05, 15) - 4000, v.gap(), 1e-9); // a floor: ahead by central - target
        assertEquals(100 * (1485.6 * Math.pow(1.05, 15) - 4000) / 4000, v.gapPercent(), 1e-9);
    }

    @Test
    void gapIsAheadPositiveInTheTargetsOwnDirection() {
        TargetCatalog c = TargetCatalog.parse("t.yaml", CATALOG);
        Target ceiling = c.byId("intensity.2025"); // <= -16 %: a cut of 18.5% is ahead by 2.5 points
        assertEquals(2.5, VerdictRules.gap(ceiling, -18.5), 1e-12);
        assertEquals(-1.9, VerdictRules.gap(ceiling, -14.1), 1e-12);
        assertTrue(Double.isNaN(VerdictRules.gapPercent(ceiling, -18.5)), "a rate's gap is in points only");
        Target floor = c.byId("gdp.2035"); // > 4000: 3800 is short by 200, 5% of the target
        assertEquals(-200, VerdictRules.gap(floor, 3800), 1e-9);
        assertEquals(-5, VerdictRules.gapPercent(floor, 3800), 1e-9);
        Target about = c.byId("growth"); // about 7 +- 0.5: measured from 6.5
        assertEquals(0.1, VerdictRules.gap(about, 6.6), 1e-9);
    }

    /** A central figure exactly 2% beyond a level target is on track, though its margin is 1.999999999999993% in binary. */
    @Test
    void aMarginOnTheThresholdIsOnIt() {
        Target share = TargetCatalog.parse("t.yaml", "targets:\n  - {id: rd, plan: p, metric: rd_share, year: 2025, kind: level, "
                + "comparator: '>=', value: 2.5, unit: \"%\", basis: none, source: {file: f, line: 1, quote: q}}\n").targets().get(0);
        assertTrue(VerdictRules.margin(share, 2.55) < VerdictRules.LEVEL_ON_TRACK, "the binary margin falls short of 2%");
        assertEquals(io.plansim.verdict.Verdict.ON_TRACK, VerdictRules.fromCentral(share, 2.55));
        assertEquals(io.plansim.verdict.Verdict.AT_RISK, VerdictRules.fromCentral(share, 2.5499));
    }

    @Test
    void aboutIsMetFromTheValueLessItsTolerance() {
        Target t = TargetCatalog.parse("t.yaml", CATALOG).byId("growth");
        assertTrue(t.metBy(6.6));
        assertTrue(t.metBy(9.0));
        assertFalse(t.metBy(6.4));
        // a cut of about 18%: cutting 29% meets it, cutting 17% (within 0.5 points) too, 17.4% does not
        Target cut = TargetCatalog.parse("t.yaml", "targets:\n  - {id: c, plan: p, metric: ei, year: 2015, kind: change, from: 2010, "
                + "comparator: about, value: -18, tolerance: 0.5, unit: \"%\", basis: real, source: {file: f, line: 1, quote: q}}\n").targets().get(0);
        assertTrue(cut.upperBound());
        assertTrue(cut.metBy(-29.1));
        assertTrue(cut.metBy(-17.6));
        assertFalse(cut.metBy(-17.4));
    }

    /**
     * A change against a year before the base is measured from an actual on the path's basis: a current-price
     * figure of 2018 cannot stand behind an energy-intensity path at constant prices (the target is then not
     * evaluable, with the reason), while a constant-price one can. Made-up figures.
     */
    @Test
    void aPathAtConstantPricesIsNotContinuedByACurrentPriceActual() {
        Target cut = TargetCatalog.parse("t.yaml", "targets:\n  - {id: c, plan: p, metric: ei, year: 2025, kind: change, from: 2018, "
                + "comparator: \"<=\", value: -16, unit: \"%\", basis: real, source: {file: f, line: 1, quote: q}}\n").targets().get(0);
        String header = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n";
        Projection p = path(geometric(1000, 0.05), geometric(0.5, -0.03), geometric(1, 0));
        TargetVerdict nominal = TargetJudge.judge(cut, p, History.parse("h.csv", header + "X,2018,ei,0.55,吨标准煤/万元,nominal,used,f,1,q,made up\n"));
        assertEquals(Verdict.NOT_EVALUABLE, nominal.verdict());
        assertTrue(nominal.reason().english().contains("at constant prices"), nominal.reason().english());
        TargetVerdict real = TargetJudge.judge(cut, p, History.parse("h.csv", header + "X,2018,ei,0.55,吨标准煤/万元,real,used,f,1,q,made up\n"));
        assertEquals(100 * (0.5 * Math.pow(0.97, 5) / 0.55 - 1), real.central(), 1e-9);
    }

    @Test
    void pastTargetsAreJudgedOnActualsAndSumsReachIntoHistory() {
        TargetCatalog c = TargetCatalog.parse("t.yaml", CATALOG);
        History h = History.parse("h.csv", """
                region,year,metric,value,unit,basis,status,source_file,source_line,quote,note
                X,2019,jobs,3,万人,none,used,f.txt,1,q,
                X,2018,jobs,9,万人,none,used,f.txt,1,q,
                """);
        double[] jobs = geometric(2.5, 0);
        TargetVerdict v = TargetJudge.judge(c.byId("jobs"), path(geometric(1, 0), geometric(1, 0), jobs), h);
        assertEquals(3 + 2.5 * 3, v.central(), 1e-12);   // 2019 actual + 2020..2022 on the path
        assertEquals(Verdict.ON_TRACK, v.verdict());
    }

    /**
     * A sum is an actual only when every year of it is known or its total is recorded: Jinhua's 2011-2015 investment
     * was "actual" 5758 (four model years and the 2015 actual; 6785 recorded), and "not evaluable" from a 2015 base.
     */
    @Test
    void aSumIsKnownFromItsRecordedTotalOrEveryYearNeverFromModelYears() {
        TargetCatalog c = TargetCatalog.parse("t.yaml", CATALOG + """
                  - {id: jobs.before, plan: p, metric: jobs, year: 2019, kind: cumulative, from: 2015, comparator: ">=", value: 10,
                     unit: 万人, basis: none, source: {file: f.txt, line: 1, quote: q}}
                """);
        String header = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n";
        Projection p = path(geometric(1, 0), geometric(1, 0), geometric(2.5, 0)); // 2.5 a year on the path from 2020
        // the window's last year alone is known: a forecast over the model years plus the known one, not an actual
        History lastYear = History.parse("h.csv", header + "X,2019,jobs,3,万人,none,used,f,1,q,\nX,2022,jobs,2,万人,none,used,f,1,q,\n");
        TargetVerdict forecast = TargetJudge.judge(c.byId("jobs"), p, lastYear);
        assertTrue(Double.isNaN(forecast.actual()), "no actual: " + forecast);
        assertEquals(null, forecast.actualMet());
        assertEquals(3 + 2.5 * 3, forecast.central(), 1e-12);
        assertEquals(Verdict.ON_TRACK, forecast.verdict());
        // the recorded total wins, after the base year as before it
        History total = History.parse("h.csv", header + "X,2022,jobs,2,万人,none,used,f,1,q,\nX,2022,jobs_cum_2019_2022,9.5,万人,none,used,f,1,q,\n"
                + "X,2019,jobs,3,万人,none,used,f,1,q,\nX,2019,jobs_cum_2015_2019,12,万人,none,used,f,1,q,\n");
        TargetVerdict known = TargetJudge.judge(c.byId("jobs"), p, total);
        assertEquals(Verdict.MISSED, known.verdict());
        assertEquals(9.5, known.actual(), 0);
        assertEquals(9.5, known.central(), 0);
        assertEquals(-0.5, known.gap(), 1e-12);
        TargetVerdict before = TargetJudge.judge(c.byId("jobs.before"), p, total);
        assertEquals(Verdict.MET, before.verdict());
        assertEquals(12, before.actual(), 0);
        // every year known: their sum is the actual
        History everyYear = History.parse("h.csv", header + "X,2015,jobs,2,万人,none,used,f,1,q,\nX,2016,jobs,2,万人,none,used,f,1,q,\n"
                + "X,2017,jobs,2,万人,none,used,f,1,q,\nX,2018,jobs,2,万人,none,used,f,1,q,\nX,2019,jobs,3,万人,none,used,f,1,q,\n");
        assertEquals(11, TargetJudge.judge(c.byId("jobs.before"), p, everyYear).actual(), 1e-12);
        // neither: not evaluable, and the reason names what would have made it known
        TargetVerdict unknown = TargetJudge.judge(c.byId("jobs.before"), p, lastYear);
        assertEquals(Verdict.NOT_EVALUABLE, unknown.verdict());
        assertTrue(unknown.reason().english().contains("neither every year of jobs from 2015 to 2019 nor their total (jobs_cum_2015_2019)"),
                unknown.reason().english());
    }

    @Test
    void catalogErrorsAreLocatedAndComplete() {
        InputException e = assertThrows(InputException.class, () -> TargetCatalog.parse("t.yaml", """
                targets:
                  - {id: a, plan: p, metric: gdp, year: 2035, kind: levle, comparator: ">", value: 1, unit: x, basis: nominal,
                     source: {file: f, line: 1, quote: q}}
                  - {id: a, plan: p, metric: gdp, year: 2035, kind: level, comparator: "=>", value: 1, unit: x, basis: nominal,
                     source: {file: f, line: 1, quote: q}}
                """));
        String m = e.getMessage();
        assertTrue(m.contains("t.yaml:2:") && m.contains("did you mean 'level'"), m);
        assertTrue(m.contains("duplicate id 'a'"), m);
        assertTrue(m.contains("allowed: >=, >, <=, <, about, between"), m);
    }
}
