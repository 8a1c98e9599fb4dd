package io.plansim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.scenario.Scenario;
import io.plansim.scenario.Uncertainty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report's "Uncertain inputs" table says what each spread is sized on, from the entry's own {@code source:} in
 * the scenario: the data and command where it cites them, "judgement" only where the scenario says so or gives none.
 * It used to print "judgement (no source given)" on every row, the PWT- and history-sized ones too.
 */
class TrustInputsTest {
    private static final Pattern ROW = Pattern.compile("<tr><td>(.*?)</td><td>.*?</td><td>.*?</td><td class=\"src\">(.*?)</td></tr>");

    /** First cell (the input) -> last cell (what it is sized on), as the page shows them. */
    private static Map<String, String> sizedOn(Scenario s, boolean zh) {
        StringBuilder h = new StringBuilder();
        TrustSection.inputs(h, zh, s.uncertainty(), List.of());
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(h);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void eachInputShowsItsOwnSourceInBothLanguages() {
        Scenario s = BuiltInRuns.load("yiwu/baseline");
        for (boolean zh : new boolean[] {false, true}) {
            Map<String, String> rows = sizedOn(s, zh);
            assertEquals(s.uncertainty().parameters().size() + s.uncertainty().shocks().size() + s.uncertainty().events().size(),
                    rows.size(), rows.keySet().toString());
            // the Chinese page says in Chinese that the English text is the source (a Chinese page has no Latin-only cell)
            assertTrue(rows.get("production.tfpGrowth").startsWith((zh ? "来源：" : "") + "history.csv nominal GDP 2010/2015/2020"),
                    rows.get("production.tfpGrowth"));
            assertTrue(rows.get("population.netMigration").contains("Penn World Table 9.1"), rows.get("population.netMigration"));
            assertTrue(rows.get("trade.outputElasticity").contains("Rscript scenarios/reference/pwt/trade-output-elasticity.R"),
                    rows.get("trade.outputElasticity"));
            // the scenario's own judgement, with its reason
            assertTrue(rows.get("trade.worldDemandGrowth").startsWith(zh ? "判断：world import demand" : "judgement: world import demand"),
                    rows.get("trade.worldDemandGrowth"));
            int judged = 0;
            for (String v : rows.values()) {
                assertFalse(v.contains("no source given") || v.contains("未注明来源"), v);
                judged += v.startsWith(zh ? "判断" : "judgement") ? 1 : 0;
            }
            assertTrue(judged > 0 && judged < rows.size() / 2, "judgement only where the scenario says so: " + judged + " of " + rows.size());
        }
    }

    @Test
    void anEntryWithoutASourceIsPlainlyAJudgement() {
        Uncertainty u = new Uncertainty(List.of(), List.of(new Uncertainty.AnnualShock("gdp_real", 0.02, 0.3),
                new Uncertainty.AnnualShock("exports", 0.1, 0, "history.csv exports 2014/2019/2020")), new double[0][0], 0, List.of());
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (boolean chinese : new boolean[] {false, true}) {
            StringBuilder h = new StringBuilder();
            TrustSection.inputs(h, chinese, u, List.of());
            Matcher m = ROW.matcher(h);
            while (m.find()) {
                (chinese ? zh : en).add(m.group(2));
            }
        }
        assertEquals(List.of(TrustSection.NO_SOURCE, "history.csv exports 2014/2019/2020"), en);
        assertEquals(List.of(TrustSection.NO_SOURCE_ZH, "来源：history.csv exports 2014/2019/2020"), zh);
    }
}
