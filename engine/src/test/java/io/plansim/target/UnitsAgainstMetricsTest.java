package io.plansim.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.model.Variable;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * History rows and targets are checked against the metrics of the scenario they are attached to: unit, basis,
 * region, sign, a share in % written as a fraction, an unknown metric (each was accepted and changed the numbers).
 */
class UnitsAgainstMetricsTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note,period\n";
    private static final Map<String, VariableInfo> MODEL = Arrays.stream(Variable.values())
            .collect(Collectors.toMap(Variable::id, Variable::info));

    private static InputProblem historyFails(String row, Set<String> alsoKnown) {
        History h = History.parse("h.csv", HEADER + row + "\n");
        InputException e = assertThrows(InputException.class, () -> h.checkedFor("Yiwu 义乌市", 2020, MODEL, alsoKnown));
        assertEquals(1, e.problems().size(), e.getMessage());
        InputProblem p = e.problems().get(0);
        assertEquals("h.csv", p.location().file());
        assertEquals(2, p.location().line());
        return p;
    }

    private static InputProblem historyFails(String row) {
        return historyFails(row, Set.of());
    }

    @Test
    void aHistoryRowMustFitTheScenariosMetric() {
        // row, field, a fragment of what is allowed
        String[][] cases = {
                {"Yiwu,2021,urbanization_rate,0.81,%,none,used,,,,x,", "value", "write 81 for 0.81"},
                {"Yiwu,2021,gdp_nominal,1700,万元,nominal,used,,,,x,", "unit", "the unit of gdp_nominal, 亿元"},
                {"Yiwu,2021,gdp_nominal,1700,亿元,real,used,,,,x,", "basis", "the basis of gdp_nominal, nominal"},
                {"Yiwu,2021,gdp_nominal,-1700,亿元,nominal,used,,,,x,", "value", "a non-negative level"},
                {"Jinhua,2021,gdp_nominal,1700,亿元,nominal,used,,,,x,", "region", "Yiwu 义乌市"},
                {"Yiwu,2021,gdp_nominl,1700,亿元,nominal,used,,,,x,", "metric", "did you mean 'gdp_nominal'"}};
        for (String[] c : cases) {
            InputProblem p = historyFails(c[0]);
            assertEquals(c[1], p.field(), p.message());
            assertTrue(p.allowed().contains(c[2]), p.message());
        }
        assertEquals("h.csv:2:1: value: found -1700; a non-negative level", historyFails(cases[3][0]).message());
    }

    @Test
    void whatAHistoryMayStillSay() {
        String rows = HEADER
                + "Yiwu,2021,gdp_real_growth,-1.5,%,real,used,,,,a fall,\n" // growth may be negative
                + "义乌市,2021,primary_share,0.9,%,nominal,used,,,,a primary share below 1%,\n" // region by either word
                + "Yiwu,2015,tertiary_share,61.9,%,none,used,,,,before the base year: the record,\n"
                + "Yiwu,2021,airport_flights,1.5,万架次,none,used,,,,a figure the region records,\n";
        History h = History.parse("h.csv", rows);
        assertSame(h, h.checkedFor("Yiwu 义乌市", 2020, MODEL, Set.of("airport_flights")));
        // the scenario's own history records metrics the model does not project: any metric there
        History own = History.parse("history.csv", HEADER + "Yiwu,2021,budget_revenue_growth,-3,%,nominal,used,,,,x,\n");
        assertSame(own, own.checkedFor("Yiwu 义乌市", 2020, MODEL, null));
    }

    @Test
    void anEmptyHistoryNamesItsFile() {
        InputException e = assertThrows(InputException.class, () -> History.parse("h.csv", ""));
        assertEquals("h.csv:1:1: header: found an empty file (no header line); a history CSV with header "
                + "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note[,period][,break]", e.getMessage());
        assertThrows(InputException.class, () -> History.parse("h.csv", "\uFEFF\n"));
    }

    /** A 2030 target on its metric's basis (nominal for a metric the model does not know). */
    private static String target(String metric, String kind, String value, String unit) {
        VariableInfo v = MODEL.get(metric);
        return target(metric, kind, value, unit, v == null ? "nominal" : v.basis().id(), 2030);
    }

    private static String target(String metric, String kind, String value, String unit, String basis, int year) {
        return """
                targets:
                - id: my.t
                  plan: my
                  metric: %s
                  year: %d
                  kind: %s
                  from: 2020
                  comparator: '>='
                  value: %s
                  unit: "%s"
                  basis: %s
                  source: {file: a.txt, line: 1, quote: q}
                """.formatted(metric, year, kind, value, unit, basis);
    }

    private static InputProblem catalogFails(String yaml) {
        InputException e = assertThrows(InputException.class, () -> TargetCatalog.parse("t.yaml", yaml).checkedFor(MODEL, Set.of(), 2020, 2035));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void aTargetMustFitItsMetric() {
        InputProblem p = catalogFails(target("gdp_nominal", "level", "3000", "万元"));
        assertEquals("targets[0].unit", p.field());
        assertEquals(10, p.location().line());
        assertTrue(p.allowed().contains("亿元"), p.message());
        p = catalogFails(target("urbanization_rate", "level", "0.83", "%"));
        assertEquals("targets[0].value", p.field());
        assertTrue(p.allowed().contains("write 83 for 0.83"), p.message());
        p = catalogFails(target("rd_share", "share", "0.83", "%"));
        assertTrue(p.allowed().contains("write 83 for 0.83"), p.message());
        p = catalogFails(target("gdp_nominal", "growth", "7", "亿元"));
        assertEquals("targets[0].unit", p.field());
        p = catalogFails(target("gdp_nominl", "level", "3000", "亿元"));
        assertEquals("targets[0].metric", p.field());
        assertEquals(4, p.location().line());
        assertTrue(p.allowed().contains("did you mean 'gdp_nominal'"), p.message());
    }

    @Test
    void aTargetOnAMetricTheScenarioDoesNotProjectStaysNotEvaluable() {
        // a backtest projects fewer satellites than the baseline its catalog also serves
        TargetCatalog c = TargetCatalog.parse("t.yaml", target("rural_income_per_capita", "level", "30000", "元"));
        Map<String, VariableInfo> withUrban = new java.util.HashMap<>(MODEL);
        withUrban.put("urban_income_per_capita", new VariableInfo("urban_income_per_capita", "u", "u", "元", io.plansim.model.Basis.NOMINAL));
        assertSame(c, c.checkedFor(withUrban, Set.of("rural_income_per_capita"), 2020, 2035));
        assertThrows(InputException.class, () -> c.checkedFor(withUrban, Set.of(), 2020, 2035), "a near miss the region does not know is a typo");
        TargetCatalog growth = TargetCatalog.parse("t.yaml", target("gdp_nominal", "growth", "0.5", "%"));
        assertSame(growth, growth.checkedFor(MODEL, Set.of(), 2020, 2035), "a growth target of 0.5% is no fraction");
    }

    /**
     * A target the scenario judges on its path is on its metric's price basis: the figure judged is the path's. A
     * share of GDP is a share of value added at current prices (nominal), real GDP growth is real; a target up to the
     * base year (judged on the actual) or after the horizon is not judged on the path and not held to it.
     */
    @Test
    void aTargetJudgedOnThePathIsOnItsMetricsBasis() {
        InputProblem p = catalogFails(target("tertiary_share", "share", "53", "%", "none", 2030));
        assertEquals("targets[0].basis", p.field());
        assertEquals(11, p.location().line());
        assertEquals("t.yaml", p.location().file());
        assertEquals("'none'", p.found());
        assertTrue(p.allowed().contains("the basis of tertiary_share, nominal") && p.allowed().contains("2020-2035"), p.message());
        p = catalogFails(target("gdp_real", "growth", "6", "%", "nominal", 2025));
        assertTrue(p.allowed().contains("the basis of gdp_real, real"), p.message());
        for (int year : new int[] {2015, 2020, 2040}) {
            TargetCatalog past = TargetCatalog.parse("t.yaml", target("tertiary_share", "share", "53", "%", "none", year));
            assertSame(past, past.checkedFor(MODEL, Set.of(), 2020, 2035), "a " + year + " target is not judged on a 2020-2035 path");
        }
        TargetCatalog right = TargetCatalog.parse("t.yaml", target("tertiary_share", "share", "53", "%", "nominal", 2030));
        assertSame(right, right.checkedFor(MODEL, Set.of(), 2020, 2035));
    }
}
