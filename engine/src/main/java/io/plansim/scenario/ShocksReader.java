package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code shocks:} section: one-off level shocks {@code {variable, year, size}} in projected years. */
final class ShocksReader {
    private final FieldReader r;
    private final int baseYear;
    private final int horizon;

    ShocksReader(FieldReader reader, int baseYear, int horizon) {
        this.r = reader;
        this.baseYear = baseYear;
        this.horizon = horizon;
    }

    List<Shock> shocks(JsonNode node, List<Satellite> satellites) {
        List<Shock> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            r.problem("/shocks", FieldReader.describe(node), "a mapping of shock names to {variable, year, size}");
            return out;
        }
        List<String> shockable = SatellitesReader.shockable(satellites);
        Map<String, JsonNode> sorted = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            String p = "/shocks/" + LocatedDocument.escape(e.getKey());
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                r.problem(p, FieldReader.describe(s), "a mapping {variable: exports, year: 2022, size: -0.04}");
                continue;
            }
            r.checkKeys(p, s, List.of("variable", "year", "size", "note"));
            String variable = r.text(p + "/variable", s.get("variable"), true, "");
            if (!variable.isEmpty() && !shockable.contains(variable)) {
                r.problem(p + "/variable", "'" + variable + "'", Suggestions.allowed(variable, shockable));
            }
            int year = r.year(p + "/year", s.get("year"), 1950, 3000);
            if (year > 0 && baseYear > 0 && horizon > 0 && (year <= baseYear || year > horizon)) {
                r.problem(p + "/year", String.valueOf(year), "a projected year, " + (baseYear + 1) + " to " + horizon);
            }
            Double size = r.number(p + "/size", s.get("size"));
            if (size != null && (size <= -1 || size > 1)) {
                r.problem(p + "/size", "value " + size, "a growth shock as a fraction above -1 and at most 1 (-0.04 = -4%)"
                        + (Math.abs(size) > 1 && Math.abs(size) <= 100 ? "; write " + size / 100 + " for " + size + "%" : ""));
            }
            if (size != null) {
                out.add(new Shock(e.getKey(), variable, year, size, FieldReader.opt(s, "note")));
            }
        }
        return out;
    }
}
