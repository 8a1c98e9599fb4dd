package io.plansim.report;

import io.plansim.model.Basis;
import io.plansim.model.VariableInfo;
import io.plansim.target.Target;
import io.plansim.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every word the report prints, in English or Chinese, and the rules that keep chart text drawable: with
 * a CJK font, English labels carry the Chinese metric names and units as the plans write them; without
 * one, chart labels are English only (units spelled out, Chinese characters dropped) so that nothing is
 * drawn as boxes. The HTML page may always contain Chinese: the browser has its own fonts.
 */
public final class Labels {
    private final Lang lang;
    private final Lang requested;
    private final Optional<String> cjkFont;

    private Labels(Lang requested, Optional<String> cjkFont) {
        this.requested = requested;
        this.cjkFont = cjkFont;
        this.lang = requested == Lang.ZH && cjkFont.isEmpty() ? Lang.EN : requested;
    }

    public static Labels of(Lang requested, Optional<String> cjkFont) {
        return new Labels(requested, cjkFont);
    }

    /** The words of output that draws no chart (terminal tables, CSV, workbooks): in the language asked for, whatever the fonts. */
    public static Labels forText(Lang requested) {
        return new Labels(requested, Optional.of("text"));
    }

    /** The language of the charts (English when Chinese was asked for but no CJK font is installed). */
    public Lang lang() {
        return lang;
    }

    public Lang requested() {
        return requested;
    }

    /** Whether the page is Chinese: as asked, whatever the fonts (the browser brings its own). */
    public boolean zh() {
        return requested == Lang.ZH;
    }

    /** Whether the charts are Chinese: asked for, and a CJK font to draw them. */
    public boolean chartZh() {
        return lang == Lang.ZH;
    }

    /** Whether charts may contain Chinese characters. */
    public boolean cjk() {
        return cjkFont.isPresent();
    }

    public Optional<String> cjkFont() {
        return cjkFont;
    }

