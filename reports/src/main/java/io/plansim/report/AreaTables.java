package io.plansim.report;

import static io.plansim.report.Html.esc;
import static io.plansim.report.Html.fmt;

import io.plansim.aggregate.McResult;
import io.plansim.model.VariableInfo;
import java.util.ArrayList;
import java.util.List;

/** The values of a report area: its variables (the region's data) with the central path and the 90% band. */
final class AreaTables {
    private AreaTables() {
    }

    /** The report area of a target's metric in its scenario's region ("other" when no area lists it). */
    static String area(ScenarioRun r, String metric) {
        return r.scenario().regionData().area(metric);
    }

    /** Central figure and 5-95% band of the area's variables at the base year, every fifth year and the horizon. */
    static void areaTable(StringBuilder h, Labels l, ScenarioRun r, String area) {
        McResult mc = r.mc();
        List<Integer> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (io.plansim.scenario.RegionData.Area a : r.scenario().regionData().areas()) {
            if (a.id().equals(area)) {
                ids.addAll(a.variables());
            }
        }
        if (area.equals("other")) {
            // a satellite its region's file places in no area: still a row, under "other indicators"
            r.scenario().satellites().stream().map(io.plansim.scenario.Satellite::id)
                    .filter(id -> !r.scenario().regionData().lists(id)).forEach(ids::add);
        }
        for (String id : ids) {
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
}
