package io.plansim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.RegionData;
import io.plansim.scenario.Scenario;
import io.plansim.service.Forecasts;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.verdict.TargetVerdict;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's view of a forecast: percentiles per area for the fan charts with the unmodified scenario's median
 * as a ghost line and the actuals, the targets with P(met) and its change against the unmodified scenario, and
 * the nowcast notes. Only presentation: every number comes from the engine's {@link Forecasts.Simulation}.
 */
final class ForecastJson {
    private ForecastJson() {
    }

    /**
     * The chart areas and the series each offers (ids of {@link io.plansim.model.Variable} and the region's
     * satellites), from the scenario's region data, the same that lays out the report: an area's fan-chart
     * variables first (the one drawn when the page opens), then the rest of its table's rows.
     */
    static Map<String, List<String>> areas(Scenario sc) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (RegionData.Area a : sc.regionData().areas()) {
            java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(a.fans());
            ids.addAll(a.variables());
            m.put(a.id(), List.copyOf(ids));
        }
        return m;
    }

    /** Every series the page charts: the only variables whose percentiles a forecast for the page keeps. */
    static java.util.Set<String> series(Scenario sc) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        areas(sc).values().forEach(ids::addAll);
        return ids;
    }

    /** What the change column and the ghost lines need of the unmodified scenario. */
    record Baseline(Map<String, Double> probabilities, Map<String, double[]> medians) {
        static Baseline of(Forecasts.Simulation s) {
            Map<String, Double> p = new HashMap<>();
            s.verdicts().forEach(v -> p.put(v.target().id(), v.probability()));
            Map<String, double[]> med = new HashMap<>();
            McResult mc = s.mc();
            for (List<String> ids : areas(s.scenario()).values()) {
                for (String id : ids) {
                    int v = mc.variableIndex(id);
                    if (v >= 0) {
                        double[] m = new double[mc.years().length];
                        for (int t = 0; t < m.length; t++) {
                            m[t] = mc.quantile(v, t, 0.5);
                        }
                        med.put(id, m);
                    }
                }
            }
            return new Baseline(Map.copyOf(p), Map.copyOf(med));
        }
    }

    static ObjectNode of(ObjectMapper json, Forecasts.Simulation s, Baseline base, History actuals, ForecastRequest r,
                         String version) {
        ObjectNode root = json.createObjectNode();
        Scenario sc = s.scenario();
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("id", sc.id());
        scenario.put("name", sc.name());
        scenario.put("region", sc.region());
        scenario.put("baseYear", sc.baseYear());
        scenario.put("horizon", sc.horizon());
        root.put("version", version);
        root.put("seed", r.seed());
        root.put("paths", r.paths());
        root.put("pathsUsed", s.mc().paths());
        root.put("faults", s.mc().faults());
        // the same text as plansim mc's "warning:" line (docs/ERRORS.md, "Monte Carlo paths that fail"): the page shows it
        String warning = s.failedPathsWarning();
        if (warning != null) {
            root.put("warning", warning);
        }
        ArrayNode overrides = root.putArray("overrides");
        r.request().overrides().forEach(overrides::add);
        McResult mc = s.mc();
        ArrayNode years = json.createArrayNode();
        for (int y : mc.years()) {
            years.add(y);
        }
        ObjectNode areas = root.putObject("areas");
        for (Map.Entry<String, List<String>> area : areas(sc).entrySet()) {
            ArrayNode series = areas.putArray(area.getKey());
            for (String id : area.getValue()) {
                int v = mc.variableIndex(id);
                if (v < 0) {
                    continue;
                }
                VariableInfo info = mc.variables().get(v);
                ObjectNode o = series.addObject();
                o.put("id", id);
                o.put("name", info.name());
                o.put("nameZh", info.nameZh());
                o.put("unit", info.unit());
                o.put("basis", info.basis().name().toLowerCase(java.util.Locale.ROOT));
                o.set("years", years);
                ObjectNode pct = o.putObject("percentiles");
                for (double q : McResult.PERCENTILES) {
                    ArrayNode a = pct.putArray(String.format(java.util.Locale.ROOT, "p%02d", Math.round(q * 100)));
                    for (int t = 0; t < mc.years().length; t++) {
                        num(a, mc.quantile(v, t, q));
                    }
                }
                ArrayNode central = o.putArray("central");
                double[] c = s.central().series(id);
                for (double x : c) {
                    num(central, x);
                }
                ArrayNode ghost = o.putArray("baseline");
                double[] b = base.medians().get(id);
                if (b != null) {
                    for (double x : b) {
                        num(ghost, x);
                    }
                }
                ArrayNode act = o.putArray("actuals");
                for (HistoryRecord h : actuals.records()) {
                    if (h.metric().equals(id) && h.used()) {
                        ArrayNode pair = act.addArray();
                        pair.add(h.year());
                        num(pair, h.value());
                    }
                }
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetVerdict v : s.verdicts()) {
            Target t = v.target();
            ObjectNode o = targets.addObject();
            o.put("id", t.id());
            o.put("plan", t.plan());
            o.put("name", t.name());
            o.put("nameZh", t.nameZh());
            o.put("metric", t.metric());
            o.put("year", t.year());
            o.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("comparator", t.comparator().name().toLowerCase(java.util.Locale.ROOT));
            num(o, "value", t.value());
            o.put("unit", t.unit());
            o.put("statement", t.statement());
            num(o, "central", v.central());
            num(o, "probability", v.probability());
            num(o, "ciLow", v.ciLow());
            num(o, "ciHigh", v.ciHigh());
            Double bp = base.probabilities().get(t.id());
            num(o, "baselineProbability", bp == null ? Double.NaN : bp);
            num(o, "change", bp == null ? Double.NaN : v.probability() - bp);
            o.put("verdict", v.verdict().name().toLowerCase(java.util.Locale.ROOT));
            o.put("verdictLabel", v.verdict().label());
        }
        ArrayNode notes = root.putArray("notes");
        if (warning != null) {
            notes.add("warning: " + warning);
        }
        s.notes().forEach(notes::add);
        return root;
    }

    /** JSON has no NaN or infinity: a number that is not finite is written as null. */
    private static void num(ArrayNode a, double x) {
        if (Double.isFinite(x)) {
            a.add(x);
        } else {
            a.addNull();
        }
    }

    private static void num(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.putNull(field);
        }
    }
}