    /** Why Chinese labels were not used, or null when they were (or were not asked for). */
    public String fallbackNotice() {
        if (requested == Lang.ZH && cjkFont.isEmpty()) {
            return "--lang zh: no CJK font found (looked for installed fonts named Noto Sans CJK, Source Han Sans, "
                    + "WenQuanYi or containing CJK); charts use English labels instead. Install one, e.g. on Debian: "
                    + "apt-get install fonts-noto-cjk";
        }
        if (cjkFont.isEmpty()) {
            return "no CJK font found: chart labels leave out the Chinese metric names and spell units in English "
                    + "(install one, e.g. on Debian: apt-get install fonts-noto-cjk)";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ words

    private static final io.plansim.tables.Dictionary WORDS = io.plansim.tables.Dictionary.get();

    /** A CSV column name in the page's language. */
    public String column(String name) {
        return zh() ? WORDS.columnZh(name) : name;
    }

    /** A table cell in the page's language (a verdict, a target's kind or price basis; others as they are). */
    public String cell(String column, String value) {
        return WORDS.cell(column, value, zh());
    }

    /** A word of the report in the report's language. */
    public String word(String key) {
        return WORDS.word(key, zh());
    }

    /** An entry of the dictionary in the report's language with {0}, {1}, ... filled in. */
    public String format(String key, Object... args) {
        return WORDS.format(key, zh(), args);
    }

    /** A phrase of the engine (why a target is not evaluable, say) in the report's language. */
    public String phrase(io.plansim.model.Phrase p) {
        return WORDS.phrase(p, zh());
    }

    /** A word for a chart: the same, made drawable. */
    public String chartWord(String key) {
        return drawable(WORDS.word(key, chartZh()));
    }

    public String verdict(Verdict v) {
        return verdict(v, zh());
    }

    /** A verdict for a chart legend: drawable. */
    public String chartVerdict(Verdict v) {
        return drawable(verdict(v, chartZh()));
    }

    private static String verdict(Verdict v, boolean zh) {
        return WORDS.word("verdict." + v.label().replace(' ', '.'), zh);
    }

    // ------------------------------------------------------------------------------------------ scenarios, targets, sources

    /** A region ("Yiwu 义乌市") in the page's language: its Chinese part in Chinese, its Latin part in English. */
    public String region(String region) {
        String cjk = region.replaceAll("[\\p{IsLatin}\\s]+", " ").strip();
        String latin = region.replaceAll("[^\\p{IsLatin}\\s-]+", " ").strip();
        String pick = zh() ? cjk : latin;
        return pick.isEmpty() ? region : pick;
    }

    /** A driver's unit on the page ("1/yr" is "每年比率" in Chinese). */
    public String driverUnit(String unit) {
        return driverUnit(unit, zh());
    }

    /** A driver's unit as the driver tables write it, in Chinese or English (the what-if page's driver list too). */
    public static String driverUnit(String unit, boolean zh) {
        return WORDS.has("unit." + unit) ? WORDS.word("unit." + unit, zh) : unit;
    }

    /** A scenario's name on the page ({@code name_zh} in Chinese), with a what-if's --set overrides. */
    public String scenarioName(io.plansim.scenario.Scenario s) {
        return zh() ? s.titleZh() : s.title();
    }

    public String scenarioNarrative(io.plansim.scenario.Scenario s) {
        return zh() ? s.narrativeZh() : s.narrative();
    }

    /** A scenario's name for a chart title. */
    public String scenarioChart(io.plansim.scenario.Scenario s) {
        return drawable(chartZh() ? s.titleZh() : s.title());
    }

    /** A target's name on the page: Chinese, or English with the plan's own words. */
    public String targetName(Target t) {
        return zh() ? t.nameZh() : t.name() + " \u00b7 " + t.nameZh();
    }

    /** A source cited by the plan's title and line, from the one catalog of sources. */
    public String source(io.plansim.scenario.Source s) {
        return io.plansim.target.SourceCatalog.builtIn().cite(s, zh());
    }

    /**
     * A target's condition: "≥ 2000 亿元", "较2020年下降16%左右", "2021—2025年年均增长 ≥ 7%" in Chinese
     * ({@link io.plansim.tables.VerdictTables#statement}), {@link Target#statement()} with ≥ and ≤ in English.
     */
    public String statement(Target t) {
        if (!zh()) {
            return t.statement().replace(">=", "\u2265").replace("<=", "\u2264");
        }
        return io.plansim.tables.VerdictTables.statement(t, true);
    }

    // ------------------------------------------------------------------------------------------ metrics

    /** A metric's name for HTML: English with the Chinese name, or Chinese with the id. */
    public String metricHtml(VariableInfo v) {
        return zh() ? v.nameZh() : v.name() + " " + v.nameZh();
    }

    /** A metric's name for a chart title. */
    public String metricChart(VariableInfo v) {
        if (chartZh()) {
            return v.nameZh();
        }
        return cjk() ? v.name() + " " + v.nameZh() : drawable(v.name());
    }

    /** The unit and price basis of a metric for a chart, e.g. "亿元, current prices" or "亿元（当年价）". */
    public String unitWithBasis(VariableInfo v, int baseYear) {
        return withBasis(unit(v.unit()), v, baseYear, chartZh());
    }

    /** The same for the page, where the unit is always written as the plans write it. */
    public String unitWithBasisHtml(VariableInfo v, int baseYear) {
        return withBasis(v.unit(), v, baseYear, zh());
    }

    private static String withBasis(String unit, VariableInfo v, int baseYear, boolean zh) {
        if (v.basis() == Basis.NONE) {
            return unit;
        }
        if (zh) {
            return unit + (v.basis() == Basis.NOMINAL ? "（当年价）" : "（" + baseYear + "年不变价）");
        }
        return unit + (v.basis() == Basis.NOMINAL ? ", current prices" : ", constant " + baseYear + " prices");
    }

    /** A unit for a chart axis: as written when Chinese can be drawn, else spelled out in English. */
    public String unit(String unit) {
        if (cjk() || unit == null) {
            return unit == null ? "" : unit;
        }
        String en = WORDS.englishUnits().get(unit);
        return en != null ? en : drawable(unit);
    }

    private static final List<Map.Entry<String, String>> UNITS_LONGEST_FIRST = unitsLongestFirst();

    private static List<Map.Entry<String, String>> unitsLongestFirst() {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>(WORDS.englishUnits().entrySet());
        out.sort(java.util.Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()).thenComparing(Map.Entry::getKey));
        return out;
    }

    /** A target's short name for a chart label. */
    public String targetChart(Target t) {
        return cjk() ? drawable(t.nameZh()) : t.name();
    }

    /**
     * Text a chart can draw: unchanged with a CJK font; without one, every character outside Latin-1 and
     * common punctuation is dropped (so no boxes), spaces collapsed.
     */
    public String drawable(String s) {
        if (s == null || cjk()) {
            return s;
        }
        for (Map.Entry<String, String> u : UNITS_LONGEST_FIRST) {
            s = s.replace(u.getKey(), u.getValue());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x2000 || c == '\u2013' || c == '\u2014' || c == '\u2264' || c == '\u2265') {
                sb.append(c);
            } else {
                sb.append(' ');
            }
        }
        return sb.toString().replaceAll("\\s+", " ").replaceAll("\\(\\s*\\)", "").trim();
    }
}
