package io.plansim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.scenario.BaseField;
import io.plansim.scenario.BaseValue;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The appendix's base-year table shows the scenario's note beside a base value's citation, in both languages: the
 * note is what says that tertiaryShare 67.0 is an assumption built on the 61.9 of the cited line 102, and
 * energyIntensity one built on the 0.59 of line 119. The table showed the citation alone (the note only where
 * there was nothing else to cite), so the cited line seemed to state a figure it does not.
 */
class BaseValueSourcesTest {
    private static final Pattern ROW = Pattern.compile("<tr><td>([^<]*)</td><td class=\"num\">([^<]*)</td><td>[^<]*</td><td class=\"src\"[^>]*>([^<]*)</td></tr>");

    /** Field cell -> visible source cell of the base-value table. */
    private static Map<String, String> sourceCells(Scenario s, Lang lang) {
        StringBuilder h = new StringBuilder();
        Assumptions.assumptions(h, Labels.of(lang, Optional.of("Noto Sans CJK SC")), BuiltInRuns.central(s.id()));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(h);
        while (m.find()) {
            out.put(m.group(1), unescape(m.group(3)));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String row(Map<String, String> cells, String key) {
        return cells.entrySet().stream().filter(e -> e.getKey().equals(key) || e.getKey().endsWith("（" + key + "）"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + cells.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "ZH"})
    void everyBaseValueWithANoteShowsItBesideItsCitation(String language) {
        Lang lang = Lang.valueOf(language);
        Scenario s = BuiltInRuns.load("yiwu/baseline");
        Map<String, String> cells = sourceCells(s, lang);
        String tertiary = row(cells, "tertiaryShare");
        assertTrue(tertiary.contains(lang == Lang.ZH ? "第 102 行" : "line 102"), tertiary);
        assertTrue(tertiary.contains("assumption: 61.9% in 2015 (this quote) rising about 1 point a year to 2020"), tertiary);
        assertTrue(tertiary.contains(lang == Lang.ZH ? "情景说明：" : "scenario note: "), tertiary);
        String energy = row(cells, "energyIntensity");
        assertTrue(energy.contains(lang == Lang.ZH ? "第 119 行" : "line 119") && energy.contains("0.59 in 2010 at 2010 prices"), energy);
        String primary = row(cells, "primaryShare");
        assertTrue(primary.contains("assumption: the seeds give no 2020 sector structure"), primary);
        int notes = 0;
        for (BaseField f : BaseField.values()) {
            notes += assertNoteShown(cells, f.key(), s.base().get(f));
        }
        for (Satellite x : s.satellites()) {
            notes += assertNoteShown(cells, x.id(), x.base());
        }
        assertTrue(notes >= 15, "base values with a note: " + notes);
    }

    private static int assertNoteShown(Map<String, String> cells, String key, BaseValue b) {
        if (b == null || b.source() == null || b.source().note() == null) {
            return 0;
        }
        String cell = row(cells, key);
        assertTrue(cell.contains(b.source().note().strip()), key + ": " + cell);
        return 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "ZH"})
    void aCitationWithoutANoteIsTheCitationAlone(String language) {
        Lang lang = Lang.valueOf(language);
        Scenario s = BuiltInRuns.load("yiwu/baseline");
        String population = row(sourceCells(s, lang), "population");
        assertEquals(Labels.of(lang, Optional.of("Noto Sans CJK SC")).source(s.base().get(BaseField.POPULATION).source()), population);
        assertTrue(population.contains(lang == Lang.ZH ? "第 14 行" : "line 14"), population);
    }
}
