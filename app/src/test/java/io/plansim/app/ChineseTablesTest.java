package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.tables.Dictionary;
import io.plansim.tables.Tables;
import io.plansim.tables.TextTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code --lang zh} for the terminal tables and CSV: Chinese headers, metric names, units, verdicts and notes, no
 * English word left, the same figures as the English output and columns that line up in a terminal (a Chinese
 * character is two columns wide); json refuses it; the English output keeps its words.
 */
class ChineseTablesTest {
    /** English words of the tables that a Chinese table must not show (ids and file names aside). */
    static final List<String> ENGLISH = List.of("variable", "unit", "central", "verdict", "target", "year", " gap", "need %",
            "scen %", "P(met)", "95% CI", " paths", "seed", "sampler", "percentiles", "nominal", " real", "on track", "at risk",
            "off track", "missed", " met", "not evaluable", "Not evaluable", "ahead by", "short by", "points", "deterministic",
            "warning", "known of", "model", "growth ", "about ", "sum ", "change vs", "calibrated", "Verdicts", "prices", "exact",
            "driver", "value", "bracket", "iterations", "outcome", "result", "found", "shifted by", "Brent's", "reaches", "needed",
            "parameter", "input", "output at", "swing", "first order", "total ST", "Tornado", "Sobol indices", "medians", "bootstrap",
            "converged", "pinned", "observations", "identified", "std. error", "fitted", "residual", "Calibration", "window");
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern RULE = Pattern.compile("-{10,}");

    static RunCommandTest.Result ok(String... args) {
        RunCommandTest.Result r = RunCommandTest.plansim(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    /** The command in English and in Chinese: the Chinese table passes {@link #assertChinese}, with the English figures. */
    static String[] both(String... args) {
        String en = ok(args).out();
        String zh = ok(with(args, "--lang", "zh")).out();
        assertChinese(zh);
        assertSameFigures(en, zh);
        assertAligned(en);
        return new String[] {en, zh};
    }

    /** No English word of the tables, every table's header in Chinese, the columns aligned. */
    static void assertChinese(String zh) {
        String words = zh.replaceAll("[A-Za-z0-9]+(?:[_./-][A-Za-z0-9]+)+", " "); // ids, metric codes and file names
        for (String w : ENGLISH) {
            assertFalse(words.contains(w), "'" + w + "' in\n" + zh);
        }
        List<String> lines = zh.lines().toList();
        int tables = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (RULE.matcher(lines.get(i)).matches()) {
                tables++;
                // symbols stay: percentiles p05..p95, Sobol's indices S and ST, the scores CRPS and Brier
                String header = lines.get(i - 1).replaceAll("p\\d\\d| ST?(?= |$)|CRPS|Brier", "");
                assertFalse(header.matches(".*[A-Za-z].*"), "a header in English: " + lines.get(i - 1));
                assertTrue(header.matches(".*\\p{IsHan}.*"), "a header in Chinese: " + lines.get(i - 1));
            }
        }
        assertTrue(tables > 0, "a table in\n" + zh);
        assertAligned(zh);
    }

    /**
     * Every table (a header, a rule of dashes, rows up to a line without a column gap) lines up in a terminal: its lines are as wide
     * as the rule when the last column is right-aligned, else the last column starts at the same terminal column in
     * every line.
     */
    static void assertAligned(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (!RULE.matcher(lines.get(i)).matches()) {
                continue;
            }
            int rule = lines.get(i).length();
            List<String> table = new ArrayList<>(List.of(lines.get(i - 1)));
            for (int j = i + 1; j < lines.size() && lines.get(j).contains("  "); j++) { // a sentence under a table ends it
                table.add(lines.get(j));
            }
            boolean right = table.stream().allMatch(l -> TextTable.displayWidth(l) == rule);
            List<Integer> lastStarts = table.stream().map(l -> TextTable.displayWidth(l) - TextTable.displayWidth(l.replaceAll("^.*\\S {2,}", ""))).distinct().toList();
            assertTrue(right || lastStarts.size() == 1, "columns out of line (last column starts at " + lastStarts + "):\n"
                    + String.join("\n", table));
            assertTrue(table.stream().allMatch(l -> TextTable.displayWidth(l) <= rule), String.join("\n", table));
        }
    }

