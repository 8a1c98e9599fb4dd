package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code backtest:} section: {@code breaks: {metric: reason}}. */
final class BacktestReader {
    private final FieldReader r;

    BacktestReader(FieldReader reader) {
        this.r = reader;
    }

    /**
     * {@code backtest: {breaks: {metric: reason}}}: the projected metrics whose later actuals sit across a
     * statistical break from the base year's basis, each with its reason.
     */
    Map<String, String> backtestBreaks(JsonNode node, List<Satellite> satellites) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            r.problem("/backtest", FieldReader.describe(node), "a mapping {breaks: {metric: reason}}");
            return out;
        }
        r.checkKeys("/backtest", node, List.of("breaks"));
        JsonNode breaks = node.get("breaks");
        if (breaks == null || breaks.isNull()) {
            return out;
        }
        if (!breaks.isObject()) {
            r.problem("/backtest/breaks", FieldReader.describe(breaks),
                    "a mapping of projected metric ids to the reason their later actuals are across a break, "
                            + "e.g. {population: \"2020 actual is a census count, the base a yearly estimate\"}");
            return out;
        }
        List<String> metrics = SatellitesReader.projected(satellites);
        for (Iterator<Map.Entry<String, JsonNode>> it = breaks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/backtest/breaks/" + LocatedDocument.escape(e.getKey());
            JsonNode reason = e.getValue();
            if (!metrics.contains(e.getKey())) {
                r.problem(p, "unknown metric '" + e.getKey() + "'", Suggestions.allowed(e.getKey(), metrics));
            } else if (reason.isNull() || reason.isTextual() && reason.asText().isBlank()) {
                r.problem(p, "an empty reason", "say what changed between the base year's basis and the actuals");
            } else if (!reason.isTextual()) {
                r.problem(p, FieldReader.describe(reason), "the reason as text: what changed between the base year's basis and the actuals");
            } else {
                out.put(e.getKey(), reason.asText().strip());
            }
        }
        return out;
    }
}
