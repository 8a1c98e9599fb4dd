package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.analysis.Sensitivity;
import io.plansim.model.VariableInfo;
import io.plansim.target.Comparator;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.target.TargetKind;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import io.plansim.verdict.VerdictRules;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, built with XChart: fan charts, scenario comparisons, target probabilities, the
 * distribution of a variable in one year and growth accounting. Every data series is drawn in a colour
 * (never grey), text and axes in greys, on white.
 */
final class ReportCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final int WIDE = 1100;
    static final int TALL = 620;

    static final Color OUTER = new Color(0xC6DBEF);
    static final Color INNER = new Color(0x6BAED6);
    static final Color CENTRAL = new Color(0x08519C);
    static final Color HISTORY = new Color(0xE6550D);
    static final Color TARGET = new Color(0xD62728);
    static final Color GREEN = new Color(0x2CA02C);
    static final Color AMBER = new Color(0xF0A30A);
    static final Color RED = new Color(0xD62728);
    static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22)};
    static final Color[] GROWTH = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B), new Color(0xB279A2),
        new Color(0xE45756), new Color(0x72B7B2), new Color(0xEECA3B)};

    private static final Color TEXT = new Color(0x222222);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x888888);

    private final Labels labels;
    private final String font;

    ReportCharts(Labels labels) {
        this.labels = labels;
        this.font = ChartFonts.family(labels.cjkFont());
    }

    // ------------------------------------------------------------------------------------------ charts

    /**
     * Fan chart of one variable: 5-95% and 25-75% bands of the Monte Carlo paths, the central path (the central
     * figure every table uses), the recorded
     * actuals as points and the plan's level targets as markers. Null when the run lacks the variable.
     */
    XYChart fan(ScenarioRun r, String metric) {
        McResult mc = r.mc();
        int v = mc.variableIndex(metric);
        if (v < 0) {
            return null;
        }
        VariableInfo info = mc.variables().get(v);
        int[] years = mc.years();
        int n = years.length;
        XYChart c = xy(labels.metricChart(info) + " \u2013 " + labels.scenarioChart(r.scenario()),
                labels.chartWord("axis.year"), labels.unitWithBasis(info, r.scenario().baseYear()), WIDTH, HEIGHT);
        double[] px = new double[2 * n];
        double[] outer = new double[2 * n];
        double[] inner = new double[2 * n];
        double[] median = new double[n];
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            px[t] = years[t];
            px[2 * n - 1 - t] = years[t];
            outer[t] = mc.quantile(v, t, 0.95);
            outer[2 * n - 1 - t] = mc.quantile(v, t, 0.05);
            inner[t] = mc.quantile(v, t, 0.75);
            inner[2 * n - 1 - t] = mc.quantile(v, t, 0.25);
            median[t] = r.centralFigure(metric, t);
            x[t] = years[t];
        }
        yPattern(c, outer);
        band(c, labels.chartWord("band.outer"), px, outer, OUTER);
        band(c, labels.chartWord("band.inner"), px, inner, INNER);
        XYSeries m = c.addSeries(labels.chartWord("central"), x, median);
        line(m, CENTRAL, 2.5f);
        List<double[]> history = history(r, metric);
        if (!history.isEmpty()) {
            XYSeries h = c.addSeries(labels.chartWord("history"), column(history, 0), column(history, 1));
            points(h, HISTORY, SeriesMarkers.CIRCLE);
        }
        List<double[]> targets = targetPoints(r, metric);
        if (!targets.isEmpty()) {
            XYSeries s = c.addSeries(labels.chartWord("plan.target"), column(targets, 0), column(targets, 1));
            points(s, TARGET, SeriesMarkers.DIAMOND);
        }
        return c;
    }

    /** The central paths of one variable, one line per scenario, with the first scenario's level targets. */
    XYChart comparison(List<ScenarioRun> runs, String metric) {
        ScenarioRun first = runs.get(0);
        int v0 = first.mc().variableIndex(metric);
        if (v0 < 0) {
            return null;
        }
        VariableInfo info = first.mc().variables().get(v0);
        XYChart c = xy(labels.metricChart(info) + " \u2013 " + labels.chartWord("comparison"), labels.chartWord("axis.year"),
                labels.unitWithBasis(info, first.scenario().baseYear()), WIDTH, HEIGHT);
        // one legend entry per line, to the right: a row of six scenario names does not fit below the chart
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        Set<String> names = new HashSet<>();
        int k = 0;
        for (ScenarioRun r : runs) {
            int v = r.mc().variableIndex(metric);
            if (v < 0) {
                continue;
            }
            int[] years = r.mc().years();
            double[] x = new double[years.length];
            double[] y = new double[years.length];
            for (int t = 0; t < years.length; t++) {
                x[t] = years[t];
                y[t] = r.centralFigure(metric, t);
            }
            if (k == 0) {
                yPattern(c, y);
            }
            String name = unique(names, labels.scenarioChart(r.scenario()));
            line(c.addSeries(name, x, y), PALETTE[k++ % PALETTE.length], 3f);
        }
        List<double[]> targets = targetPoints(first, metric);
        if (!targets.isEmpty()) {
            points(c.addSeries(labels.chartWord("plan.target"), column(targets, 0), column(targets, 1)), TARGET, SeriesMarkers.DIAMOND);
        }
        return c;
    }

    /**
     * The probability of every future target, one bar each, grouped by target year and coloured by verdict
     * (green on track, amber at risk, red off track), with the 1/3 and 2/3 lines. Null without such targets.
     */
    CategoryChart probabilities(ScenarioRun r) {
        List<TargetVerdict> shown = probabilityTargets(r);
        if (shown.isEmpty()) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TargetVerdict tv : shown) {
            categories.add(unique(seen, tv.target().year() + " " + shorten(labels.targetChart(tv.target()), 22) + " \u00b7 "
                    + Math.round(100 * tv.probability()) + "%"));
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDE).height(TALL)
                .title(labels.chartWord("probabilities") + " \u2013 " + labels.scenarioChart(r.scenario()))
                .xAxisTitle(labels.chartWord("target")).yAxisTitle(labels.chartWord("axis.probability")).build();
        style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setAvailableSpaceFill(0.75);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setYAxisDecimalPattern("0%");
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        Map<Verdict, Color> colours = new LinkedHashMap<>();
        colours.put(Verdict.ON_TRACK, GREEN);
        colours.put(Verdict.AT_RISK, AMBER);
        colours.put(Verdict.OFF_TRACK, RED);
        // a future year whose actual is already recorded (a backtest, a nowcast) is met or missed
        colours.put(Verdict.MET, GREEN);
        colours.put(Verdict.MISSED, RED);
        for (Map.Entry<Verdict, Color> e : colours.entrySet()) {
            List<Double> y = new ArrayList<>();
            boolean any = false;
            for (TargetVerdict tv : shown) {
                boolean mine = tv.verdict() == e.getKey();
                any |= mine;
                y.add(mine ? tv.probability() : 0.0);
            }
            if (any) {
                CategorySeries s = c.addSeries(labels.chartVerdict(e.getKey()), categories, y);
                s.setFillColor(e.getValue());
                s.setLineColor(e.getValue());
            }
        }
        c.addAnnotation(new AnnotationLine(VerdictRules.LIKELY, false, false));
        c.addAnnotation(new AnnotationLine(VerdictRules.UNLIKELY, false, false));
        c.getStyler().setAnnotationLineColor(AXIS);
        c.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        return c;
    }

    /** The cumulative distribution of a variable in one year, with the level target as a vertical line. */
    XYChart distribution(ScenarioRun r, QuantileCurve curve) {
        int v = r.mc().variableIndex(curve.metric());
        VariableInfo info = r.mc().variables().get(v);
        String unit = labels.unitWithBasis(info, r.scenario().baseYear());
        XYChart c = xy(labels.metricChart(info) + " " + curve.year() + ": " + labels.chartWord("cdf") + " \u2013 "
                + labels.scenarioChart(r.scenario()), unit, labels.chartWord("axis.cumulative"), WIDTH, HEIGHT);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setYAxisDecimalPattern("0%");
        c.getStyler().setYAxisTickMarkSpacingHint(45);
        XYSeries s = c.addSeries(labels.chartWord("cdf"), curve.value(), curve.q());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(OUTER);
        s.setLineColor(CENTRAL);
        s.setLineWidth(2.5f);
        if (curve.target() != null) {
            Target t = curve.target();
            double x = t.threshold();
            String name = labels.chartWord("plan.target") + " " + t.comparator().symbol() + " " + num(t.value()) + " "
                    + labels.unit(t.unit()) + ": P = " + String.format(Locale.ROOT, "%.2f", curve.probability());
            XYSeries line = c.addSeries(name, new double[] {x, x}, new double[] {0, 1});
            line(line, TARGET, 2.5f);
        }
        return c;
    }

    /**
     * Growth accounting of the central path: one stacked bar a year of every growth-accounting contribution the run
     * outputs (capital, labour, human capital, TFP and the trade demand channel in the Solow kind), which add up to
     * 100 ln(Y(t)/Y(t-1)) of real GDP. Null when the run has none (the growth-path kind).
     */
    CategoryChart growthAccounting(ScenarioRun r) {
        List<Integer> rows = growthContributions(r.central().variables());
        if (rows.isEmpty()) {
            return null; // growth-path kind: no decomposition
        }
        int[] years = r.central().years();
        List<String> x = new ArrayList<>();
        for (int t = 1; t < years.length; t++) {
            x.add(String.valueOf(years[t]));
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDE).height(HEIGHT)
                .title(labels.chartWord("growth.accounting") + " \u2013 " + labels.scenarioChart(r.scenario()))
                .xAxisTitle(labels.chartWord("axis.year")).yAxisTitle(labels.chartWord("axis.pp")).build();
        style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setYAxisDecimalPattern("0.0");
        // one legend entry per contribution, to the right: five names in a row below the chart do not fit
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (int i = 0; i < rows.size(); i++) {
            double[] all = r.central().values()[rows.get(i)];
            List<Double> y = new ArrayList<>();
            for (int t = 1; t < years.length; t++) {
                y.add(all[t]);
            }
            CategorySeries s = c.addSeries(labels.metricChart(r.central().variables().get(rows.get(i))), x, y);
            s.setFillColor(GROWTH[i % GROWTH.length]);
            s.setLineColor(GROWTH[i % GROWTH.length]);
        }
        return c;
    }

    /** The rows of the growth-accounting contributions among a run's variables, as the engine marks them, in its order. */
    static List<Integer> growthContributions(List<VariableInfo> variables) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).changeFromYearBefore()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /**
     * Tornado chart: one horizontal bar per uncertain parameter from the output at its 10th percentile to
     * the output at its 90th (the others at their medians), largest swing on top, and the all-median line.
     * Null when the run has no sensitivity analysis.
     */
    XYChart tornado(ScenarioRun r) {
        if (r.tornado().isEmpty()) {
            return null;
        }
        String[] parts = r.tornadoOutput().split("@");
        int v = r.mc().variableIndex(parts[0]);
        String what = v >= 0 ? labels.metricChart(r.mc().variables().get(v)) + " " + parts[1] : r.tornadoOutput();
        // the x axis says what is measured and in which unit; the bars are named in the legend, top bar first
        String unit = v >= 0 ? labels.unitWithBasis(r.mc().variables().get(v), r.scenario().baseYear()) : "";
        XYChart c = xy(labels.chartWord("tornado") + " \u2013 " + what + " \u2013 " + labels.scenarioChart(r.scenario()),
                what + (unit.isEmpty() ? "" : ", " + unit) + " (" + labels.chartWord("axis.tornado") + ")",
                labels.chartWord("axis.tornado.bars"), WIDTH, HEIGHT);
        c.getStyler().setYAxisTicksVisible(false);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        int n = r.tornado().size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Sensitivity.Bar b = r.tornado().get(i);
            double y = n - i;
            XYSeries s = c.addSeries(b.parameter(), new double[] {b.atLow(), b.atHigh()}, new double[] {y, y});
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setLineStyle(new java.awt.BasicStroke(18f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER));
            s.setMarker(SeriesMarkers.NONE);
            lo = Math.min(lo, Math.min(b.atLow(), b.atHigh()));
            hi = Math.max(hi, Math.max(b.atLow(), b.atHigh()));
        }
        double central = r.tornadoCentral();
        XYSeries m = c.addSeries(labels.chartWord("tornado.central"), new double[] {central, central}, new double[] {0.4, n + 0.6});
        line(m, CENTRAL, 1.5f);
        m.setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(n + 1.0);
        return c;
    }

    // ------------------------------------------------------------------------------------------ data

    /**
     * Which scenario lines of a comparison chart lie on top of one another, for the caption: a line drawn later
     * hides an earlier one wherever the two coincide (within 0.01%), e.g. a scenario that differs only in energy
     * has the baseline's GDP, and a shock scenario follows the baseline until its shock.
     */
    static List<String> coincident(List<ScenarioRun> runs, String metric, Labels labels) {
        List<String> out = new ArrayList<>();
        for (int j = 1; j < runs.size(); j++) {
            for (int i = 0; i < j; i++) {
                ScenarioRun a = runs.get(i);
                ScenarioRun b = runs.get(j);
                if (a.central().indexOf(metric) < 0 || b.central().indexOf(metric) < 0 || a.scenario().baseYear() != b.scenario().baseYear()) {
                    continue;
                }
                int n = Math.min(a.central().years().length, b.central().years().length);
                int same = 0;
                while (same < n && Math.abs(a.centralFigure(metric, same) - b.centralFigure(metric, same))
                        <= 1e-4 * Math.max(1e-12, Math.abs(a.centralFigure(metric, same)))) {
                    same++;
                }
                if (same < 3) {
                    continue; // the base year (and one more) is shared by construction
                }
                String x = labels.scenarioName(a.scenario());
                String y = labels.scenarioName(b.scenario());
                int last = a.central().years()[same - 1];
                if (same == n) {
                    out.add(labels.format("coincide.all", x, y));
                } else {
                    out.add(labels.format("coincide.until", x, y, last));
                }
                break; // one note per line drawn on top
            }
        }
        return out;
    }

    /** The future targets with a probability, by year then catalog order. */
    static List<TargetVerdict> probabilityTargets(ScenarioRun r) {
        int base = r.scenario().baseYear();
        List<TargetVerdict> out = new ArrayList<>();
        for (TargetVerdict tv : r.verdicts()) {
            if (tv.target().year() > base && Double.isFinite(tv.probability()) && tv.verdict() != Verdict.NOT_EVALUABLE) {
                out.add(tv);
            }
        }
        out.sort(java.util.Comparator.comparingInt(tv -> tv.target().year()));
        return out;
    }

    /** (year, value) of the used actual figures of a metric. */
    static List<double[]> history(ScenarioRun r, String metric) {
        List<double[]> out = new ArrayList<>();
        for (HistoryRecord h : r.history().records()) {
            if (h.used() && h.metric().equals(metric) && h.year() <= r.scenario().horizon()) {
                out.add(new double[] {h.year(), h.value()});
            }
        }
        out.sort(java.util.Comparator.comparingDouble(a -> a[0]));
        return out;
    }

    /**
     * (year, level) of the targets on a metric that can be drawn on its own scale: levels and shares (both
     * ends of a range), and changes against a year whose value is known (the base year or an actual), as
     * reference x (1 + change/100). Changes against a future year differ path by path and are not drawn.
     */
    static List<double[]> targetPoints(ScenarioRun r, String metric) {
        List<double[]> out = new ArrayList<>();
        int base = r.scenario().baseYear();
        for (TargetVerdict tv : r.verdicts()) {
            Target t = tv.target();
            if (!t.metric().equals(metric)) {
                continue;
            }
            if (t.kind() == TargetKind.LEVEL || t.kind() == TargetKind.SHARE) {
                out.add(new double[] {t.year(), t.value()});
                if (t.comparator() == Comparator.BETWEEN && Double.isFinite(t.high())) {
                    out.add(new double[] {t.year(), t.high()});
                }
            } else if (t.kind() == TargetKind.CHANGE && t.from() <= base && t.comparator() != Comparator.BETWEEN) {
                OptionalDouble ref = t.from() == base ? OptionalDouble.of(r.central().value(metric, base))
                        : r.history().value(metric, t.from());
                if (ref.isPresent()) {
                    out.add(new double[] {t.year(), ref.getAsDouble() * (1 + t.value() / 100)});
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ style

    private XYChart xy(String title, String xTitle, String yTitle, int w, int h) {
        XYChart c = new XYChartBuilder().width(w).height(h).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setMarkerSize(9);
        return c;
    }

    /** Thousands separators instead of XChart's scientific notation for large values. */
    private static void yPattern(XYChart c, double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        if (max >= 1000) {
            c.getStyler().setYAxisDecimalPattern("#,##0");
        }
    }

    private void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(new Font(font, Font.BOLD, 17));
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(new Font(font, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setAxisTitleFont(new Font(font, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(font, Font.PLAIN, 12));
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTickMarksColor(AXIS);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAnnotationTextFont(new Font(font, Font.PLAIN, 12));
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        s.setChartPadding(12);
    }

    private static void band(XYChart c, String name, double[] x, double[] y, Color colour) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(colour);
        s.setLineColor(colour);
        s.setLineWidth(0.5f);
    }

    private static void line(XYSeries s, Color colour, float width) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineWidth(width);
    }

    private static void points(XYSeries s, Color colour, org.knowm.xchart.style.markers.Marker marker) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(a -> a[i]).toArray();
    }

    private static String unique(Set<String> seen, String name) {
        String n = name;
        for (int k = 2; !seen.add(n); k++) {
            n = name + " (" + k + ")";
        }
        return n;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
