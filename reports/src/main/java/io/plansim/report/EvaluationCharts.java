package io.plansim.report;

import io.plansim.evaluation.Scorecard;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a forecast evaluation ({@code plansim evaluate}): coverage of the central intervals by horizon with
 * the nominal levels as dashed lines, and PIT histograms at chosen horizons with the flat line of a calibrated
 * forecaster.
 */
public final class EvaluationCharts {
    private EvaluationCharts() {
    }

    /** Coverage of the 50, 80 and 90% intervals by horizon for one forecaster and variable; null if not scored. */
    public static ChartOutput coverage(Scorecard card, String forecaster, String variable, String id) {
        List<Double> h = new ArrayList<>();
        List<List<Double>> cov = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int horizon : card.horizons()) {
            Scorecard.Cell c = card.cell(forecaster, variable, horizon);
            if (c != null) {
                h.add((double) horizon);
                for (int i = 0; i < Scorecard.LEVELS.length; i++) {
                    cov.get(i).add(c.coverage(Scorecard.LEVELS[i]));
                }
            }
        }
        if (h.isEmpty()) {
            return null;
        }
        XYChart c = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title("Coverage by horizon: " + forecaster + ", " + variable)
                .xAxisTitle("horizon (years after the origin)").yAxisTitle("share of actuals inside the interval").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setXAxisDecimalPattern("0");
        for (int i = 0; i < Scorecard.LEVELS.length; i++) {
            Color colour = ReportCharts.PALETTE[i];
            int pct = (int) Math.round(100 * Scorecard.LEVELS[i]);
            XYSeries s = c.addSeries(pct + "% interval", h, cov.get(i));
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setMarker(SeriesMarkers.CIRCLE);
            XYSeries nominal = c.addSeries("nominal " + pct + "%", List.of(h.get(0), h.get(h.size() - 1)),
                    List.of(Scorecard.LEVELS[i], Scorecard.LEVELS[i]));
            nominal.setLineColor(colour);
            nominal.setMarker(SeriesMarkers.NONE);
            nominal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        return ReportWriter.render(c, id, "evaluation", "Coverage of the central 50, 80 and 90% intervals by horizon "
                + "(solid) against the nominal levels (dashed): below the line the intervals are too narrow.", List.of());
    }

    /** PIT histograms (density per tenth, 1 when flat) at the given horizons; null if none is scored. */
    public static ChartOutput pit(Scorecard card, String forecaster, String variable, int[] horizons, String id) {
        List<String> bins = new ArrayList<>();
        for (int b = 0; b < Scorecard.PIT_BINS; b++) {
            bins.add(String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
        }
        CategoryChart c = new CategoryChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title("PIT histogram: " + forecaster + ", " + variable)
                .xAxisTitle("PIT (where the actual fell in its forecast distribution)").yAxisTitle("density (1 = calibrated)").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisMin(0.0);
        int k = 0;
        for (int h : horizons) {
            Scorecard.Cell cell = card.cell(forecaster, variable, h);
            if (cell == null) {
                continue;
            }
            List<Double> d = new ArrayList<>();
            for (double x : cell.pitDensity()) {
                d.add(x);
            }
            var s = c.addSeries("horizon " + h + " (n = " + cell.n() + ")", bins, d);
            s.setFillColor(ReportCharts.PALETTE[k % ReportCharts.PALETTE.length]);
            k++;
        }
        if (k == 0) {
            return null;
        }
        List<Double> flat = new ArrayList<>();
        bins.forEach(b -> flat.add(1.0));
        var line = c.addSeries("calibrated", bins, flat);
        line.setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(Color.BLACK);
        line.setMarker(SeriesMarkers.NONE);
        return ReportWriter.render(c, id, "evaluation", "Where each actual fell in its forecast distribution, by tenths: "
                + "flat when calibrated, U-shaped when the intervals are too narrow, hump-shaped when too wide.", List.of());
    }

    /**
     * Reliability diagram: per probability bin, the share of targets met against the mean forecast probability, one
     * series per forecaster, with the diagonal of a reliable forecaster. Bins without forecasts are left out.
     */
    public static ChartOutput reliability(java.util.Map<String, List<io.plansim.evaluation.PlanScores.Bin>> byForecaster, String id) {
        XYChart c = new XYChartBuilder().width(ReportCharts.WIDTH).height(ReportCharts.HEIGHT)
                .title("Reliability of P(target met)")
                .xAxisTitle("forecast probability (mean in the bin)").yAxisTitle("share of targets met").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        XYSeries diagonal = c.addSeries("reliable", List.of(0.0, 1.0), List.of(0.0, 1.0));
        diagonal.setLineColor(Color.GRAY);
        diagonal.setMarker(SeriesMarkers.NONE);
        int k = 0;
        for (var e : byForecaster.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (io.plansim.evaluation.PlanScores.Bin b : e.getValue()) {
                if (b.n() > 0) {
                    x.add(b.meanProbability());
                    y.add(b.shareMet());
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = c.addSeries(e.getKey(), x, y);
                s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarkerColor(ReportCharts.PALETTE[k++ % ReportCharts.PALETTE.length]);
            }
        }
        return ReportWriter.render(c, id, "evaluation", "Share of plan targets met against the probability given at the plan's "
                + "origin, in bins of 0.2: on the diagonal when the probabilities are reliable.", List.of());
    }
}
