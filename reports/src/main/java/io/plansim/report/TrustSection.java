package io.plansim.report;

import io.plansim.compile.SpreadCalibration;
import io.plansim.scenario.Uncertainty;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's section "How far to trust these numbers" / "这些数字有多可信": which distribution the report shows
 * (calibrated or raw), the out-of-sample coverage by horizon and PIT histograms stored in the calibration file (so
 * the report never re-runs the panel and says which plansim version measured them), the plan record's reliability
 * diagram and Brier score, and every uncertain input of the headline scenario with its spread and what it is sized on.
 */
public final class TrustSection {
    /** Horizons whose PIT histogram is drawn. */
    private static final int[] PIT_HORIZONS = {1, 5, 10, 15};
    /** An uncertainty entry whose {@code source:} the scenario leaves out: the spread is its author's judgement. */
    static final String NO_SOURCE = "judgement: the scenario gives no source for this spread";
    static final String NO_SOURCE_ZH = "判断：情景未注明此离散度的来源";
    /** How a scenario marks a spread as its author's judgement ({@code source: "judgement: why"}). */
    private static final String JUDGEMENT = "judgement";

    private TrustSection() {
    }

    /**
     * Appends the section.
     *
     * @param calibration the calibration the report's Monte Carlo used, null when raw (the built-in file's figures are
     *                    then shown for what they measured of the raw distribution)
     */
    public static void render(StringBuilder h, ReportInput in, SpreadCalibration calibration) {
        Labels l = in.labels();
        boolean zh = l.zh();
        SpreadCalibration figures = calibration != null ? calibration : SpreadCalibration.builtIn();
        h.append("<section id=\"trust\">\n<h2>").append(t(zh, "How far to trust these numbers", "这些数字有多可信")).append("</h2>\n");
        h.append("<p>").append(Html.esc(calibration == null
                ? t(zh, "This report shows the raw Monte Carlo distribution (--raw): no recalibration.", "本报告显示未校准的蒙特卡洛原始分布（--raw）。")
                : calibration.describe(zh))).append("</p>\n");
        h.append("<p>").append(Html.esc(zh
                ? "以下检验数字取自校准文件 " + name(figures) + "：由 plansim " + figures.provenance().getOrDefault("plansim", "?") + " 于 "
                        + figures.provenance().getOrDefault("date", "?") + " 以命令 “" + figures.provenance().getOrDefault("command", "?")
                        + "” 在样本外（按经济体分块留出）测得；本报告由 plansim " + in.version() + " 生成。"
                : "The figures below are read from the calibration file " + name(figures) + ": measured out of sample (economies left "
                        + "out by block) by plansim " + figures.provenance().getOrDefault("plansim", "?") + " on "
                        + figures.provenance().getOrDefault("date", "?") + " with \"" + figures.provenance().getOrDefault("command", "?")
                        + "\"; this report was made by plansim " + in.version() + "."))
                .append("</p>\n");
        boolean calibrated = calibration != null;
        for (SpreadCalibration.Group g : figures.groups()) {
            coverageTable(h, zh, g, calibrated);
            if (g.outOfSample().size() < 2) {
                continue; // pooled figures (the regional group): a table row, no chart
            }
            figure(h, coverageChart(l, g), t(zh, "Coverage of the central 50% and 80% intervals by horizon, raw (dashed) and calibrated "
                    + "(solid), against the nominal levels (grey): below the line the intervals are too narrow.",
                    "按预测年限的50%与80%中心区间覆盖率：原始（虚线）与校准后（实线），灰线为名义水平；低于灰线即区间过窄。"));
            figure(h, pitChart(l, g, calibrated), t(zh, "Where each outcome fell in its forecast distribution (PIT), by tenths: flat when "
                    + "calibrated, U-shaped when the intervals are too narrow.", "实际值落在预测分布中的位置（PIT，十等分）：校准良好时平坦，U形表示区间过窄。"));
        }
        SpreadCalibration.Evaluated e = figures.evaluated();
        if (e != null) {
            h.append("<p>").append(Html.esc(zh
                    ? String.format(Locale.ROOT, "义乌、金华回测：%d 行，80%% 区间覆盖率 %.2f（50%%：%.2f），平均相对 CRPS %.3f。规划记录：plansim 对 %d 个目标的 Brier 分数 %.2f，基率预测 %.2f（越低越好）。",
                            e.regionRows(), e.regionCoverage80(), e.regionCoverage50(), e.regionCrps(), e.plans(), e.brier(), e.brierBaseRate())
                    : String.format(Locale.ROOT, "Yiwu and Jinhua backtests: %d rows, 80%% intervals cover %.2f (50%%: %.2f), mean relative "
                                    + "CRPS %.3f. Plan record: plansim's Brier score %.2f over %d targets, the base rate's %.2f (lower is better).",
                            e.regionRows(), e.regionCoverage80(), e.regionCoverage50(), e.regionCrps(), e.brier(), e.plans(), e.brierBaseRate())))
                    .append("</p>\n");
            if (!e.reliability().isEmpty()) {
                figure(h, reliabilityChart(l, e), t(zh, "Reliability of P(target met) on the plan record: share of targets met against "
                        + "the probability given at the plan's origin; on the diagonal when reliable.", "规划记录上 P(达标) 的可靠性：各概率区间的实际达标比例与预测概率；可靠时落在对角线上。"));
            }
        }
        inputs(h, zh, in.runs().get(0).scenario().uncertainty(), in.runs().get(0).central().variables());
        h.append("</section>\n");
    }

