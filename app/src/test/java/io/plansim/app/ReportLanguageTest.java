package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plansim report --lang zh} is a Chinese document: no text node of index.html or appendix.html is Latin
 * only, except for a short allow-list: plansim's name, units and abbreviations the plans themselves use (GDP,
 * CO2, R&D), file formats, method names, and codes (identifiers, file names, versions, dates, distributions).
 * The page is Chinese whatever fonts are installed (only chart text falls back to English without a CJK font).
 */
class ReportLanguageTest {
    /** Latin words a Chinese reader meets in a Chinese plan document or needs verbatim. */
    static final Set<String> WORDS = Set.of("plansim", "GDP", "CO2", "TFP", "R&D", "PNG", "SVG", "CSV", "JSON", "DDSketch", "Sobol",
            "Solow-Swan", "LTGM", "Student-t", "Noto", "Sans", "CJK", "SC", "P", "Y", "A", "K", "L", "h", "Monte", "Carlo",
            "dev" /* the version of a build from source */);
    /**
     * Codes: dotted or slashed identifiers and file names (yiwu/baseline, trade.exportTrend, tables/x.csv),
     * camelCase keys (urbanizationRate), versions and timestamps, distributions (normal(0.01, 0.005)), percentiles (p05).
     */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_*&]+(?:[./:@\\-]+[A-Za-z0-9_*]+)+|[a-z0-9]+(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z]+\\(.*\\)|[pP]\\d{2}");
    static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uf900-\\ufaff]");

    @Test
    void theChineseReportHasNoLatinOnlyTextOutsideTheAllowList(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("zh");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "yiwu/trade-shock", "--lang", "zh", "--paths", "300",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        int nodes = 0;
        List<String> latin = new ArrayList<>();
        for (String page : List.of("index.html", "appendix.html")) {
            for (String node : textNodes(Files.readString(out.resolve(page), StandardCharsets.UTF_8))) {
                nodes++;
                if (!allowed(node)) {
                    latin.add(page + ": " + node);
                }
            }
        }
        assertTrue(nodes > 1000, "text nodes: " + nodes);
        assertEquals(List.of(), latin, "Latin-only text in the Chinese report");
        // a region's satellites carry their Chinese names from the region file, as the model's variables do
        java.util.regex.Matcher unnamed = java.util.regex.Pattern.compile("变量 [a-z_]+").matcher(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8));
        assertTrue(!unnamed.find(), "a variable without its Chinese name: " + (unnamed.hitEnd() ? "" : unnamed.group()));
    }

    /**
     * Why a target is not evaluable, on hover over its row (the title of the row), is Chinese in the Chinese report:
     * jinhua/baseline has targets on indicators it does not project, targets measured from a year without an actual
     * (one with a figure at current prices only) and past targets without an actual.
     */
    @Test
    void notEvaluableReasonsAreChineseInTheChineseReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("zh");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "jinhua/baseline", "--lang", "zh", "--paths", "200",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> reasons = new ArrayList<>();
        for (String page : List.of("index.html", "appendix.html")) {
            Matcher m = Pattern.compile("<tr [^>]*data-verdict=\"not evaluable\" title=\"([^\"]*)\"").matcher(Files.readString(out.resolve(page)));
            while (m.find()) {
                reasons.add(unescape(m.group(1)));
            }
        }
        assertTrue(reasons.size() >= 8, reasons.toString());
        // (a past target without an actual, "不晚于基年", no longer occurs here: Jinhua's two five-year sums are judged on
        // their recorded totals since session 11; DictionaryTest holds every reason's Chinese)
        for (String kind : List.of("情景不预测", "起算年", "不变价实际值")) {
            assertTrue(reasons.stream().anyMatch(t -> t.contains(kind)), kind + " in " + reasons);
        }
        assertEquals(List.of(), reasons.stream().filter(ReportLanguageTest::readsEnglish).toList());
    }

    /**
     * Whether a cell or tooltip reads as English: Latin words outside the allow-list and no Chinese, or two English
     * words in a row anywhere (codes, ids and file names do not count).
     */
    static boolean readsEnglish(String text) {
        return !allowed(text) || TWO_WORDS.matcher(text).find();
    }

    private static final Pattern TWO_WORDS = Pattern.compile("(?<![\\w./-])[A-Za-z]{2,} [A-Za-z]{2,}(?![\\w./-])");

    @Test
    void theAllowListLetsCodesThroughButNotEnglishWords() {
        assertTrue(allowed("yiwu/trade-shock ← yiwu/baseline"));
        assertTrue(allowed("tables/yiwu-baseline-percentiles.csv"));
        assertTrue(allowed("production.tfpGrowth"));
        assertTrue(allowed("plansim 0.1.0-SNAPSHOT"));
        assertTrue(allowed("http://english.jinhua.gov.cn/art/2021/10/18/art_1229181171_58895079.html"));
        assertTrue(allowed("地区生产总值 GDP"));
        assertTrue(!allowed("Yiwu baseline"));
        assertTrue(!allowed("on track"));
        assertTrue(!allowed("000_51469b50aab5ea2a.txt line 102") );
        assertTrue(readsEnglish("jinhua13.x.2020: the scenario does not project x"));
        assertTrue(readsEnglish("sd 0.0232 (se 0.0079), persistence 0.36 (se 0.25)"));
        assertTrue(readsEnglish("情景 the scenario does not project x"));
        assertTrue(!readsEnglish("jinhua13.x.2020：情景不预测先进装备（advanced_equipment_output）"));
        assertTrue(!readsEnglish("local_fiscal_revenue / gdp_nominal 2010/2015/2017（2 个区间）：标准差 0.0348（标准误 0.0246）"));
    }

    /** Whether a text node may stand in a Chinese report: it has Chinese, no Latin, or only allowed tokens. */
    static boolean allowed(String node) {
        if (CJK.matcher(node).find() || !LATIN.matcher(node).find()) {
            return true;
        }
        for (String token : node.split("[\\s,;()\\[\\]←→–—·]+")) {
            if (LATIN.matcher(token).find() && !WORDS.contains(token) && !CODE.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The text between tags, outside script, style and pre (the command line to copy). */
    static List<String> textNodes(String html) {
        String body = html.replaceAll("(?s)<(script|style|pre)[^>]*>.*?</\\1>", "");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<]+)<").matcher(body);
        while (m.find()) {
            String t = unescape(m.group(1)).strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&middot;", "·")
                .replace("&amp;", "&");
    }
}