    /** Every row of a table (a line starting with an id) is in both languages, with the same figures. */
    static void assertSameFigures(String en, String zh) {
        Map<String, List<List<String>>> english = rows(en);
        Map<String, List<List<String>>> chinese = rows(zh);
        for (Map.Entry<String, List<List<String>>> e : english.entrySet()) {
            assertEquals(e.getValue(), chinese.get(e.getKey()), e.getKey());
        }
        assertTrue(english.size() >= 2, "rows compared: " + english.keySet());
    }

    private static Map<String, List<List<String>>> rows(String text) {
        Map<String, List<List<String>>> out = new HashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String first = line.split(" ", 2)[0];
            boolean header = i + 1 < lines.size() && RULE.matcher(lines.get(i + 1)).matches();
            if (first.matches("[a-z][A-Za-z0-9_.-]*") && line.contains("  ") && !header) {
                List<String> figures = new ArrayList<>();
                Matcher m = FIGURE.matcher(line);
                while (m.find()) {
                    figures.add(m.group());
                }
                figures.sort(null); // a figure's place in the Chinese wording of a condition may differ
                out.computeIfAbsent(first, k -> new ArrayList<>()).add(figures);
            }
        }
        return out;
    }

    /**
     * The Chinese CSV is the English one with Chinese column names and words: the same rows and figures, the coded
     * words of the dictionary in Chinese, other text the same but in the columns named {@code worded} (in Chinese).
     */
    static void assertSameCsv(String[] args, String... worded) {
        Table en = Tables.readCsv("en", ok(with(args, "--format", "csv")).out());
        Table zh = Tables.readCsv("zh", ok(with(args, "--format", "csv", "--lang", "zh")).out());
        assertEquals(en.rowCount(), zh.rowCount());
        assertEquals(en.columnCount(), zh.columnCount());
        int translated = 0;
        for (int c = 0; c < en.columnCount(); c++) {
            Column<?> e = en.column(c);
            Column<?> z = zh.column(c);
            assertEquals(Dictionary.get().columnZh(e.name()), z.name());
            translated += e.name().equals(z.name()) ? 0 : 1;
            for (int r = 0; r < en.rowCount(); r++) {
                // numbers are the same numbers; words are the dictionary's words for the English ones
                Object ev = e.get(r);
                Object zv = z.get(r);
                if (List.of(worded).contains(e.name())) {
                    assertTrue(String.valueOf(zv).matches("(?s).*\\p{IsHan}.*"), e.name() + " row " + r + ": " + zv);
                } else if (ev instanceof String s) {
                    assertEquals(Dictionary.get().cell(e.name(), s, true), zv, e.name() + " row " + r);
                } else {
                    assertEquals(ev, zv, e.name() + " row " + r);
                }
            }
        }
        assertTrue(translated >= 3, "Chinese column names: " + zh.columnNames());
    }

    @Test
    void runInChinese() {
        String[] out = both("run", "yiwu/baseline");
        assertTrue(out[1].startsWith("义乌基准情景（义乌市，2020-2035 年，模型：索洛模型）\n"), out[1]);
        assertTrue(out[1].contains("\n变量 ") && out[1].contains(" 指标 ") && out[1].contains(" 单位 "), out[1]);
        assertTrue(out[1].contains("地区生产总值（不变价）  亿元 不变价") && out[1].contains("亿元 现价"), out[1]);
        // the English output as it always was
        assertTrue(out[0].startsWith("Yiwu baseline (Yiwu 义乌市, 2020-2035, model solow)\nreal = constant 2020 prices"), out[0]);
        assertTrue(out[0].contains("\nvariable ") && out[0].contains(" unit ") && out[0].contains("亿元 nominal"), out[0]);
        both("run", "yiwu/baseline", "--all");
        assertSameCsv(new String[] {"run", "yiwu/baseline"});
    }

    @Test
    void targetsInChinese() {
        String[] out = both("targets", "yiwu/baseline", "--paths", "500", "--quiet");
        for (String w : List.of("编号", "指标", "年份", "目标", "中心值", "差距", "所需年均增速 %", "情景年均增速 %", "达标概率", "判断",
                "有望实现", "存在风险", "难以实现", "已实现", "未实现", "无法评估：", "超出 ", "差 ", "个百分点", "年年均增长 ≥",
                "判断依据蒙特卡洛模拟：500 条路径", "已校准", "义乌基准情景：49 项目标，来自 scenarios/yiwu/targets.yaml")) {
            assertTrue(out[1].contains(w), w + " in\n" + out[1]);
        }
        assertTrue(out[1].contains("  yiwu13.gdp_real.2020：目标年份 2020 不晚于基年 2020，而历史数据中没有该年全市生产总值年均增长（gdp_real）的实际值"), out[1]);
        assertTrue(out[0].contains("need %/yr") && out[0].contains("short by ") && out[0].contains("\nNot evaluable:\n")
                && out[0].contains("  yiwu13.gdp_real.2020: the target year is not after the base year 2020"), out[0]);
        String[] central = both("targets", "yiwu/baseline", "--central-only");
        assertTrue(central[1].contains("判断仅依据中心路径"), central[1]);
        // what was known of a metric the backtest is conditioned on
        String[] known = both("targets", "yiwu/backtest-2015", "--central-only");
        assertTrue(known[1].contains("\ngdp_nominal 的已知数据：actual 2017"), known[1]);
        assertTrue(known[0].contains("\nknown of gdp_nominal: actual 2017"), known[0]);
        assertSameCsv(new String[] {"targets", "yiwu/baseline", "--central-only"});
        assertSameCsv(new String[] {"targets", "yiwu/baseline", "--paths", "300", "--quiet"});
    }

    @Test
    void mcInChinese() {
        String[] out = both("mc", "yiwu/backtest-2015", "--paths", "500", "--quiet", "--sampler", "lhs");
        for (String w : List.of("500 条路径，随机种子 1，抽样方法：拉丁超立方抽样（lhs），分位数：精确", "变量", "单位",
                "中心值 [p05, p95]", "（确定，各路径相同）", "目标编号", "95% 置信区间", "有望实现", "判断依据蒙特卡洛模拟")) {
            assertTrue(out[1].contains(w), w + " in\n" + out[1]);
        }
        assertTrue(out[0].contains(" central [p05, p95]") && out[0].contains("(deterministic 确定)"), out[0]);
        assertSameCsv(new String[] {"mc", "yiwu/baseline", "--paths", "300", "--quiet"});
    }

    @Test
    void solveInChinese() throws Exception {
        String[] all = {"solve", "yiwu/baseline", "--target", "all", "--driver", "production.tfpGrowth"};
        String[] out = both(all);
        for (String w : List.of("中心路径恰好达到各目标时的驱动参数取值（Brent 方法）：", "目标编号", "驱动参数", "搜索区间", "迭代次数",
                "取该值时的中心路径结果", "结果", "已求得", "区间 [-0.1, 0.1] 内没有取值能达到目标：中心路径上的 goods_trade 结果从 ",
                "；该参数对此目标没有约束")) {
            assertTrue(out[1].contains(w), w + " in\n" + out[1]);
        }
        // the English result column is the solver's own message, as the json has it
        com.fasterxml.jackson.databind.JsonNode json = io.plansim.tables.ProjectionJson.MAPPER.readTree(ok(with(all, "--format", "json")).out());
        for (com.fasterxml.jackson.databind.JsonNode r : json.get("results")) {
            assertTrue(out[0].contains(" " + r.get("target").asText() + " ") || out[0].contains("\n" + r.get("target").asText() + " "));
            assertTrue(out[0].contains("  " + r.get("message").asText() + "\n"), r.get("message").asText());
        }
        assertSameCsv(new String[] {"solve", "yiwu/baseline", "--target", "all", "--driver", "trade.exportTrend", "--shift"}, "driver", "result");
        String share = ok("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035", "--driver", "production.tfpGrowth",
                "--probability", "0.8", "--paths", "200", "--lang", "zh").out();
        assertTrue(share.startsWith("200 条路径（种子 1）中达标比例恰为 0.8 时的驱动参数取值（Brent 方法）：\n") && share.contains("取该值时的达标概率"), share);
        assertChinese(share);
    }

    @Test
    void sensitivityInChinese() {
        String[] tornado = both("sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035");
        assertTrue(tornado[1].startsWith("gdp_nominal@2035 的龙卷风分析（每个参数依次取第 10 和第 90 百分位") && tornado[1].contains("摆幅"), tornado[1]);
        assertSameCsv(new String[] {"sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035"});
        String[] sobol = {"sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035", "--method", "sobol", "--paths", "64", "--bootstrap", "30"};
        String[] out = both(sobol);
        assertTrue(out[1].contains("一阶指数 S") && out[1].contains("总效应指数 ST") && out[1].contains("Sobol 指数（Saltelli 抽样"), out[1]);
        assertSameCsv(sobol);
    }

    @Test
    void backtestInChinese() throws Exception {
        String[] args = {"backtest", "yiwu/backtest-2015", "--paths", "1000", "--quiet"};
        String en = ok(args).out();
        String zh = ok(with(args, "--lang", "zh")).out();
        assertSameFigures(en, zh);
        assertAligned(en);
        // the reasons for a statistical break are the scenario file's words
        String words = zh;
        for (var reason : io.plansim.tables.ProjectionJson.MAPPER.readTree(ok(with(args, "--format", "json")).out()).get("breaks")) {
            assertEquals(en.contains(reason.asText()), words.contains("（" + reason.asText() + "）"), reason.asText());
            words = words.replace(reason.asText(), "");
        }
        assertChinese(words);
        for (String w : List.of("yiwu/backtest-2015 的回测：预测起点 2015 年，1000 条路径，随机种子 1", "评分所用分布：已校准", "指标代码",
                "出口额", "实际值", "落入 50/80/90% 区间", "是/是/是", "区间覆盖率：50% 区间 ", "预测技能", "跨越统计口径断点",
                "起点时的达标概率", "城镇居民收入年均增长", "项目标的 Brier 评分")) {
            assertTrue(zh.contains(w), w + " in\n" + zh);
        }
        assertTrue(en.contains("\nmetric ") && en.contains("in 50/80/90") && en.contains("coverage: 50% interval"), en);
        assertSameCsv(args);
    }

    @Test
    void calibrateInChinese(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Pattern fitted = Pattern.compile("(?m)^# Fitted on .*?, R\\^2 [^;]*; (.*)$");
        // converged; not identified; an exact fit; a driver pinned at its bound
        for (String[] args : List.of(new String[] {"yiwu/baseline", "--fit", "trade.exportTrend,population.urbanSpeed", "--metrics",
                        "exports,goods_trade,urbanization_rate"}, new String[] {"yiwu/backtest-2015", "--fit", "production.tfpGrowth"},
                new String[] {"yiwu/backtest-2015", "--fit", "population.urbanSpeed", "--metrics", "urbanization_rate"},
                new String[] {"yiwu/backtest-2010", "--fit", "production.tfpGrowth,trade.exportTrend"})) {
            String[] fit = with(new String[] {"calibrate"}, args);
            java.nio.file.Path child = dir.resolve(args[0].replace('/', '-') + args.length + ".yaml");
            String en = ok(with(fit, "--out", child.toString())).out();
            // the English result is the fit's own message, as the child scenario's comment carries it
            Matcher m = fitted.matcher(java.nio.file.Files.readString(child));
            assertTrue(m.find());
            assertTrue(en.contains("\nresult: " + m.group(1) + "\n"), m.group(1) + " in\n" + en);
            String zh = ok(with(fit, "--lang", "zh")).out();
            assertChinese(zh);
            assertSameFigures(en, zh);
            assertAligned(en);
            assertTrue(zh.contains("的校准：") && zh.contains("\n结果：") && zh.contains("对数残差"), zh);
        }
    }

    @Test
    void jsonStaysInEnglish() {
        for (String[] args : List.of(new String[] {"run", "yiwu/baseline"}, new String[] {"targets", "yiwu/baseline", "--central-only"},
                new String[] {"mc", "yiwu/baseline", "--paths", "200", "--quiet"})) {
            RunCommandTest.Result r = RunCommandTest.plansim(with(args, "--format", "json", "--lang", "zh"));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("command line: --lang:") && r.err().contains("json output stays in English")
                    && r.err().contains("(drop --lang)"), r.err());
            assertEquals("", r.out());
        }
        RunCommandTest.Result replay = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "200", "--replay-path", "3", "--lang", "zh");
        assertEquals(2, replay.code(), replay.err());
        assertTrue(replay.err().contains("a replayed path is printed in English"), replay.err());
    }
}
