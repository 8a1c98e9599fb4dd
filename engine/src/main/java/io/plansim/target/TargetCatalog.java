package io.plansim.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.model.Basis;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import io.plansim.scenario.Percent;
import io.plansim.scenario.SourceLocation;
import io.plansim.scenario.FieldReader;
import io.plansim.scenario.LocatedDocument;
import io.plansim.scenario.Source;
import io.plansim.scenario.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A catalog of plan targets (targets.yaml), validated like a scenario: every problem at once, located. A catalog
 * can serve several scenarios (a region's backtests and baseline share one), so what depends on the scenario's
 * variables is checked by {@link #checkedFor} when a scenario names it; {@code doc} locates those problems (null
 * for a catalog made in code).
 */
public record TargetCatalog(String file, List<Target> targets, LocatedDocument doc) {
    static final List<String> KEYS = List.of("id", "plan", "metric", "name", "name_zh", "year", "kind", "comparator",
            "value", "high", "tolerance", "from", "unit", "basis", "status", "source", "note");
    private static final Set<String> STATUSES = Set.of("binding", "expected", "unspecified");

    public TargetCatalog {
        targets = List.copyOf(targets);
    }

    public TargetCatalog(String file, List<Target> targets) {
        this(file, targets, null);
    }

    public static TargetCatalog parse(String file, String text) {
        LocatedDocument doc = LocatedDocument.parse(file, text);
        Reader r = new Reader(doc);
        List<Target> out = r.read();
        r.failIfProblems();
        return new TargetCatalog(file, out, doc);
    }

    /**
     * This catalog checked against the variables of a scenario that names it (the model's and its satellites, by
     * id) and projects {@code baseYear} to {@code horizon}: a level, share or sum is stated in its metric's unit; a
     * target the scenario judges on its path (a year after the base year, up to the horizon) is on its metric's price
     * basis, since the figure judged is the path's (a share of GDP in current prices is nominal, a growth target on
     * gdp_real real): a label that says otherwise misstates what is judged. A metric the scenario does not project
     * that is a near miss of one it does is a typo (did you mean). A metric the region knows ({@code regionMetrics}:
     * its region file's satellites, its history's metrics) or that is no near miss stays in the catalog and is
     * reported not evaluable: a catalog lists a region's targets, some on indicators no scenario projects, and an
     * earlier scenario of the region (a backtest) projects fewer satellites than its baseline. A target up to the base
     * year is judged on the actual and its basis is the record's: scenarios of one region that share a catalog may
     * project a satellite on different bases (Jinhua's per-capita GDP at current prices from 2010, at 2015 prices from
     * 2015), and each checks the targets it judges.
     */
    public TargetCatalog checkedFor(Map<String, VariableInfo> variables, java.util.Set<String> regionMetrics, int baseYear, int horizon) {
        List<InputProblem> problems = new ArrayList<>();
        for (Target t : targets) {
            String p = pointer(t.id());
            VariableInfo v = variables.get(t.metric());
            if (v == null) {
                if (!regionMetrics.contains(t.metric())) {
                    Suggestions.closest(t.metric(), variables.keySet()).ifPresent(m -> problems.add(problem(p + "/metric",
                            "'" + t.metric() + "' (not a variable of the scenario)", "did you mean '" + m + "'?")));
                }
                continue;
            }
            if (t.kind() != TargetKind.GROWTH && t.kind() != TargetKind.CHANGE && !v.unit().equals(t.unit())) {
                problems.add(problem(p + "/unit", "'" + t.unit() + "'", "the unit of " + v.id() + ", " + v.unit()
                        + " (a " + t.kind().name().toLowerCase(Locale.ROOT) + " target is stated in its metric's unit)"));
            }
            if (t.year() > baseYear && t.year() <= horizon && t.basis() != v.basis()) {
                problems.add(problem(p + "/basis", "'" + t.basis().id() + "'", "the basis of " + v.id() + ", " + v.basis().id()
                        + " (a scenario projecting " + baseYear + "-" + horizon + " judges this " + t.year()
                        + " target on its path: nominal = current prices, real = constant prices, none = no price basis)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return this;
    }

    /** The JSON pointer of the target with this id in the file read ("" when the catalog was made in code). */
    private String pointer(String id) {
        JsonNode list = doc == null ? null : doc.root().get("targets");
        for (int i = 0; list != null && i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asText())) {
                return "/targets/" + i;
            }
        }
        return "";
    }

    private InputProblem problem(String pointer, String found, String allowed) {
        SourceLocation at = doc == null ? new SourceLocation(file, 0, 0) : doc.locate(pointer);
        return new InputProblem(at, LocatedDocument.fieldPath(pointer), found, allowed);
    }

    public Target byId(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static final class Reader extends FieldReader {
        Reader(LocatedDocument doc) {
            super(doc);
        }

        List<Target> read() {
            checkKeys("", doc.root(), List.of("targets"));
            JsonNode list = doc.root().get("targets");
            List<Target> out = new ArrayList<>();
            if (list == null || !list.isArray()) {
                problem("/targets", FieldReader.describe(list), "a list of targets");
                return out;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String p = "/targets/" + i;
                JsonNode t = list.get(i);
                if (!t.isObject()) {
                    problem(p, FieldReader.describe(t), "a mapping with " + String.join(", ", KEYS));
                    continue;
                }
                checkKeys(p, t, KEYS);
                String id = text(p + "/id", t.get("id"), true, "");
                if (seen.containsKey(id)) {
                    problem(p + "/id", "duplicate id '" + id + "'", "ids are unique; the first is at targets[" + seen.get(id) + "]");
                }
                seen.putIfAbsent(id, i);
                TargetKind kind = enumValue(p + "/kind", t.get("kind"), TargetKind.class);
                String cmpText = text(p + "/comparator", t.get("comparator"), true, "");
                Comparator cmp = Comparator.of(cmpText);
                if (cmp == null && !cmpText.isEmpty()) {
                    problem(p + "/comparator", "'" + cmpText + "'", "allowed: >=, >, <=, <, about, between");
                }
                Basis basis = enumValue(p + "/basis", t.get("basis"), Basis.class);
                int year = year(p + "/year", t.get("year"), 1950, 3000);
                Double value = number(p + "/value", t.get("value"));
                double high = Double.NaN;
                double tolerance = Double.NaN;
                if (cmp == Comparator.BETWEEN) {
                    Double h = number(p + "/high", t.get("high"));
                    high = h == null ? Double.NaN : h;
                    if (value != null && h != null && h < value) {
                        problem(p + "/high", "value " + h, "the upper end of a range, at least value " + value);
                    }
                }
                if (cmp == Comparator.ABOUT) {
                    Double tol = number(p + "/tolerance", t.get("tolerance"));
                    tolerance = tol == null ? Double.NaN : tol;
                    if (tol != null && tol < 0) {
                        problem(p + "/tolerance", "value " + tol, "a tolerance of at least 0");
                    }
                }
                int from = 0;
                if (kind == TargetKind.GROWTH || kind == TargetKind.CHANGE || kind == TargetKind.CUMULATIVE) {
                    from = year(p + "/from", t.get("from"), 1950, 3000);
                    if (from > 0 && year > 0 && (from > year || (from == year && kind != TargetKind.CUMULATIVE))) {
                        problem(p + "/from", String.valueOf(from), "a year before the target year " + year);
                    }
                }
                String unit = text(p + "/unit", t.get("unit"), true, "");
                String metric = text(p + "/metric", t.get("metric"), true, "");
                // growth and change are % of the metric whatever its unit; a share is in % (its metric's unit is
                // checked against the scenario's variables in checkedFor)
                if ((kind == TargetKind.GROWTH || kind == TargetKind.CHANGE || kind == TargetKind.SHARE) && !unit.isEmpty() && !unit.equals("%")) {
                    problem(p + "/unit", "'" + unit + "'", "%: a " + kind.name().toLowerCase(Locale.ROOT) + " target is stated in percent");
                }
                if ("%".equals(unit) && (kind == TargetKind.SHARE || kind == TargetKind.LEVEL && Percent.NEVER_BELOW_ONE.contains(metric))) {
                    for (String k : List.of("value", "high")) {
                        double x = k.equals("value") ? (value == null ? Double.NaN : value) : high;
                        if (Percent.looksLikeFraction(x)) {
                            problem(p + "/" + k, Percent.plain(x), Percent.writeAsPercent(x));
                        }
                    }
                }
                String status = text(p + "/status", t.get("status"), false, "unspecified");
                if (!STATUSES.contains(status)) {
                    problem(p + "/status", "'" + status + "'", "allowed: binding, expected, unspecified");
                }
                Source source = source(p + "/source", t.get("source"));
                if (source != null && (source.file() == null || source.line() == null || source.quote() == null)) {
                    problem(p + "/source", "an incomplete source", "every target cites the seed file, line and exact quote");
                }
                if (value != null && kind != null && cmp != null && basis != null && year > 0) {
                    out.add(new Target(id, text(p + "/plan", t.get("plan"), true, ""), metric,
                            text(p + "/name", t.get("name"), false, id), text(p + "/name_zh", t.get("name_zh"), false, ""),
                            year, kind, cmp, value, high, tolerance, from, unit, basis,
                            status, source, opt(t, "note")));
                }
            }
            return out;
        }

        private <E extends Enum<E>> E enumValue(String pointer, JsonNode node, Class<E> type) {
            String s = text(pointer, node, true, "");
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
                problem(pointer, "'" + s + "'", Suggestions.allowed(s, allowed));
                return null;
            }
        }
    }
}
