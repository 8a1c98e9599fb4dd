package io.plansim.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.model.Basis;
import io.plansim.scenario.Source;
import io.plansim.target.Comparator;
import io.plansim.target.Target;
import io.plansim.target.TargetKind;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import io.plansim.verdict.VerdictRules;
import org.junit.jupiter.api.Test;

/** A gap is stated in the target's unit, and a gap between two rates or two shares in percentage points. */
class GapWordsTest {
    private static TargetVerdict judged(TargetKind kind, String unit, double value, double central) {
        Target t = new Target("x", "p", "m", "m", "指标", 2020, kind, Comparator.GE, value, Double.NaN, Double.NaN,
                kind == TargetKind.GROWTH ? 2015 : 0, unit, Basis.NONE, "unspecified", new Source("f.txt", 1, "q", null, null), null);
        return new TargetVerdict(t, central, VerdictRules.gap(t, central), VerdictRules.gapPercent(t, central), Double.NaN,
                Double.NaN, 0, central, central >= value, central >= value ? Verdict.MET : Verdict.MISSED, null);
    }

    @Test
    void aShareIsShortByPointsNotPercent() {
        // yiwu13.urbanization_rate.2020: 79.67% against >= 80% printed "short by 0.33 % (0.4%)", zh "差 0.33 % (0.4%)"
        TargetVerdict share = judged(TargetKind.SHARE, "%", 80, 79.67);
        assertEquals("short by 0.33 points (0.4%)", VerdictTables.gapWords(share, false));
        assertEquals("差 0.33 个百分点 (0.4%)", VerdictTables.gapWords(share, true));
        assertEquals("ahead by 0.0500 points (2.0%)", VerdictTables.gapWords(judged(TargetKind.LEVEL, "%", 2.5, 2.55), false));
    }

    @Test
    void ratesStayInPointsAndLevelsInTheirUnit() {
        assertEquals("short by 1.40 points", VerdictTables.gapWords(judged(TargetKind.GROWTH, "%", 7.5, 6.1), false));
        assertEquals("ahead by 125.0 亿元 (6.3%)", VerdictTables.gapWords(judged(TargetKind.LEVEL, "亿元", 2000, 2125), false));
    }
}
