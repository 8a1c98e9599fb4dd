package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.distribution.Distribution;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.BaseField;
import io.plansim.scenario.BaseValue;
import io.plansim.scenario.Driver;
import io.plansim.scenario.PathSpec;
import io.plansim.scenario.ProductionKind;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.Shock;
import io.plansim.scenario.Uncertainty;
import io.plansim.target.Target;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report page: one self-contained HTML file (charts as base64 PNG, CSS and a small self-check script
 * inline, nothing fetched), readable offline and printable.
 */
final class HtmlReport {
    /** Variables in each area's table, in order; variables a scenario lacks are skipped. */
    static final Map<String, List<String>> AREA_VARIABLES = areaVariables();

    private HtmlReport() {
    }

    private static Map<String, List<String>> areaVariables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("gdp", List.of("gdp_nominal", "gdp_real", "gdp_real_growth", "gdp_per_capita", "tertiary_share",
                "fixed_asset_investment", "retail_sales", "budget_revenue", "local_fiscal_revenue", "rd_share",
                "industrial_value_added", "digital_core_manufacturing_va"));
        m.put("trade", List.of("exports", "imports", "goods_trade", "goods_trade_usd", "domestic_trade", "total_trade",
                "market_turnover", "market_procurement_trade", "cross_border_ecommerce", "ecommerce_turnover",
                "express_parcels", "china_europe_trains", "sea_rail_teu", "airport_passengers"));
        m.put("energy", List.of("energy_consumption", "energy_intensity", "non_fossil_share", "co2"));
        m.put("population", List.of("population", "urban_population", "urbanization_rate", "labour", "new_urban_jobs"));
        m.put("income", List.of("income_per_capita", "urban_income_per_capita", "rural_income_per_capita"));
        return m;
    }

    /** The report area of a target's metric ("other" when none lists it). */
    static String area(String metric) {
        for (Map.Entry<String, List<String>> e : AREA_VARIABLES.entrySet()) {
            if (e.getValue().contains(metric)) {
                return e.getKey();
            }
        }
        if (metric.startsWith("exports") || metric.startsWith("imports")) {
            return "trade";
        }
        return "other";
    }

    static String render(ReportInput in, List<String> slugs, List<ChartOutput> charts, List<String> notes) {
        Labels l = in.labels();
        StringBuilder h = new StringBuilder(1 << 20);
        String regions = in.runs().stream().map(r -> r.scenario().region()).distinct().collect(Collectors.joining(", "));
        h.append("<!DOCTYPE html>\n<html lang=\"").append(l.zh() ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"plansim ").append(esc(in.version())).append("\">\n")
                .append("<title>").append(esc(l.word("title") + ": " + regions)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n")
                .append("<script>").append(SELF_CHECK).append("</script>\n</head>\n<body>\n");

        // header and run facts
        h.append("<header><h1>").append(esc(l.word("title"))).append(": ").append(esc(regions)).append("</h1>\n<p class=\"meta\">");
        h.append(esc(in.runs().stream().map(r -> r.scenario().title() + " (" + r.scenario().baseYear() + "\u2013" + r.scenario().horizon() + ")")
                .collect(Collectors.joining(", "))));
        h.append(" &middot; ").append(String.format(Locale.ROOT, "%,d", in.paths())).append(' ')
                .append(esc(l.zh() ? "条蒙特卡洛路径" : "Monte Carlo paths")).append(" &middot; seed ").append(in.seed())
                .append(" &middot; plansim ").append(esc(in.version())).append(" &middot; ").append(esc(in.created())).append("</p>\n");
        h.append("<p class=\"cmd\"><span>").append(esc(l.word("reproduce"))).append(":</span> <code>").append(esc(in.command()))
                .append("</code></p>\n</header>\n");
        toc(h, l, charts);

        // summary: traffic lights
        h.append("<section id=\"summary\">\n<h2>").append(esc(l.word("summary"))).append("</h2>\n");
        if (in.runs().size() == 1) {
            ScenarioRun r = in.runs().get(0);
            counts(h, l, r.verdicts());
            targetTable(h, l, r, futureFirst(r), true);
        } else {
            matrix(h, l, in.runs());
        }
        h.append("<p class=\"note\">").append(esc(l.word("summary.note"))).append("</p>\n</section>\n");

        // areas
        for (String area : ReportWriter.AREAS) {
            h.append("<section id=\"area-").append(area).append("\">\n<h2>").append(esc(l.word("area." + area))).append("</h2>\n");
            // scenario comparisons first, then each scenario's own charts
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && c.id().startsWith("compare-")) {
                    figure(h, l, c);
                }
            }
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && !c.id().startsWith("compare-")) {
                    figure(h, l, c);
                }
            }
            for (ScenarioRun r : in.runs()) {
                areaTable(h, l, r, area, in.runs().size() > 1);
                List<TargetVerdict> mine = futureFirst(r).stream().filter(v -> area(v.target().metric()).equals(area)).toList();
                if (!mine.isEmpty()) {
                    h.append("<h3>").append(esc(l.word("area.targets.table")))
                            .append(in.runs().size() > 1 ? " \u2013 " + esc(r.scenario().title()) : "").append("</h3>\n");
                    targetTable(h, l, r, mine, false);
                }
            }
            h.append("</section>\n");
        }
        boolean other = in.runs().stream().anyMatch(r -> r.verdicts().stream().anyMatch(v -> area(v.target().metric()).equals("other")));
        if (other) {
            h.append("<section id=\"area-other\">\n<h2>").append(esc(l.word("area.other"))).append("</h2>\n");
            for (ScenarioRun r : in.runs()) {
                List<TargetVerdict> mine = r.verdicts().stream().filter(v -> area(v.target().metric()).equals("other")).toList();
                if (!mine.isEmpty()) {
                    targetTable(h, l, r, mine, false);
                }
            }
            h.append("</section>\n");
        }

        // target probabilities
        h.append("<section id=\"targets\">\n<h2>").append(esc(l.word("area.targets"))).append("</h2>\n");
        for (ChartOutput c : charts) {
            if (c.area().equals("targets")) {
                figure(h, l, c);
            }
        }
        h.append("</section>\n");

        // assumptions
        h.append("<section id=\"assumptions\">\n<h2>").append(esc(l.word("assumptions"))).append("</h2>\n");
        for (ScenarioRun r : in.runs()) {
            assumptions(h, l, r);
        }
        h.append("</section>\n");

        // reproduce, files, notes
        h.append("<section id=\"reproduce\">\n<h2>").append(esc(l.word("reproduce"))).append("</h2>\n<pre>").append(esc(in.command()))
                .append("</pre>\n<table class=\"facts\">\n");
        fact(h, "plansim", in.version());
        fact(h, "seed", String.valueOf(in.seed()));
        fact(h, l.zh() ? "每个情景的路径数" : "paths per scenario", String.format(Locale.ROOT, "%,d", in.paths()));
        McResult first = in.runs().get(0).mc();
        fact(h, l.zh() ? "抽样方法" : "sampler", first.sampler());
        fact(h, l.zh() ? "分位数" : "percentiles", first.quantiles().accuracy(l.zh()));
        fact(h, l.zh() ? "报告语言" : "labels", l.lang().id() + (l.requested() != l.lang() ? " (" + l.requested().id() + " requested)" : ""));
        fact(h, l.zh() ? "图表字体" : "chart font", ChartFonts.family(l.cjkFont()));
        fact(h, l.zh() ? "生成时间" : "made", in.created());
        h.append("</table>\n<h3>").append(esc(l.word("files"))).append("</h3>\n<ul class=\"files\">\n")
                .append("<li><a href=\"summary.json\">summary.json</a></li>\n");
        for (int i = 0; i < in.runs().size(); i++) {
            String s = slugs.get(i);
            h.append("<li>").append(esc(in.runs().get(i).scenario().id())).append(": ");
            for (String t : List.of("percentiles", "central", "targets", "history")) {
                String path = "tables/" + s + "-" + t + ".csv";
                h.append("<a href=\"").append(esc(path)).append("\">").append(esc(path)).append("</a> ");
            }
            h.append("</li>\n");
        }
        h.append("<li>charts/*.png, charts/*.svg</li>\n</ul>\n</section>\n");
        h.append("<section id=\"notes\">\n<h2>").append(esc(l.word("notes"))).append("</h2>\n<ul>\n");
        for (String n : notes) {
            h.append("<li>").append(esc(n)).append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
        h.append("<footer><span id=\"selfcheck\" data-status=\"pending\"></span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------------------------------ parts

    private static void toc(StringBuilder h, Labels l, List<ChartOutput> charts) {
        h.append("<nav><a href=\"#summary\">").append(esc(l.word("summary"))).append("</a>");
        for (String area : ReportWriter.AREAS) {
            h.append("<a href=\"#area-").append(area).append("\">").append(esc(l.word("area." + area))).append("</a>");
        }
        h.append("<a href=\"#targets\">").append(esc(l.word("area.targets"))).append("</a>")
                .append("<a href=\"#assumptions\">").append(esc(l.word("assumptions"))).append("</a>")
                .append("<a href=\"#reproduce\">").append(esc(l.word("reproduce"))).append("</a>")
                .append("<a href=\"#notes\">").append(esc(l.word("notes"))).append("</a></nav>\n");
    }

    /** Future targets by year first (what the plan can still change), then the past ones judged on actuals. */
    static List<TargetVerdict> futureFirst(ScenarioRun r) {
        int base = r.scenario().baseYear();
        List<TargetVerdict> out = new ArrayList<>(r.verdicts());
        out.sort(java.util.Comparator.comparingInt((TargetVerdict v) -> v.target().year() > base ? 0 : 1)
                .thenComparingInt(v -> v.target().year()));
        return out;
    }

    static String light(Verdict v) {
        return switch (v) {
            case MET, ON_TRACK -> "green";
            case AT_RISK -> "amber";
            case MISSED, OFF_TRACK -> "red";
            case NOT_EVALUABLE -> "grey";
        };
    }

    private static void counts(StringBuilder h, Labels l, List<TargetVerdict> verdicts) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (TargetVerdict v : verdicts) {
            n.merge(v.verdict(), 1, Integer::sum);
        }
        h.append("<p class=\"counts\">");
        for (Verdict v : List.of(Verdict.ON_TRACK, Verdict.AT_RISK, Verdict.OFF_TRACK, Verdict.MET, Verdict.MISSED, Verdict.NOT_EVALUABLE)) {
            if (n.containsKey(v)) {
                h.append("<span class=\"chip ").append(light(v)).append("\">").append(n.get(v)).append(' ')
                        .append(esc(l.verdict(v))).append("</span> ");
            }
        }
        h.append("</p>\n");
    }

    /**
     * Several scenarios: one row per target (future targets first), one column per scenario with the verdict
     * as a coloured cell and the probability; each scenario's verdict counts above its column.
     */
    private static void matrix(StringBuilder h, Labels l, List<ScenarioRun> runs) {
        Map<String, TargetVerdict[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (TargetVerdict v : futureFirst(runs.get(i))) {
                rows.computeIfAbsent(v.target().id(), k -> new TargetVerdict[runs.size()])[i] = v;
            }
        }
        List<Map.Entry<String, TargetVerdict[]>> ordered = new ArrayList<>(rows.entrySet());
        ordered.sort(java.util.Comparator.comparingInt((Map.Entry<String, TargetVerdict[]> e) -> {
            TargetVerdict v = first(e.getValue());
            return v.target().year() > runs.get(0).scenario().baseYear() ? 0 : 1;
        }).thenComparingInt(e -> first(e.getValue()).target().year()));
        h.append("<table class=\"targets matrix\">\n<thead><tr><th>").append(esc(l.word("year"))).append("</th><th>")
                .append(esc(l.word("metric"))).append("</th><th>").append(esc(l.word("target"))).append("</th>");
        for (ScenarioRun r : runs) {
            Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
            r.verdicts().forEach(v -> n.merge(v.verdict(), 1, Integer::sum));
            h.append("<th class=\"scen\">").append(esc(r.scenario().title())).append("<br><small>")
                    .append(n.getOrDefault(Verdict.ON_TRACK, 0)).append(" / ").append(n.getOrDefault(Verdict.AT_RISK, 0)).append(" / ")
                    .append(n.getOrDefault(Verdict.OFF_TRACK, 0)).append("</small></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, TargetVerdict[]> e : ordered) {
            Target t = first(e.getValue()).target();
            String name = l.zh() ? t.nameZh() : t.name() + " \u00b7 " + t.nameZh();
            h.append("<tr><td>").append(t.year()).append("</td><td title=\"").append(esc(t.id())).append("\">").append(esc(name))
                    .append("</td><td>").append(esc(t.statement())).append("</td>");
            for (int i = 0; i < runs.size(); i++) {
                TargetVerdict v = e.getValue()[i];
                if (v == null) {
                    h.append("<td class=\"cell\">\u2013</td>");
                    continue;
                }
                boolean past = v.actualMet() != null || v.target().year() <= runs.get(i).scenario().baseYear();
                h.append("<td class=\"cell ").append(light(v.verdict())).append("\">").append(esc(l.verdict(v.verdict())));
                if (!past && Double.isFinite(v.probability())) {
                    h.append("<br><small>P ").append(pct(v.probability())).append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">").append(esc(l.zh() ? "各列标题下为“有望实现 / 存在风险 / 难以实现”的目标数；各情景的详细表格见下文各领域。"
                : "Under each scenario: targets on track / at risk / off track. Each scenario's full table is in the areas below.")).append("</p>\n");
    }

    private static TargetVerdict first(TargetVerdict[] row) {
        for (TargetVerdict v : row) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalStateException("empty row");
    }

    private static void targetTable(StringBuilder h, Labels l, ScenarioRun r, List<TargetVerdict> verdicts, boolean summary) {
        h.append("<table class=\"targets").append(summary ? " lights" : "").append("\">\n<thead><tr><th>").append(esc(l.word("verdict")))
                .append("</th><th>").append(esc(l.word("year"))).append("</th><th>").append(esc(l.word("metric")))
                .append("</th><th>").append(esc(l.word("target"))).append("</th><th class=\"num\">").append(esc(l.word("central")))
                .append("</th><th class=\"num\">").append(esc(l.word("p"))).append("</th><th class=\"num\">").append(esc(l.word("ci")))
                .append("</th><th>id</th></tr></thead>\n<tbody>\n");
        for (TargetVerdict v : verdicts) {
            Target t = v.target();
            boolean past = v.actualMet() != null || t.year() <= r.scenario().baseYear();
            String central = past && Double.isFinite(v.actual()) ? fmt(v.actual()) + (l.zh() ? "（实际）" : " (actual)") : fmt(v.central());
            String p = past || !Double.isFinite(v.probability()) ? "\u2013" : pct(v.probability());
            String ci = past || !Double.isFinite(v.ciLow()) ? "\u2013" : pct(v.ciLow()) + "\u2013" + pct(v.ciHigh());
            String name = l.zh() ? t.nameZh() : t.name() + " \u00b7 " + t.nameZh();
            h.append("<tr class=\"").append(light(v.verdict())).append("\"><td class=\"light\"><span class=\"dot\"></span>")
                    .append(esc(l.verdict(v.verdict()))).append("</td><td>").append(t.year()).append("</td><td>").append(esc(name))
                    .append("</td><td>").append(esc(t.statement())).append("</td><td class=\"num\">").append(esc(central))
                    .append("</td><td class=\"num\">").append(p).append("</td><td class=\"num\">").append(ci)
                    .append("</td><td class=\"id\" title=\"").append(esc(v.reason() == null ? t.source().toString() : v.reason()))
                    .append("\">").append(esc(t.id())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void figure(StringBuilder h, Labels l, ChartOutput c) {
        h.append("<figure id=\"chart-").append(esc(c.id())).append("\"><img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(c.png())).append("\" width=\"").append(c.width()).append("\" height=\"")
                .append(c.height()).append("\" alt=\"").append(esc(c.title())).append("\">\n<figcaption>").append(esc(c.caption()))
                .append(" <span class=\"files\">").append(esc(l.word("files"))).append(": <a href=\"").append(esc(c.pngPath()))
                .append("\">PNG</a> <a href=\"").append(esc(c.svgPath())).append("\">SVG</a>");
        for (String t : c.tables()) {
            h.append(" <a href=\"").append(esc(t)).append("\">").append(esc(t.substring(t.lastIndexOf('/') + 1))).append("</a>");
        }
        h.append("</span></figcaption></figure>\n");
    }

    /** Median and 5-95% band of the area's variables at the base year, every fifth year and the horizon. */
    private static void areaTable(StringBuilder h, Labels l, ScenarioRun r, String area, boolean named) {
        McResult mc = r.mc();
        List<Integer> rows = new ArrayList<>();
        for (String id : AREA_VARIABLES.get(area)) {
            int v = mc.variableIndex(id);
            if (v >= 0) {
                rows.add(v);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int[] years = mc.years();
        List<Integer> cols = new ArrayList<>();
        cols.add(0);
        for (int t = 1; t < years.length; t++) {
            if (years[t] % 5 == 0 || t == years.length - 1) {
                cols.add(t);
            }
        }
        h.append("<h3>").append(esc(l.word("area.table"))).append(named ? " \u2013 " + esc(r.scenario().title()) : "").append("</h3>\n")
                .append("<table class=\"values\">\n<thead><tr><th>").append(esc(l.word("metric"))).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th>");
        for (int t : cols) {
            h.append("<th class=\"num\">").append(years[t]).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int v : rows) {
            VariableInfo info = mc.variables().get(v);
            h.append("<tr><td>").append(esc(l.metricHtml(info))).append("</td><td>")
                    .append(esc(l.unitWithBasisHtml(info, r.scenario().baseYear()))).append("</td>");
            int row = r.central().indexOf(info.id());
            for (int t : cols) {
                if (t == 0 && row >= 0) {
                    // the base year is the same on every path: the exact value, not a sketched percentile
                    h.append("<td class=\"num\">").append(esc(fmt(r.central().values()[row][0]))).append("</td>");
                    continue;
                }
                double p50 = mc.quantile(v, t, 0.5);
                double p05 = mc.quantile(v, t, 0.05);
                double p95 = mc.quantile(v, t, 0.95);
                h.append("<td class=\"num\">").append(esc(fmt(p50)));
                if (t > 0 && Double.isFinite(p05) && Math.abs(p95 - p05) > 1e-9 * Math.max(1, Math.abs(p50))) {
                    h.append("<br><small>").append(esc(fmt(p05))).append("\u2013").append(esc(fmt(p95))).append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void assumptions(StringBuilder h, Labels l, ScenarioRun run) {
        Scenario s = run.scenario();
        boolean zh = l.zh();
        h.append("<h3>").append(esc(s.title())).append(" <small>").append(esc(s.id())).append("</small></h3>\n<table class=\"facts\">\n");
        fact(h, l.word("narrative"), s.narrative());
        fact(h, zh ? "地区与年份" : "region and years", s.region() + ", " + s.baseYear() + "\u2013" + s.horizon() + " (" + s.currency() + ")");
        fact(h, l.word("model"), s.production() == ProductionKind.SOLOW
                ? (zh ? "Solow-Swan 增长模型：Y = A K^α (hL)^(1-α)（世界银行 LTGM）" : "Solow-Swan: Y = A K^α (hL)^(1-α), as in the World Bank's LTGM")
                : (zh ? "外生增长路径：Y(t) = Y(t-1)(1 + realGrowth)" : "exogenous growth path: Y(t) = Y(t-1) (1 + realGrowth)"));
        if (s.lineage().size() > 1) {
            fact(h, zh ? "继承" : "extends", String.join(" \u2190 ", s.lineage()));
        }
        if (!s.satellites().isEmpty()) {
            fact(h, zh ? "卫星指标" : "satellite indicators", s.satellites().stream().map(x -> x.id()).collect(Collectors.joining(", ")));
        }
        h.append("</table>\n");

        // base values
        h.append("<h4>").append(esc(zh ? "基年数值" : "Base-year values")).append("</h4>\n<table class=\"drivers\"><thead><tr><th>")
                .append(esc(zh ? "项目" : "field")).append("</th><th class=\"num\">").append(esc(zh ? "数值" : "value")).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th><th>").append(esc(zh ? "来源" : "source")).append("</th></tr></thead><tbody>\n");
        for (BaseField f : BaseField.values()) {
            BaseValue b = s.base().get(f);
            if (b != null) {
                h.append("<tr><td>").append(esc(f.key())).append("</td><td class=\"num\">").append(esc(fmt(b.value()))).append("</td><td>")
                        .append(esc(b.unit())).append("</td><td class=\"src\">").append(esc(b.source() == null ? "" : b.source().toString()))
                        .append("</td></tr>\n");
            }
        }
        h.append("</tbody></table>\n");

        // drivers
        int[] show = driverYears(s);
        h.append("<h4>").append(esc(l.word("drivers"))).append("</h4>\n<p class=\"note\">")
                .append(esc(zh ? "驱动参数中的比率为小数（0.05 = 每年 5%）。“默认”表示情景未改动该参数。"
                        : "Rates in drivers are fractions (0.05 = 5% a year). \"default\" marks a driver the scenario leaves at plansim's default."))
                .append("</p>\n<table class=\"drivers\"><thead><tr><th>").append(esc(zh ? "参数" : "driver")).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th><th>").append(esc(zh ? "设定" : "as written")).append("</th>");
        for (int y : show) {
            h.append("<th class=\"num\">").append(s.baseYear() + y).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        Set<Driver> skip = s.production() == ProductionKind.SOLOW ? Set.of(Driver.REAL_GROWTH)
                : Set.of(Driver.TFP_GROWTH, Driver.HUMAN_CAPITAL_GROWTH, Driver.SAVINGS_RATE, Driver.DEPRECIATION,
                        Driver.CAPITAL_SHARE, Driver.CAPITAL_OUTPUT_RATIO);
        for (Driver d : Driver.values()) {
            PathSpec spec = s.drivers().get(d);
            if (spec == null || skip.contains(d)) {
                continue;
            }
            double[] values = new double[s.years()];
            spec.fill(values, s.baseYear());
            boolean isDefault = spec instanceof PathSpec.Constant c && c.value() == d.defaultValue();
            h.append("<tr").append(isDefault ? " class=\"default\"" : "").append("><td>").append(esc(d.path())).append("</td><td>")
                    .append(esc(d.unit())).append("</td><td>").append(esc(describe(spec))).append(isDefault ? (zh ? "（默认）" : " (default)") : "")
                    .append("</td>");
            for (int y : show) {
                h.append("<td class=\"num\">").append(esc(fmtDriver(values[y]))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");

        if (!s.shocks().isEmpty()) {
            h.append("<h4>").append(esc(zh ? "一次性冲击" : "One-off shocks")).append("</h4>\n<ul>\n");
            for (Shock x : s.shocks()) {
                h.append("<li>").append(esc(x.name() + ": " + x.variable() + " " + x.year() + " "
                        + String.format(Locale.ROOT, "%+.1f%%", 100 * x.size()) + (x.note() == null ? "" : " (" + x.note() + ")"))).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        // uncertainty
        Uncertainty u = s.uncertainty();
        h.append("<h4>").append(esc(l.word("uncertainty"))).append("</h4>\n");
        if (u == null || u.isEmpty()) {
            h.append("<p>").append(esc(zh ? "情景未设定不确定性：所有路径相同。" : "The scenario states nothing uncertain: every path is the central path."))
                    .append("</p>\n");
            return;
        }
        h.append("<ul class=\"uncertainty\">\n");
        for (Uncertainty.Parameter p : u.parameters()) {
            h.append("<li>").append(esc(p.driver().path() + ": " + describe(p.distribution()) + ", " + p.from() + "\u2013" + p.to() + ", "
                    + p.mode().describe(zh)
                    + (zh ? "（每条路径抽取一次）" : " (drawn once per path)"))).append("</li>\n");
        }
        for (Uncertainty.AnnualShock a : u.shocks()) {
            h.append("<li>").append(esc(a.variable() + (zh ? "：每年对数冲击，标准差 " : ": yearly log shock, sd ") + fmtDriver(a.sd())
                    + (a.persistence() != 0 ? (zh ? "，持续性 " : ", persistence ") + fmtDriver(a.persistence()) : ""))).append("</li>\n");
        }
        if (u.tailsDf() > 0) {
            h.append("<li>").append(esc((zh ? "冲击服从 Student-t 分布，自由度 " : "Student-t shocks with df ") + fmtDriver(u.tailsDf()))).append("</li>\n");
        }
        if (u.correlation() != null && u.correlation().length > 1) {
            h.append("<li>").append(esc((zh ? "冲击相关矩阵：" : "shock correlation matrix: ") + matrix(u.correlation()))).append("</li>\n");
        }
        for (Uncertainty.RareEvent e : u.events()) {
            h.append("<li>").append(esc(e.name() + (zh ? "：每年概率 " : ": probability ") + fmtDriver(e.probability())
                    + (zh ? "，影响 " : " a year, effects ") + e.effects().stream().map(x -> x.variable() + " " + describe(x.size()))
                    .collect(Collectors.joining(", ")))).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static int[] driverYears(Scenario s) {
        List<Integer> out = new ArrayList<>();
        out.add(Math.min(1, s.years() - 1));
        for (int t = 2; t < s.years() - 1; t++) {
            if ((s.baseYear() + t) % 5 == 0) {
                out.add(t);
            }
        }
        if (s.years() - 1 > out.get(out.size() - 1)) {
            out.add(s.years() - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static String describe(PathSpec spec) {
        if (spec instanceof PathSpec.Constant c) {
            return fmtDriver(c.value());
        }
        if (spec instanceof PathSpec.Periods p) {
            return p.periods().stream().map(x -> x.from() + "\u2013" + x.to() + ": " + fmtDriver(x.value())).collect(Collectors.joining(", "));
        }
        if (spec instanceof PathSpec.Anchors a) {
            return "anchors " + a.anchors().entrySet().stream().map(e -> e.getKey() + ": " + fmtDriver(e.getValue()))
                    .collect(Collectors.joining(" \u2192 "));
        }
        if (spec instanceof PathSpec.Overlay o) {
            return describe(o.under()) + "; " + o.over().from() + "\u2013" + o.over().to() + ": " + fmtDriver(o.over().value()) + " (--set)";
        }
        return spec.toString();
    }

    private static String describe(Distribution d) {
        return d.describe();
    }

    private static String matrix(double[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < m[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(fmtDriver(m[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static void fact(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    // ------------------------------------------------------------------------------------------ format

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.4f", v);
    }

    static String fmtDriver(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ page assets

    /**
     * Marks the page once loaded: every image decoded (naturalWidth > 0) and no script or resource error, in
     * #selfcheck's data-status ("ok" or "failed"); tests read it from the DOM of a headless browser.
     */
    static final String SELF_CHECK = """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) {
                errors.push(e.message || (e.target && e.target.tagName) || 'error');
              }, true);
              window.addEventListener('load', function () {
                var imgs = document.images, broken = 0;
                for (var i = 0; i < imgs.length; i++) {
                  if (!imgs[i].complete || imgs[i].naturalWidth === 0) { broken++; }
                }
                var m = document.getElementById('selfcheck');
                m.setAttribute('data-images', String(imgs.length));
                m.setAttribute('data-broken', String(broken));
                m.setAttribute('data-errors', String(errors.length));
                m.setAttribute('data-status', broken === 0 && errors.length === 0 ? 'ok' : 'failed');
                m.textContent = 'self-check: ' + (imgs.length - broken) + '/' + imgs.length + ' charts rendered'
                    + (errors.length ? ', errors: ' + errors.join('; ') : '');
              });
            })();
            """;

    static final String CSS = """
            :root { --green: #2ca02c; --amber: #f0a30a; --red: #d62728; --grey: #9a9a9a; --ink: #222; --muted: #666; --rule: #ddd; }
            * { box-sizing: border-box; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei",
                   "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px;
                   line-height: 1.45; font-size: 15px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            h4 { font-size: 14px; margin: 16px 0 6px; }
            small { color: var(--muted); font-weight: normal; }
            .meta { color: var(--muted); margin: 0 0 6px; }
            .cmd { margin: 0 0 10px; }
            .cmd span { color: var(--muted); }
            code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; background: #f4f4f4; }
            code { padding: 2px 6px; border-radius: 3px; }
            pre { padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; }
            nav { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 8px 0; border-top: 1px solid var(--rule);
                  border-bottom: 1px solid var(--rule); font-size: 14px; }
            a { color: #08519c; text-decoration: none; }
            a:hover { text-decoration: underline; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13.5px; }
            th, td { padding: 4px 7px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            thead th { background: #f2f2f2; font-weight: 600; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.id { font-size: 12px; color: var(--muted); }
            td.src { font-size: 12px; color: var(--muted); }
            .targets td.light { white-space: nowrap; font-weight: 600; }
            .dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
            tr.green .dot { background: var(--green); } tr.amber .dot { background: var(--amber); }
            tr.red .dot { background: var(--red); } tr.grey .dot { background: var(--grey); }
            table.lights tr.green td.light { background: #e3f3e3; } table.lights tr.amber td.light { background: #fdf0d5; }
            table.lights tr.red td.light { background: #f9dede; } table.lights tr.grey td.light { background: #eee; }
            table.matrix td.cell { text-align: center; font-weight: 600; color: #fff; white-space: nowrap; }
            table.matrix td.cell small { color: #fff; }
            table.matrix td.cell.green { background: var(--green); } table.matrix td.cell.amber { background: var(--amber); }
            table.matrix td.cell.red { background: var(--red); } table.matrix td.cell.grey { background: var(--grey); }
            table.matrix td.cell { border: 2px solid #fff; }
            table.matrix th.scen { text-align: center; }
            .counts { margin: 4px 0 8px; }
            .chip { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 600; font-size: 13px; margin-right: 4px; }
            .chip.green { background: var(--green); } .chip.amber { background: var(--amber); }
            .chip.red { background: var(--red); } .chip.grey { background: var(--grey); }
            .note { color: var(--muted); font-size: 13px; }
            figure { margin: 16px 0 22px; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
            figcaption .files a { margin-left: 6px; }
            table.facts th { width: 210px; background: none; font-weight: 600; }
            tr.default td { color: var(--muted); }
            ul.files { font-size: 13px; }
            footer { margin-top: 30px; font-size: 12px; color: var(--muted); }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              nav, figcaption .files, footer { display: none; }
              h2 { page-break-after: avoid; }
              figure, tr { page-break-inside: avoid; }
              section#summary { page-break-after: always; }
              a { color: inherit; }
            }
            """;
}
