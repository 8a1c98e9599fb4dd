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

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"plansim report", "plansim 规划目标评估报告"}),
            Map.entry("summary", new String[] {"Targets at a glance", "目标一览"}),
            Map.entry("summary.note", new String[] {
                "Green: on track or met; amber: at risk; red: off track or missed; grey: not evaluable.",
                "绿色：有望实现或已实现；黄色：存在风险；红色：难以实现或未实现；灰色：无法评估。"}),
            Map.entry("run", new String[] {"This run", "本次运行"}),
            Map.entry("scenario", new String[] {"scenario", "情景"}),
            Map.entry("scenarios", new String[] {"Scenarios", "情景"}),
            Map.entry("target", new String[] {"target", "目标"}),
            Map.entry("metric", new String[] {"indicator", "指标"}),
            Map.entry("year", new String[] {"year", "年份"}),
            Map.entry("central", new String[] {"central path", "中心路径"}),
            Map.entry("p", new String[] {"P(met), 95% CI", "达标概率（95% 置信区间）"}),
            Map.entry("ci", new String[] {"95% CI", "95% 置信区间"}),
            Map.entry("verdict", new String[] {"verdict", "判断"}),
            Map.entry("gap", new String[] {"gap to the target", "与目标的差距"}),
            Map.entry("source", new String[] {"source", "来源"}),
            Map.entry("appendix", new String[] {"Appendix", "附录"}),
            Map.entry("appendix.link", new String[] {"Every scenario in full (charts, tables of values and targets with sources, assumptions): appendix.html",
                "各情景详表（图表、数值表、含来源的目标表、情景假设）：附录 appendix.html"}),
            Map.entry("appendix.about", new String[] {"Every scenario in full: charts, values by area, targets with their sources, assumptions. The summary is in",
                "各情景详表：图表、分领域数值、含来源的目标、情景假设。摘要见"}),
            Map.entry("question", new String[] {"Can %s meet the targets of its plans, and how likely is each?", "%s能否实现规划目标？各项目标实现的可能性有多大？"}),
            Map.entry("headline", new String[] {"Headline answers", "结论摘要"}),
            Map.entry("headline.year", new String[] {"plan year", "规划年份"}),
            Map.entry("headline.matter", new String[] {"the targets that matter most", "最重要的目标"}),
            Map.entry("changes", new String[] {"What changed since the previous report", "与上一份报告相比的变化"}),
            Map.entry("unit", new String[] {"unit", "单位"}),
            Map.entry("area.gdp", new String[] {"GDP", "经济总量（GDP）"}),
            Map.entry("area.trade", new String[] {"Trade", "贸易"}),
            Map.entry("area.energy", new String[] {"Energy", "能源"}),
            Map.entry("area.population", new String[] {"Population", "人口"}),
            Map.entry("area.income", new String[] {"Income", "收入"}),
            Map.entry("area.other", new String[] {"Other indicators", "其他指标"}),
            Map.entry("area.targets", new String[] {"Target probabilities", "目标达成概率"}),
            Map.entry("area.table", new String[] {"Central path and 90% band (p05-p95) of the Monte Carlo paths", "中心路径与蒙特卡洛路径的 90% 区间（p05-p95）"}),
            Map.entry("area.targets.table", new String[] {"Targets in this area", "本领域目标"}),
            Map.entry("assumptions", new String[] {"Assumptions", "情景假设"}),
            Map.entry("narrative", new String[] {"Narrative", "情景描述"}),
            Map.entry("model", new String[] {"Model", "模型"}),
            Map.entry("drivers", new String[] {"Key drivers", "主要驱动参数"}),
            Map.entry("uncertainty", new String[] {"Uncertainty (what Monte Carlo draws)", "不确定性（蒙特卡洛抽样内容）"}),
            Map.entry("reproduce", new String[] {"Reproduce this report", "复现本报告"}),
            Map.entry("notes", new String[] {"Notes", "说明"}),
            Map.entry("files", new String[] {"Files", "文件"}),
            Map.entry("band.outer", new String[] {"5-95% band", "5-95% 区间"}),
            Map.entry("band.inner", new String[] {"25-75% band", "25-75% 区间"}),
            Map.entry("median", new String[] {"median", "中位数"}),
            Map.entry("history", new String[] {"actual (history)", "历史实际值"}),
            Map.entry("plan.target", new String[] {"plan target", "规划目标"}),
            Map.entry("axis.year", new String[] {"year", "年份"}),
            Map.entry("axis.probability", new String[] {"probability that the target is met", "达标概率"}),
            Map.entry("axis.cumulative", new String[] {"share of paths at or below", "累计概率"}),
            Map.entry("axis.pp", new String[] {"contribution to real GDP growth, log points (pp)", "对实际GDP增长的贡献（对数百分点）"}),
            Map.entry("cdf", new String[] {"distribution (CDF)", "分布（累积分布函数）"}),
            Map.entry("growth.accounting", new String[] {"Growth accounting, central path", "增长核算（中心路径）"}),
            Map.entry("probabilities", new String[] {"Probability of meeting each target", "各目标达成概率"}),
            Map.entry("comparison", new String[] {"central path by scenario", "各情景中心路径"}),
            Map.entry("likely", new String[] {"likely (2/3)", "可能（2/3）"}),
            Map.entry("unlikely", new String[] {"unlikely (1/3)", "不太可能（1/3）"}),
            Map.entry("paths", new String[] {"paths", "条路径"}),
            Map.entry("ga.capital", new String[] {"capital", "资本贡献"}),
            Map.entry("ga.labour", new String[] {"labour", "劳动贡献"}),
            Map.entry("ga.human.capital", new String[] {"human capital", "人力资本贡献"}),
            Map.entry("ga.tfp", new String[] {"TFP", "全要素生产率贡献"}),
            Map.entry("tornado", new String[] {"Tornado (p10 to p90)", "龙卷风图（p10 至 p90）"}),
            Map.entry("axis.tornado", new String[] {"other parameters at their medians", "其他参数取中位数"}),
            Map.entry("axis.tornado.bars", new String[] {"uncertain parameter, largest swing on top (see legend)", "不确定参数（按摆幅从上到下，见图例）"}),
            Map.entry("tornado.central", new String[] {"all parameters at their medians", "全部参数取中位数"}),
            // workbooks (Workbooks): sheet names (at most 31 characters) and the about sheet's fields
            Map.entry("sheet.about", new String[] {"about", "说明"}),
            Map.entry("sheet.assumptions", new String[] {"assumptions", "情景假设"}),
            Map.entry("sheet.projections", new String[] {"projections", "预测值（中心路径）"}),
            Map.entry("sheet.targets", new String[] {"targets", "目标判断"}),
            Map.entry("sheet.percentiles", new String[] {"percentiles", "蒙特卡洛百分位"}),
            Map.entry("sheet.history", new String[] {"history", "历史实际值"}),
            Map.entry("sheet.tornado", new String[] {"tornado", "龙卷风图"}),
            Map.entry("sheet.distribution", new String[] {"distribution", "分布"}),
            Map.entry("sheet.results", new String[] {"results", "结果"}),
            Map.entry("sheet.method", new String[] {"method", "方法"}),
            Map.entry("sheet.sampler", new String[] {"sampler and percentiles", "抽样与百分位"}),
            Map.entry("sheet.warning", new String[] {"warning", "警告"}),
            Map.entry("sheet.name", new String[] {"name", "名称"}),
            Map.entry("sheet.region", new String[] {"region", "地区"}),
            Map.entry("sheet.years", new String[] {"years", "年份范围"}),
            Map.entry("sheet.basis", new String[] {"price basis", "价格口径"}));

    /** Column names of the report's CSV tables in Chinese; others (percentile codes p05..p95) stay as they are. */
    private static final Map<String, String> COLUMNS_ZH = Map.ofEntries(
            Map.entry("id", "编号"), Map.entry("metric", "指标代码"), Map.entry("name", "名称"), Map.entry("name_zh", "中文名称"),
            Map.entry("year", "年份"), Map.entry("kind", "目标类型"), Map.entry("comparator", "比较"), Map.entry("value", "数值"),
            Map.entry("unit", "单位"), Map.entry("basis", "价格口径"), Map.entry("central", "中心值"), Map.entry("gap", "差距（正为超出）"),
            Map.entry("gap_percent", "差距（%）"), Map.entry("required_growth", "所需年均增速（%）"),
            Map.entry("scenario_growth", "情景年均增速（%）"), Map.entry("verdict", "判断"), Map.entry("source", "来源"),
            Map.entry("probability", "达标概率"), Map.entry("ci_low", "95%置信下限"), Map.entry("ci_high", "95%置信上限"),
            Map.entry("standard_error", "标准误"), Map.entry("variable", "变量"), Map.entry("mean", "均值"), Map.entry("sd", "标准差"),
            Map.entry("q", "累计概率"), Map.entry("parameter", "参数"), Map.entry("p10_input", "参数第10百分位"),
            Map.entry("p90_input", "参数第90百分位"), Map.entry("output_at_p10", "取第10百分位时的输出"),
            Map.entry("output_at_p90", "取第90百分位时的输出"), Map.entry("swing", "摆幅"),
            Map.entry("group", "类别"), Map.entry("driver", "驱动参数"), Map.entry("default", "默认值"), Map.entry("min", "允许下限"),
            Map.entry("max", "允许上限"), Map.entry("field", "项目"));

    /** A CSV column name in the page's language. */
    public String column(String name) {
        return zh() ? COLUMNS_ZH.getOrDefault(name, name) : name;
    }

    /** A word of the report in the report's language. */
    public String word(String key) {
        String[] w = WORDS.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return zh() ? w[1] : w[0];
    }

    /** A word for a chart: the same, made drawable. */
    public String chartWord(String key) {
        String[] w = WORDS.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return drawable(chartZh() ? w[1] : w[0]);
    }

    public String verdict(Verdict v) {
        return verdict(v, zh());
    }

    /** A verdict for a chart legend: drawable. */
    public String chartVerdict(Verdict v) {
        return drawable(verdict(v, chartZh()));
    }

    private static String verdict(Verdict v, boolean zh) {
        if (!zh) {
            return v.label();
        }
        return switch (v) {
            case MET -> "已实现";
            case MISSED -> "未实现";
            case ON_TRACK -> "有望实现";
            case AT_RISK -> "存在风险";
            case OFF_TRACK -> "难以实现";
            case NOT_EVALUABLE -> "无法评估";
        };
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
        if (!zh()) {
            return unit;
        }
        return switch (unit) {
            case "1/yr" -> "每年比率";
            case "share" -> "比例";
            case "share of real GDP" -> "占实际GDP比例";
            case "years of GDP" -> "相当于GDP的倍数";
            default -> unit;
        };
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
     * A target's condition: "≥ 2000 亿元", "较2020年下降16%左右", "2021—2025年年均增长 ≥ 7%" in Chinese,
     * {@link Target#statement()} in English.
     */
    public String statement(Target t) {
        if (!zh()) {
            return t.statement().replace(">=", "\u2265").replace("<=", "\u2264");
        }
        String unit = t.kind() == io.plansim.target.TargetKind.GROWTH || t.kind() == io.plansim.target.TargetKind.CHANGE ? "%"
                : t.unit().equals("%") ? "%" : " " + t.unit();
        String v;
        switch (t.comparator()) {
            case BETWEEN -> v = num(t.value()) + "\u2014" + num(t.high()) + unit;
            case ABOUT -> v = num(t.value()) + unit + "左右（容差 " + num(t.tolerance()) + "）";
            default -> v = t.comparator().symbol().replace(">=", "\u2265").replace("<=", "\u2264") + " " + num(t.value()) + unit;
        }
        return switch (t.kind()) {
            case GROWTH -> t.from() + "\u2014" + t.year() + "年年均增长 " + v;
            case CHANGE -> {
                if (t.value() < 0 && t.upperBound()) {
                    String cut = num(-t.value()) + "%";
                    yield "较" + t.from() + "年下降" + (t.comparator() == io.plansim.target.Comparator.ABOUT
                            ? cut + "左右（容差 " + num(t.tolerance()) + "）" : " " + cut + (t.comparator() == io.plansim.target.Comparator.LT ? "以上" : "及以上"));
                }
                yield "较" + t.from() + "年增长 " + v;
            }
            case CUMULATIVE -> t.from() + "\u2014" + t.year() + "年累计 " + v;
            default -> v;
        };
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
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
        String en = ENGLISH_UNITS.get(unit);
        return en != null ? en : drawable(unit);
    }

    private static final Map<String, String> ENGLISH_UNITS = Map.ofEntries(
            Map.entry("亿元", "100 million yuan"),
            Map.entry("亿美元", "100 million US dollars"),
            Map.entry("元", "yuan"),
            Map.entry("元/美元", "yuan per US dollar"),
            Map.entry("万人", "10,000 persons"),
            Map.entry("万吨标准煤", "10,000 t of coal equivalent"),
            Map.entry("吨标准煤/万元", "t of coal equivalent per 10,000 yuan"),
            Map.entry("万吨", "10,000 t"),
            Map.entry("亿件", "100 million parcels"),
            Map.entry("列", "trains"),
            Map.entry("万标箱", "10,000 TEU"),
            Map.entry("万人次", "10,000 passenger trips"),
            Map.entry("指数(2020=100)", "index (2020 = 100)"));

    private static final List<Map.Entry<String, String>> UNITS_LONGEST_FIRST = unitsLongestFirst();

    private static List<Map.Entry<String, String>> unitsLongestFirst() {
        Map<String, String> all = new java.util.HashMap<>(ENGLISH_UNITS);
        all.put("万元", "10,000 yuan");
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>(all.entrySet());
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
