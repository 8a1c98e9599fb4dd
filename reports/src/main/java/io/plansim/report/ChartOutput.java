package io.plansim.report;

import java.util.List;

/**
 * One rendered chart.
 *
 * @param id      file name without extension (charts/id.png, charts/id.svg)
 * @param area    report section: gdp, trade, energy, population, income or targets
 * @param title   chart title as drawn
 * @param caption what the chart shows, for the page
 * @param tables  the tables (paths under the report folder) that hold the numbers behind it
 * @param scenario index of the scenario the chart shows, -1 for a chart comparing scenarios
 */
public record ChartOutput(String id, String area, String title, String caption, int width, int height, byte[] png,
                          byte[] svg, List<String> tables, int scenario) {
    public ChartOutput {
        tables = List.copyOf(tables);
    }

    public String pngPath() {
        return "charts/" + id + ".png";
    }

    public String svgPath() {
        return "charts/" + id + ".svg";
    }
}
