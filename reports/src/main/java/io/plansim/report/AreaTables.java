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
        List<Integer> heads = new ArrayList<>();
        for (int t : cols) {
            heads.add(years[t]);
        }
        List<ValueRow> out = new ArrayList<>();
        for (int v : rows) {
            VariableInfo info = mc.variables().get(v);
            int row = r.central().indexOf(info.id());
            List<Cell> cells = new ArrayList<>();
            for (int t : cols) {
                if (t == 0 && row >= 0) {
                    // the base year is the same on every path: the exact value, not a sketched percentile
                    cells.add(new Cell(fmt(r.central().values()[row][0]), null));
                    continue;
                }
                double p50 = r.centralFigure(info.id(), t);
                double p05 = mc.quantile(v, t, 0.05);
                double p95 = mc.quantile(v, t, 0.95);
                boolean band = t > 0 && Double.isFinite(p05) && Math.abs(p95 - p05) > 1e-9 * Math.max(1, Math.abs(p50));
                cells.add(new Cell(fmt(p50), band ? fmt(p05) + "\u2013" + fmt(p95) : null));
            }
            out.add(new ValueRow(l.metricHtml(info), l.unitWithBasisHtml(info, r.scenario().baseYear()), cells));
        }
        Templates.areaTable(h, java.util.Map.of("title", l.word("area.table"), "metricHead", l.word("metric"),
                "unitHead", l.word("unit"), "years", heads, "rows", out));
    }

    /** A row of an area's table: the metric, its unit and basis, one cell per year shown. */
    record ValueRow(String metric, String unit, List<Cell> cells) {
    }

    /** The central figure and, where the paths differ, the 5-95% band. */
    record Cell(String value, String band) {
    }
}
