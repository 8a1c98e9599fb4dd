package io.plansim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.target.HistoryRecord;
import io.plansim.tables.McTables;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.ProjectionTables;
import io.plansim.tables.VerdictTables;
import io.plansim.verdict.TargetVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The numbers behind the charts, as CSV tables (Tablesaw) and as one JSON document. Both are built from the
 * same results: per scenario the percentiles of every variable and year (McTables), the central path
 * (ProjectionTables), the targets with verdicts and probabilities (VerdictTables), the actual figures and
 * the quantile curves.
 */
final class ReportTables {
    private ReportTables() {
    }

    /** File names (under tables/) of one scenario's tables. */
    record Names(String percentiles, String central, String targets, String history, Map<String, String> curves,
                 String tornado) {
        static Names of(String slug, List<QuantileCurve> curves) {
            Map<String, String> c = new LinkedHashMap<>();
            for (QuantileCurve q : curves) {
                c.put(q.metric() + "@" + q.year(), "tables/" + slug + "-" + q.metric() + "-" + q.year() + "-distribution.csv");
            }
            return new Names("tables/" + slug + "-percentiles.csv", "tables/" + slug + "-central.csv",
                    "tables/" + slug + "-targets.csv", "tables/" + slug + "-history.csv", c, "tables/" + slug + "-tornado.csv");
        }
    }

    /** The tables of one scenario, keyed by their path under the report folder. */
    static Map<String, Table> tables(ScenarioRun r, Names names, List<QuantileCurve> curves) {
        Map<String, Table> out = new LinkedHashMap<>();
        out.put(names.percentiles(), McTables.longTable(r.mc()));
        out.put(names.central(), ProjectionTables.wide(r.central(), List.of()));
        out.put(names.targets(), targets(r));
        out.put(names.history(), history(r));
        for (QuantileCurve q : curves) {
            out.put(names.curves().get(q.metric() + "@" + q.year()), curve(r, q));
        }
        if (!r.tornado().isEmpty()) {
            out.put(names.tornado(), tornado(r));
        }
        return out;
    }

    /** The tornado bars in the one layout of every output (SensitivityTables). */
    static Table tornado(ScenarioRun r) {
        return io.plansim.tables.SensitivityTables.tornado(r.tornadoOutput(), r.tornado());
    }

    /** The verdicts in the one layout of every output (VerdictTables.table), with the Monte Carlo columns. */
    static Table targets(ScenarioRun r) {
        return VerdictTables.table(r.scenario().id(), r.verdicts());
    }

    /** The actual figures the scenario's history marks as used. */
    static Table history(ScenarioRun r) {
        StringColumn metric = StringColumn.create("metric");
        IntColumn year = IntColumn.create("year");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn unit = StringColumn.create("unit");
        StringColumn basis = StringColumn.create("basis");
        StringColumn source = StringColumn.create("source");
        for (HistoryRecord h : usedHistory(r)) {
            metric.append(h.metric());
            year.append(h.year());
            value.append(h.value());
            unit.append(h.unit());
            basis.append(h.basis());
            source.append(h.source() == null ? "" : h.source().toString());
        }
        return Table.create(r.scenario().id() + " history", metric, year, value, unit, basis, source);
    }

    static List<HistoryRecord> usedHistory(ScenarioRun r) {
        return r.history().records().stream().filter(HistoryRecord::used).toList();
    }

    static Table curve(ScenarioRun r, QuantileCurve q) {
        DoubleColumn level = DoubleColumn.create("q");
        DoubleColumn value = DoubleColumn.create("value");
        for (int i = 0; i < q.q().length; i++) {
            level.append(q.q()[i]);
            value.append(q.value()[i]);
        }
        return Table.create(r.scenario().id() + " " + q.metric() + " " + q.year(), level, value);
    }

    /**
     * One scenario in summary.json: McTables.json (percentiles, targets with probabilities, run facts) plus
     * the scenario's name and model, the central path, the actual figures and the quantile curves.
     */
    static ObjectNode json(ScenarioRun r, String version, Names names, List<QuantileCurve> curves) {
        ObjectNode n = McTables.json(r.mc(), r.verdicts(), version, r.central());
        n.put("name", r.scenario().title());
        n.put("narrative", r.scenario().narrative());
        n.put("region", r.scenario().region());
        n.put("model", r.scenario().production().name().toLowerCase(java.util.Locale.ROOT));
        n.set("central", ProjectionJson.toJson(r.central()));
        ArrayNode h = n.putArray("history");
        for (HistoryRecord x : usedHistory(r)) {
            ObjectNode o = h.addObject();
            o.put("metric", x.metric());
            o.put("year", x.year());
            o.put("value", x.value());
            o.put("unit", x.unit());
            o.put("basis", x.basis());
        }
        ArrayNode d = n.putArray("distributions");
        for (QuantileCurve q : curves) {
            ObjectNode o = d.addObject();
            o.put("metric", q.metric());
            o.put("year", q.year());
            o.put("table", names.curves().get(q.metric() + "@" + q.year()));
            ProjectionJson.numbers(o.putArray("q"), q.q());
            ProjectionJson.numbers(o.putArray("value"), q.value());
            if (q.target() != null) {
                o.put("target", q.target().id());
                o.put("threshold", q.target().threshold());
                o.put("probability", q.probability());
            }
        }
        if (!r.tornado().isEmpty()) {
            ObjectNode tor = n.putObject("tornado");
            tor.put("output", r.tornadoOutput());
            tor.put("atMedians", r.tornadoCentral()); // the tornado's reference: every parameter at its median
            tor.put("table", names.tornado());
            tor.set("bars", io.plansim.tables.Tables.jsonRows(tornado(r)));
        }
        ObjectNode t = n.putObject("tables");
        t.put("percentiles", names.percentiles());
        t.put("central", names.central());
        t.put("targets", names.targets());
        t.put("history", names.history());
        return n;
    }

    private static void append(DoubleColumn c, double v) {
        if (Double.isFinite(v)) {
            c.append(v);
        } else {
            c.appendMissing();
        }
    }
}