    private static String name(SpreadCalibration c) {
        return c.id() + (c.file() == null ? "" : " (" + c.file() + ")");
    }

    private static String t(boolean zh, String en, String cn) {
        return zh ? cn : en;
    }

    private static void coverageTable(StringBuilder h, boolean zh, SpreadCalibration.Group g, boolean calibrated) {
        String scope = g.variables().isEmpty() ? t(zh, "evidence only, applied to no variable", "仅作证据，不用于任何变量")
                : String.join(", ", g.variables());
        h.append("<h3>").append(Html.esc(t(zh, "group ", "变量组 ") + g.id() + (zh ? "（" : " (") + scope
                + (zh ? "）" : ")"))).append("</h3>\n");
        h.append("<p class=\"note\">").append(Html.esc(t(zh, "Fitted on ", "拟合数据：") + g.fittedOn())).append("</p>\n");
        h.append("<table class=\"data\"><thead><tr><th>").append(t(zh, "horizon (years)", "年限（年）")).append("</th><th>")
                .append(t(zh, "n", "样本数")).append("</th><th>")
                .append(g.symmetric() ? t(zh, "factor k ± s.e.", "系数 k ± 标准误") : t(zh, "factor below / above the centre ± s.e.",
                        "中心以下 / 以上系数 ± 标准误")).append("</th><th>50% ").append(t(zh, "raw", "原始")).append("</th><th>50% ").append(t(zh, "calibrated", "校准"))
                .append("</th><th>80% ").append(t(zh, "raw", "原始")).append("</th><th>80% ").append(t(zh, "calibrated", "校准")).append("</th><th>CRPS ").append(t(zh, "raw", "原始")).append("</th><th>CRPS ")
                .append(t(zh, "calibrated", "校准")).append("</th></tr></thead><tbody>\n");
        for (SpreadCalibration.Figures f : g.outOfSample()) {
            int hz = f.horizon();
            String factor = g.symmetric() ? String.format(Locale.ROOT, "%.2f ± %.2f", g.factorBelow(hz), g.standardErrorBelow(hz))
                    : String.format(Locale.ROOT, "%.2f ± %.2f / %.2f ± %.2f", g.factorBelow(hz), g.standardErrorBelow(hz), g.factorAbove(hz),
                            g.standardErrorAbove(hz));
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                            + "<td>%.2f</td><td>%.4f</td><td>%.4f</td></tr>\n", hz == 0 ? t(zh, "all", "全部") : String.valueOf(hz), f.n(), factor,
                    f.coverage50Raw(), f.coverage50(), f.coverage80Raw(), f.coverage80(), f.crpsRaw(), f.crps()));
        }
        h.append("</tbody></table>\n");
        if (!calibrated) {
            h.append("<p class=\"note\">").append(t(zh, "This report is raw: the \"raw\" columns apply.", "本报告未校准：适用“raw”列。")).append("</p>\n");
        }
    }

    /** Every uncertain input of the scenario: what is drawn, its spread, and what the spread is sized on. */
    static void inputs(StringBuilder h, boolean zh, Uncertainty u, List<io.plansim.model.VariableInfo> variables) {
        h.append("<h3>").append(t(zh, "Uncertain inputs of the headline scenario", "主情景的不确定输入")).append("</h3>\n");
        if (u.isEmpty()) {
            h.append("<p>").append(t(zh, "The scenario states no uncertainty: every path is the central path.", "该情景未设定不确定性：所有路径即中心路径。"))
                    .append("</p>\n");
            return;
        }
        h.append("<table class=\"data\"><thead><tr><th>").append(t(zh, "input", "输入")).append("</th><th>")
                .append(t(zh, "kind", "类型")).append("</th><th>").append(t(zh, "spread", "离散度")).append("</th><th>")
                .append(t(zh, "sized on", "依据")).append("</th></tr></thead><tbody>\n");
        for (Uncertainty.Parameter p : u.parameters()) {
            row(h, p.driver().path(), t(zh, "parameter, drawn once per path", "参数，每条路径抽取一次") + " (" + p.from() + "\u2013" + p.to() + ", "
                    + p.mode().name().toLowerCase(Locale.ROOT) + ")", t(zh, "", "分布 ") + p.distribution().describe(), sizedOn(zh, p.source()));
        }
        for (Uncertainty.AnnualShock s : u.shocks()) {
            row(h, variable(zh, variables, s.variable()), t(zh, "annual shock (log)", "年度冲击（对数）"), String.format(Locale.ROOT, t(zh, "sd %s, AR(1) %s",
                    "标准差 %s，AR(1) %s"), Html.fmtDriver(s.sd()), Html.fmtDriver(s.persistence())), sizedOn(zh, s.source()));
        }
        for (Uncertainty.RareEvent e : u.events()) {
            List<String> effects = new ArrayList<>();
            e.effects().forEach(x -> effects.add(x.variable() + " " + x.size().describe()));
            row(h, t(zh, "", "事件 ") + e.name(), t(zh, "rare event", "小概率事件"), String.format(Locale.ROOT, t(zh, "p %s/yr; ", "每年概率 %s；"),
                    Html.fmtDriver(e.probability()))
                    + String.join("; ", effects), sizedOn(zh, e.source()));
        }
        h.append("</tbody></table>\n");
    }

    /**
     * What an entry's spread is sized on: its own {@code source:} as the scenario writes it (data and command, or
     * "judgement: why"), and a plain judgement where it gives none. The text is the scenario file's (in English); the
     * Chinese page says in Chinese before it whether it is a source (来源) or a judgement (判断).
     */
    static String sizedOn(boolean zh, String source) {
        String text = source == null ? "" : source.strip();
        if (text.isEmpty()) {
            return zh ? NO_SOURCE_ZH : NO_SOURCE;
        }
        boolean judgement = text.regionMatches(true, 0, JUDGEMENT, 0, JUDGEMENT.length());
        if (!zh) {
            return text;
        }
        if (judgement) {
            String why = text.substring(JUDGEMENT.length()).replaceFirst("^\\s*[:：]?\\s*", "");
            return why.isEmpty() ? "判断" : "判断：" + why;
        }
        return "来源：" + text;
    }

    /** A variable id, with its Chinese name in a Chinese report (a region's satellites' from the scenario's outputs). */
    private static String variable(boolean zh, List<io.plansim.model.VariableInfo> variables, String id) {
        if (!zh) {
            return id;
        }
        return variables.stream().filter(v -> v.id().equals(id) && v.nameZh() != null && !v.nameZh().isBlank()).findFirst()
                .map(v -> v.nameZh() + " " + id).orElse("变量 " + id);
    }

    /** A row of the inputs table; the source, long and with unbroken paths, wraps anywhere as every source cell does. */
    private static void row(StringBuilder h, String input, String kind, String spread, String sizedOn) {
        h.append("<tr>");
        for (String c : new String[] {input, kind, spread}) {
            h.append("<td>").append(Html.esc(c)).append("</td>");
        }
        h.append("<td class=\"src\">").append(Html.esc(sizedOn)).append("</td></tr>\n");
    }

    private static void figure(StringBuilder h, ChartOutput c, String caption) {
        h.append("<figure id=\"chart-").append(Html.esc(c.id())).append("\"><img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(c.png())).append("\" width=\"").append(c.width()).append("\" height=\"")
                .append(c.height()).append("\" alt=\"").append(Html.esc(c.title())).append("\">\n<figcaption>")
                .append(Html.esc(caption)).append("</figcaption></figure>\n");
    }

    private static void style(AxesChartStyler s, Labels l) {
        String font = ChartFonts.family(l.cjkFont());
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(font, Font.BOLD, 15));
        s.setLegendFont(new Font(font, Font.PLAIN, 12));
        s.setAxisTitleFont(new Font(font, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(font, Font.PLAIN, 11));
        s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        s.setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    }

    static ChartOutput coverageChart(Labels l, SpreadCalibration.Group g) {
        boolean zh = l.zh();
        XYChart c = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title(t(zh, "Out-of-sample coverage by horizon: ", "样本外覆盖率：") + g.id())
                .xAxisTitle(t(zh, "horizon (years after the origin)", "预测年限（起点后年数）")).yAxisTitle(t(zh, "share inside the interval", "落入区间的比例")).build();
        style(c.getStyler(), l);
        c.getStyler().setYAxisMin(0.3);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setXAxisDecimalPattern("0");
        List<Double> x = new ArrayList<>();
        List<List<Double>> y = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (SpreadCalibration.Figures f : g.outOfSample()) {
            x.add((double) f.horizon());
            y.get(0).add(f.coverage50Raw());
            y.get(1).add(f.coverage50());
            y.get(2).add(f.coverage80Raw());
            y.get(3).add(f.coverage80());
        }
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
        String[] names = {"50% raw", "50% " + t(zh, "calibrated", "校准"), "80% raw", "80% " + t(zh, "calibrated", "校准")};
        for (int i = 0; i < 4 && !x.isEmpty(); i++) {
            XYSeries s = c.addSeries(names[i], x, y.get(i));
            Color colour = ReportCharts.PALETTE[i / 2];
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setMarker(SeriesMarkers.CIRCLE);
            if (i % 2 == 0) {
                s.setLineStyle(dashed);
            }
        }
        for (double level : new double[] {0.5, 0.8}) {
            if (x.isEmpty()) {
                break;
            }
            XYSeries n = c.addSeries(t(zh, "nominal ", "名义 ") + Math.round(level * 100) + "%", List.of(x.get(0), x.get(x.size() - 1)), List.of(level, level));
            n.setLineColor(Color.GRAY);
            n.setMarker(SeriesMarkers.NONE);
        }
        return ReportWriter.render(c, "trust-coverage-" + g.id(), "trust", "", List.of());
    }

    static ChartOutput pitChart(Labels l, SpreadCalibration.Group g, boolean calibrated) {
        boolean zh = l.zh();
        List<String> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            bins.add(String.format(Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
        }
        CategoryChart c = new CategoryChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title(t(zh, "PIT histogram (", "PIT 直方图（") + (calibrated ? t(zh, "calibrated", "校准") : "raw") + "): " + g.id())
                .xAxisTitle("PIT").yAxisTitle(t(zh, "density (1 = calibrated)", "密度（1 = 校准良好）")).build();
        style(c.getStyler(), l);
        c.getStyler().setYAxisMin(0.0);
        int k = 0;
        for (int hz : PIT_HORIZONS) {
            for (SpreadCalibration.Figures f : g.outOfSample()) {
                double[] d = calibrated ? f.pit() : f.pitRaw();
                if (f.horizon() == hz && d.length == bins.size()) {
                    List<Double> ys = new ArrayList<>();
                    for (double v : d) {
                        ys.add(v);
                    }
                    c.addSeries(t(zh, "horizon ", "年限 ") + hz + " (n = " + f.n() + ")", bins, ys)
                            .setFillColor(ReportCharts.PALETTE[k++ % ReportCharts.PALETTE.length]);
                }
            }
        }
        if (k == 0) {
            c.addSeries("-", bins, java.util.Collections.nCopies(bins.size(), 0.0));
        }
        return ReportWriter.render(c, "trust-pit-" + g.id(), "trust", "", List.of());
    }

    static ChartOutput reliabilityChart(Labels l, SpreadCalibration.Evaluated e) {
        boolean zh = l.zh();
        XYChart c = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title(t(zh, "Reliability of P(target met), plan record", "规划记录：P(达标) 的可靠性"))
                .xAxisTitle(t(zh, "forecast probability (mean in the bin)", "预测概率（区间均值）")).yAxisTitle(t(zh, "share of targets met", "实际达标比例")).build();
        style(c.getStyler(), l);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        XYSeries diagonal = c.addSeries(t(zh, "reliable", "可靠"), List.of(0.0, 1.0), List.of(0.0, 1.0));
        diagonal.setLineColor(Color.GRAY);
        diagonal.setMarker(SeriesMarkers.NONE);
        addBins(c, "plansim", e.reliability(), ReportCharts.PALETTE[0]);
        addBins(c, t(zh, "base rate", "基率"), e.baseRateReliability(), ReportCharts.PALETTE[1]);
        return ReportWriter.render(c, "trust-reliability", "trust", "", List.of());
    }

    private static void addBins(XYChart c, String name, List<SpreadCalibration.Bin> bins, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SpreadCalibration.Bin b : bins) {
            if (b.n() > 0) {
                x.add(b.meanProbability());
                y.add(b.shareMet());
            }
        }
        if (!x.isEmpty()) {
            XYSeries s = c.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(colour);
        }
    }
}
