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

    /** The two pages of a report: the compact index.html and appendix.html with every scenario's full tables. */
    record Pages(String index, String appendix) {
    }

    static Pages render(ReportInput in, List<String> slugs, List<ChartOutput> charts, List<String> notes) {
        return new Pages(index(in, slugs, charts, notes), appendix(in, slugs, charts));
    }

    /** Whether a chart belongs on the compact page: comparisons, and every chart of the headline (first) scenario. */
    static boolean onIndex(ChartOutput c) {
        return c.scenario() <= 0;
    }

    private static void head(StringBuilder h, ReportInput in, String title) {
        Labels l = in.labels();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(l.zh() ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"plansim ").append(esc(in.version())).append("\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>").append(CSS).append(printHeader(in)).append("</style>\n")
                .append("<script>").append(l.zh() ? SELF_CHECK.replace("'self-check: '", "'自检：'")
                        .replace("' charts rendered'", "' 幅图表已显示'").replace("', errors: '", "'，错误：'") : SELF_CHECK)
                .append("</script>\n</head>\n<body>\n");
    }

    /** The running header and page numbers of the printed page (A4): the title and the date on every page. */
    private static String printHeader(ReportInput in) {
        String date = in.created().length() >= 10 ? in.created().substring(0, 10) : in.created();
        return "@page { size: A4; margin: 16mm 13mm 15mm; "
                + "@top-left { content: \"" + cssString(in.title()) + "\"; font-size: 8pt; color: #666; } "
                + "@top-right { content: \"" + cssString(date) + "\"; font-size: 8pt; color: #666; } "
                + "@bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #666; } }\n";
    }

    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3c ").replace("\n", " ");
    }

    private static String index(ReportInput in, List<String> slugs, List<ChartOutput> charts, List<String> notes) {
        Labels l = in.labels();
        StringBuilder h = new StringBuilder(1 << 20);
        head(h, in, in.title());
        h.append("<header><h1>").append(esc(in.title())).append("</h1>\n");
        FirstPage.render(h, in);
        h.append("</header>\n");
        toc(h, l);

        // summary: traffic lights
        h.append("<section id=\"summary\">\n<h2>").append(esc(l.word("summary"))).append("</h2>\n");
        if (in.runs().size() == 1) {
            ScenarioRun r = in.runs().get(0);
            counts(h, l, r.verdicts());
            targetTable(h, l, r, futureFirst(r), true);
        } else {
            matrix(h, l, in.runs());
        }
        h.append("<p class=\"note\">").append(esc(l.word("summary.note"))).append(' ')
                .append(esc(io.plansim.tables.VerdictTables.basis(in.paths(), in.seed(), l.zh()))).append("</p>\n</section>\n");

        // areas: comparisons first, then the headline scenario's own charts
        for (String area : ReportWriter.AREAS) {
            h.append("<section id=\"area-").append(area).append("\">\n<h2>").append(esc(l.word("area." + area))).append("</h2>\n");
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && c.scenario() < 0) {
                    figure(h, l, c);
                }
            }
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && c.scenario() == 0) {
                    figure(h, l, c);
                }
            }
            h.append("</section>\n");
        }
        h.append("<section id=\"targets\">\n<h2>").append(esc(l.word("area.targets"))).append("</h2>\n");
        for (ChartOutput c : charts) {
            if (c.area().equals("targets") && c.scenario() == 0) {
                figure(h, l, c);
            }
        }
        h.append("<p><a href=\"appendix.html\">").append(esc(l.word("appendix.link"))).append("</a></p>\n</section>\n");

        TrustSection.render(h, in, in.calibration());
        reproduce(h, in, slugs);
        h.append("<section id=\"notes\">\n<h2>").append(esc(l.word("notes"))).append("</h2>\n<ul>\n");
        for (String n : notes) {
            h.append("<li>").append(esc(n)).append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
        h.append("<footer><span id=\"selfcheck\" data-status=\"pending\"></span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Every scenario in full: its other charts, the per-area tables of values and targets (with sources), its assumptions. */
    private static String appendix(ReportInput in, List<String> slugs, List<ChartOutput> charts) {
        Labels l = in.labels();
        StringBuilder h = new StringBuilder(1 << 20);
        String title = in.title() + (l.zh() ? "：附录" : ": appendix");
        head(h, in, title);
        h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">").append(esc(l.word("appendix.about")))
                .append(" <a href=\"index.html\">index.html</a></p>\n</header>\n<nav>");
        for (int i = 0; i < in.runs().size(); i++) {
            h.append("<a href=\"#scenario-").append(esc(slugs.get(i))).append("\">").append(esc(l.scenarioName(in.runs().get(i).scenario())))
                    .append("</a>");
        }
        h.append("</nav>\n");
        for (int i = 0; i < in.runs().size(); i++) {
            ScenarioRun r = in.runs().get(i);
            h.append("<section id=\"scenario-").append(esc(slugs.get(i))).append("\" class=\"scenario\">\n<h2>")
                    .append(esc(l.scenarioName(r.scenario()))).append("</h2>\n<p>").append(esc(l.scenarioNarrative(r.scenario()))).append("</p>\n");
            counts(h, l, r.verdicts());
            for (String area : ReportWriter.AREAS) {
                h.append("<h3>").append(esc(l.word("area." + area))).append("</h3>\n");
                for (ChartOutput c : charts) {
                    if (c.area().equals(area) && c.scenario() == i && i > 0) {
                        figure(h, l, c);
                    }
                }
                areaTable(h, l, r, area);
                List<TargetVerdict> mine = futureFirst(r).stream().filter(v -> area(v.target().metric()).equals(area)).toList();
                if (!mine.isEmpty()) {
                    h.append("<h4>").append(esc(l.word("area.targets.table"))).append("</h4>\n");
                    targetTable(h, l, r, mine, false);
                }
            }
            List<TargetVerdict> other = futureFirst(r).stream().filter(v -> area(v.target().metric()).equals("other")).toList();
            if (!other.isEmpty()) {
                h.append("<h3>").append(esc(l.word("area.other"))).append("</h3>\n");
                targetTable(h, l, r, other, false);
            }
            for (ChartOutput c : charts) {
                if (c.area().equals("targets") && c.scenario() == i && i > 0) {
                    figure(h, l, c);
                }
            }
            h.append("<h3>").append(esc(l.word("assumptions"))).append("</h3>\n");
            assumptions(h, l, r);
            h.append("</section>\n");
        }
        h.append("<footer><span id=\"selfcheck\" data-status=\"pending\"></span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void reproduce(StringBuilder h, ReportInput in, List<String> slugs) {
        Labels l = in.labels();
        h.append("<section id=\"reproduce\">\n<h2>").append(esc(l.word("reproduce"))).append("</h2>\n<pre>").append(esc(in.command()))
                .append("</pre>\n<div class=\"scroll\"><table class=\"facts\">\n");
        fact(h, l.zh() ? "版本" : "version", "plansim " + in.version());
        fact(h, l.zh() ? "随机种子" : "seed", String.valueOf(in.seed()));
        fact(h, l.zh() ? "每个情景的路径数" : "paths per scenario", String.format(Locale.ROOT, "%,d", in.paths()));
        McResult first = in.runs().get(0).mc();
        fact(h, l.zh() ? "抽样方法" : "sampler", l.zh() ? "简单随机抽样（" + first.sampler() + "）" : first.sampler());
        fact(h, l.zh() ? "分位数" : "percentiles", first.quantiles().accuracy(l.zh()));
        fact(h, l.zh() ? "报告语言" : "labels", l.zh() ? (l.chartZh() ? "中文" : "中文（图表为英文：未找到中文字体）")
                : l.lang().id() + (l.requested() != l.lang() ? " (" + l.requested().id() + " requested)" : ""));
        fact(h, l.zh() ? "图表字体" : "chart font", (l.zh() ? "字体 " : "") + ChartFonts.family(l.cjkFont()));
        fact(h, l.zh() ? "生成时间" : "made", in.created());
        h.append("</table></div>\n<h3>").append(esc(l.word("files"))).append("</h3>\n<ul class=\"files\">\n")
                .append("<li><a href=\"appendix.html\">appendix.html</a></li>\n")
                .append("<li><a href=\"summary.json\">summary.json</a></li>\n");
        for (int i = 0; i < in.runs().size(); i++) {
            String s = slugs.get(i);
            h.append("<li>").append(esc(l.scenarioName(in.runs().get(i).scenario()))).append(l.zh() ? "：" : ": ");
            for (String t : List.of("percentiles", "central", "targets", "history")) {
                String path = "tables/" + s + "-" + t + ".csv";
                h.append("<a href=\"").append(esc(path)).append("\">").append(esc(path)).append("</a> ");
            }
            h.append("</li>\n");
        }
        h.append("<li>charts/*.png, charts/*.svg</li>\n</ul>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------ parts

    private static void toc(StringBuilder h, Labels l) {
        h.append("<nav><a href=\"#summary\">").append(esc(l.word("summary"))).append("</a>");
        for (String area : ReportWriter.AREAS) {
            h.append("<a href=\"#area-").append(area).append("\">").append(esc(l.word("area." + area))).append("</a>");
        }
        h.append("<a href=\"#targets\">").append(esc(l.word("area.targets"))).append("</a>")
                .append("<a href=\"appendix.html\">").append(esc(l.word("appendix"))).append("</a>")
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
        h.append("<div class=\"scroll\"><table class=\"targets matrix\">\n<thead><tr><th>").append(esc(l.word("year"))).append("</th><th>")
                .append(esc(l.word("metric"))).append("</th><th>").append(esc(l.word("target"))).append("</th>");
        for (ScenarioRun r : runs) {
            Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
            r.verdicts().forEach(v -> n.merge(v.verdict(), 1, Integer::sum));
            h.append("<th class=\"scen\">").append(esc(l.scenarioName(r.scenario()))).append("<br><small>")
                    .append(n.getOrDefault(Verdict.ON_TRACK, 0)).append(" / ").append(n.getOrDefault(Verdict.AT_RISK, 0)).append(" / ")
                    .append(n.getOrDefault(Verdict.OFF_TRACK, 0)).append("</small></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, TargetVerdict[]> e : ordered) {
            Target t = first(e.getValue()).target();
            String name = l.targetName(t);
            h.append("<tr><td>").append(t.year()).append("</td><td title=\"").append(esc(t.id())).append("\">").append(esc(name))
                    .append("</td><td>").append(esc(l.statement(t))).append("</td>");
            for (int i = 0; i < runs.size(); i++) {
                TargetVerdict v = e.getValue()[i];
                if (v == null) {
                    h.append("<td class=\"cell\">\u2013</td>");
                    continue;
                }
                boolean past = v.actualMet() != null || v.target().year() <= runs.get(i).scenario().baseYear();
                h.append("<td class=\"cell ").append(light(v.verdict())).append("\" ").append(dataAttributes(runs.get(i), v)).append(">").append(esc(l.verdict(v.verdict())));
                if (!past && Double.isFinite(v.probability())) {
                    h.append("<br><small>").append(l.zh() ? "概率 " : "P ").append(pct(v.probability())).append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n<p class=\"note\">").append(esc(l.zh() ? "各列标题下为“有望实现 / 存在风险 / 难以实现”的目标数；各情景的详细表格（含来源）见附录 appendix.html。"
                : "Under each scenario: targets on track / at risk / off track. Each scenario's full tables, with sources, are in appendix.html.")).append("</p>\n");
    }

    /** The verdict as data on its row, in the words of the JSON, so that tests compare the page with targets and mc. */
    private static String dataAttributes(ScenarioRun r, TargetVerdict v) {
        return "data-scenario=\"" + esc(r.scenario().id()) + "\" data-target=\"" + esc(v.target().id()) + "\" data-verdict=\""
                + esc(v.verdict().label()) + "\"";
    }

    private static TargetVerdict first(TargetVerdict[] row) {
        for (TargetVerdict v : row) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalStateException("empty row");
    }

    /**
     * Targets as traffic lights: verdict, year, indicator, condition, central figure (the actual for a past
     * year), the gap in the target's direction, P(met) with its 95% interval; the full tables (not the summary)
     * also cite the source by the plan's title and line, with the quote on hover.
     */
    private static void targetTable(StringBuilder h, Labels l, ScenarioRun r, List<TargetVerdict> verdicts, boolean summary) {
        h.append("<div class=\"scroll\"><table class=\"targets").append(summary ? " lights" : "").append("\">\n<thead><tr><th>")
                .append(esc(l.word("verdict"))).append("</th><th>").append(esc(l.word("year"))).append("</th><th>").append(esc(l.word("metric")))
                .append("</th><th>").append(esc(l.word("target"))).append("</th><th class=\"num\">").append(esc(l.word("central")))
                .append("</th><th>").append(esc(l.word("gap"))).append("</th><th class=\"num\">").append(esc(l.word("p")))
                .append("</th>").append(summary ? "" : "<th>" + esc(l.word("source")) + "</th>").append("</tr></thead>\n<tbody>\n");
        for (TargetVerdict v : verdicts) {
            Target t = v.target();
            boolean past = v.actualMet() != null || t.year() <= r.scenario().baseYear();
            String central = past && Double.isFinite(v.actual()) ? fmt(v.actual()) + (l.zh() ? "（实际）" : " (actual)") : fmt(v.central());
            String p = past || !Double.isFinite(v.probability()) ? "\u2013" : pct(v.probability());
            String ci = past || !Double.isFinite(v.ciLow()) ? "" : "<br><small>" + pct(v.ciLow()) + "\u2013" + pct(v.ciHigh()) + "</small>";
            h.append("<tr class=\"").append(light(v.verdict())).append("\" ").append(dataAttributes(r, v)).append(" title=\"")
                    .append(esc(t.id() + (v.reason() == null ? "" : ": " + v.reason()))).append("\"><td class=\"light\"><span class=\"dot\"></span>")
                    .append(esc(l.verdict(v.verdict()))).append("</td><td>").append(t.year()).append("</td><td>").append(esc(l.targetName(t)))
                    .append("</td><td>").append(esc(l.statement(t))).append("</td><td class=\"num\">").append(esc(central))
                    .append("</td><td class=\"gap\">").append(esc(gapText(l, v))).append("</td><td class=\"num\">").append(p).append(ci)
                    .append("</td>");
            if (!summary) {
                h.append("<td class=\"src\" title=\"").append(esc(t.source().quote())).append("\">").append(esc(l.source(t.source()))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    /** The gap in the target's direction, in the page's language; "–" when undefined. */
    static String gapText(Labels l, TargetVerdict v) {
        String g = io.plansim.tables.VerdictTables.gapWords(v, l.zh());
        return g.equals("-") ? "\u2013" : g;
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

    /** Central figure and 5-95% band of the area's variables at the base year, every fifth year and the horizon. */
    private static void areaTable(StringBuilder h, Labels l, ScenarioRun r, String area) {
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
        h.append("<h4>").append(esc(l.word("area.table"))).append("</h4>\n")
                .append("<div class=\"scroll\"><table class=\"values\">\n<thead><tr><th>").append(esc(l.word("metric"))).append("</th><th>")
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
                double p50 = r.centralFigure(info.id(), t);
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
        h.append("</tbody></table></div>\n");
    }

    private static void assumptions(StringBuilder h, Labels l, ScenarioRun run) {
        Scenario s = run.scenario();
        boolean zh = l.zh();
        h.append("<div class=\"scroll\"><table class=\"facts\">\n");
        fact(h, zh ? "情景代码" : "scenario", s.id());
        fact(h, zh ? "地区与年份" : "region and years", l.region(s.region()) + (zh ? "，" : ", ") + s.baseYear() + "\u2013" + s.horizon()
                + (zh ? "（人民币）" : " (" + s.currency() + ")"));
        fact(h, l.word("model"), s.production() == ProductionKind.SOLOW
                ? (zh ? "Solow-Swan 增长模型：Y = A K^α (hL)^(1-α)（世界银行 LTGM）" : "Solow-Swan: Y = A K^α (hL)^(1-α), as in the World Bank's LTGM")
                : (zh ? "外生增长路径：Y(t) = Y(t-1)(1 + realGrowth)" : "exogenous growth path: Y(t) = Y(t-1) (1 + realGrowth)"));
        if (s.lineage().size() > 1) {
            fact(h, zh ? "继承" : "extends", String.join(" \u2190 ", s.lineage()));
        }
        if (!s.satellites().isEmpty()) {
            fact(h, zh ? "卫星指标" : "satellite indicators", s.satellites().stream().map(x -> zh && !x.nameZh().isEmpty() ? x.nameZh() : x.id()).collect(Collectors.joining(zh ? "、" : ", ")));
        }
        h.append("</table></div>\n");

        // base values
        h.append("<h4>").append(esc(zh ? "基年数值" : "Base-year values")).append("</h4>\n<div class=\"scroll\"><table class=\"drivers\"><thead><tr><th>")
                .append(esc(zh ? "项目" : "field")).append("</th><th class=\"num\">").append(esc(zh ? "数值" : "value")).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th><th>").append(esc(zh ? "来源" : "source")).append("</th></tr></thead><tbody>\n");
        for (BaseField f : BaseField.values()) {
            BaseValue b = s.base().get(f);
            if (b != null) {
                h.append("<tr><td>").append(esc(zh ? f.description().replaceAll("^.*\\((.*)\\)$", "$1") + "（" + f.key() + "）" : f.key()))
                        .append("</td><td class=\"num\">").append(esc(fmt(b.value()))).append("</td><td>")
                        .append(esc(b.unit())).append("</td>").append(sourceCell(l, b.source(), s.id()))
                        .append("</tr>\n");
            }
        }
        h.append("</tbody></table></div>\n");

        // drivers
        int[] show = driverYears(s);
        h.append("<h4>").append(esc(l.word("drivers"))).append("</h4>\n<p class=\"note\">")
                .append(esc(zh ? "驱动参数中的比率为小数（0.05 = 每年 5%）。“默认”表示情景未改动该参数。"
                        : "Rates in drivers are fractions (0.05 = 5% a year). \"default\" marks a driver the scenario leaves at plansim's default."))
                .append("</p>\n<div class=\"scroll\"><table class=\"drivers\"><thead><tr><th>").append(esc(zh ? "参数" : "driver")).append("</th><th>")
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
                    .append(esc(l.driverUnit(d.unit()))).append("</td><td>").append(esc(describe(spec, zh))).append(isDefault ? (zh ? "（默认）" : " (default)") : "")
                    .append("</td>");
            for (int y : show) {
                h.append("<td class=\"num\">").append(esc(fmtDriver(values[y]))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");

        if (!s.shocks().isEmpty()) {
            h.append("<h4>").append(esc(zh ? "一次性冲击" : "One-off shocks")).append("</h4>\n<ul>\n");
            for (Shock x : s.shocks()) {
                String size = String.format(Locale.ROOT, "%+.1f%%", 100 * x.size());
                // the note is free text in the scenario file's language: on the Chinese page it shows on hover
                h.append("<li").append(zh && x.note() != null ? " title=\"" + esc(x.note()) + "\"" : "").append(">")
                        .append(esc(zh ? x.name() + "：" + x.year() + " 年 " + x.variable() + " 水平变动 " + size + "（一次性冲击）"
                                : x.name() + ": " + x.variable() + " " + x.year() + " " + size + (x.note() == null ? "" : " (" + x.note() + ")")))
                        .append("</li>\n");
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

    /**
     * A source cell: the plan's title and line (quote on hover), a statistic's address, or the scenario's note. A
     * note is free text in the scenario file's language: the Chinese page names it an assumption and shows it on hover.
     */
    private static String sourceCell(Labels l, io.plansim.scenario.Source src, String scenario) {
        if (src == null) {
            return "<td class=\"src\"></td>";
        }
        if (src.file() == null && src.url() == null && l.zh()) {
            return "<td class=\"src\" title=\"" + esc(src.note()) + "\">" + esc("情景假设（说明见情景文件 " + scenario + "）") + "</td>";
        }
        String quote = src.quote() == null ? src.note() : src.quote();
        return "<td class=\"src\" title=\"" + esc(quote) + "\">" + esc(l.source(src)) + "</td>";
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
        return describe(spec, false);
    }

    static String describe(PathSpec spec, boolean zh) {
        if (spec instanceof PathSpec.Constant c) {
            return fmtDriver(c.value());
        }
        if (spec instanceof PathSpec.Periods p) {
            return p.periods().stream().map(x -> x.from() + "\u2013" + x.to() + ": " + fmtDriver(x.value())).collect(Collectors.joining(", "));
        }
        if (spec instanceof PathSpec.Anchors a) {
            return (zh ? "锚点 " : "anchors ") + a.anchors().entrySet().stream().map(e -> e.getKey() + ": " + fmtDriver(e.getValue()))
                    .collect(Collectors.joining(" \u2192 "));
        }
        if (spec instanceof PathSpec.Overlay o) {
            return describe(o.under(), zh) + "; " + o.over().from() + "\u2013" + o.over().to() + ": " + fmtDriver(o.over().value()) + " (--set)";
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
                // layout facts for the print and phone tests: the narrowest table cell in characters ('0' of its
                // font) and how far the page is wider than the window (horizontal overflow), in CSS pixels
                var cells = document.querySelectorAll('td, th'), narrow = 1e9, narrowText = '', unit = {};
                var probe = document.createElement('span');
                probe.textContent = '0000000000';
                probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:0;top:0';
                document.body.appendChild(probe);
                for (var c = 0; c < cells.length; c++) {
                  var cell = cells[c];
                  if (cell.getClientRects().length === 0) { continue; }
                  var cs = getComputedStyle(cell);
                  if (!(cs.font in unit)) { probe.style.font = cs.font; unit[cs.font] = probe.getBoundingClientRect().width / 10; }
                  var chars = (cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) / unit[cs.font];
                  if (chars < narrow) { narrow = chars; narrowText = cell.textContent.slice(0, 40); }
                }
                probe.remove();
                m.setAttribute('data-cells', String(cells.length));
                m.setAttribute('data-narrowest-cell', cells.length ? narrow.toFixed(1) : '');
                m.setAttribute('data-narrowest-text', narrowText);
                m.setAttribute('data-overflow', String(Math.max(0, document.documentElement.scrollWidth - window.innerWidth)));
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
            .scroll { overflow-x: auto; max-width: 100%; }
            .question { font-size: 18px; font-weight: 600; margin: 6px 0 4px; }
            .first-page h2 { margin-top: 18px; }
            table.headline td.year { font-weight: 700; font-size: 17px; white-space: nowrap; }
            ul.matter { margin: 0; padding: 0; list-style: none; }
            ul.matter li { margin: 2px 0; }
            ul.matter li.green .dot, table.changes tr.green .dot { background: var(--green); }
            ul.matter li.amber .dot, table.changes tr.amber .dot { background: var(--amber); }
            ul.matter li.red .dot, table.changes tr.red .dot { background: var(--red); }
            ul.matter li.grey .dot, table.changes tr.grey .dot { background: var(--grey); }
            p.scenarios { font-size: 14px; }
            td.gap { min-width: 7em; }
            td.src { min-width: 9em; }
            th, td { box-sizing: content-box; min-width: 4.5ch; }
            li, p, td.src, td.gap { overflow-wrap: anywhere; }
            table.matrix td:nth-child(2), table.targets td:nth-child(3) { min-width: 7em; }
            table.matrix td:nth-child(3), table.targets td:nth-child(4) { min-width: 6em; }
            @media (max-width: 600px) {
              body { padding: 12px 10px 32px; font-size: 14px; }
              h1 { font-size: 21px; }
              h2 { font-size: 18px; }
              table { font-size: 12.5px; }
              th, td { padding: 3px 4px; }
              code { word-break: break-all; }
              table.facts th { width: auto; }
              .cmd code { display: inline-block; max-width: 100%; }
            }
            @media print {
              body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
              nav, figcaption .files, footer, .cmd { display: none; }
              h1 { font-size: 17pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; page-break-after: avoid; break-after: avoid; }
              h3, h4 { page-break-after: avoid; break-after: avoid; }
              section { break-before: page; }
              section#first-page, header section { break-before: avoid; }
              figure, tr, ul.matter li { page-break-inside: avoid; break-inside: avoid; }
              figure img { max-width: 100%; max-height: 118mm; width: auto; margin: 0 auto; }
              figure { margin: 6pt 0 10pt; }
              table { font-size: 8pt; }
              th, td { padding: 2pt 3pt; }
              .scroll { overflow: visible; }
              a { color: inherit; }
            }
            """;
}
