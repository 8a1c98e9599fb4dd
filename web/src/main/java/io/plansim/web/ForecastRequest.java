package io.plansim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A forecast request as the page posts it, validated field by field:
 * {@code {"scenario": "yiwu/baseline" | "yaml": "...", "name": "upload.yaml", "overrides": ["trade.exportTrend=0.02"],
 * "paths": 10000, "seed": 1, "client": "tab-id"}}. The scenario and overrides are checked by the engine's own loader.
 */
record ForecastRequest(Forecasts.Request request, long paths, long seed, String client, JsonNode body) {
    static final int MAX_OVERRIDES = 64;
    /** What an upload sent without a 'name' is called in messages. */
    static final String UPLOADED = "uploaded scenario";
    static final int MAX_OVERRIDE_CHARS = 200;
    /** What every route reads: the scenario and the overrides. */
    private static final Set<String> SCENARIO = Set.of("scenario", "yaml", "name", "overrides");
    /** What a route that runs a Monte Carlo reads besides: its size, seed and the page that asked (a newer request cancels). */
    static final Set<String> MONTE_CARLO = Set.of("paths", "seed", "client");
    private static final Set<String> FIELDS = Set.of("scenario", "yaml", "name", "overrides", "paths", "seed", "client",
            "lang", "target", "driver", "probability", "output");

    /**
     * Parses the body of {@code route}, which reads the scenario's fields and {@code used}: any other field is refused,
     * an unknown one and one the route would ignore alike (a silently ignored setting misleads, as on the command line).
     */
    static ForecastRequest parse(ObjectMapper json, String body, Limits limits, String route, Set<String> used) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.bad("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.bad("the body must be a JSON object such as {\"scenario\": \"yiwu/baseline\"}");
        }
        java.util.Set<String> allowed = new java.util.TreeSet<>(SCENARIO);
        allowed.addAll(used);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiError.bad("unknown field '" + clip(f) + "'; allowed: " + String.join(", ", allowed));
            }
            if (!allowed.contains(f)) {
                throw unused(f, route + " does not use it; it reads " + String.join(", ", allowed));
            }
        }
        JsonNode scenario = root.get("scenario");
        JsonNode yaml = root.get("yaml");
        if ((scenario == null) == (yaml == null)) {
            throw ApiError.bad("give exactly one of 'scenario' (a built-in name) or 'yaml' (the text of a scenario file)");
        }
        ScenarioSource source;
        if (scenario != null && root.has("name")) {
            throw unused("name", "it names an uploaded 'yaml', not a built-in 'scenario'");
        }
        if (scenario != null) {
            source = ScenarioSource.builtIn(text(scenario, "scenario", 200));
        } else {
            // the name a message locates the upload's problems by: the file's, as the page sends it, or what it is
            String name = root.has("name") ? text(root.get("name"), "name", 100) : UPLOADED;
            if (!name.matches("[\\p{L}\\p{N}_.() -]+") || name.startsWith(".")) {
                // the upload's name is only a label in messages; still, nothing that looks like a path
                throw ApiError.bad("'name' must be a plain file name such as my-scenario.yaml, not " + clip(name));
            }
            source = ScenarioSource.text(name, text(yaml, "yaml", Integer.MAX_VALUE));
        }
        List<String> overrides = new ArrayList<>();
        JsonNode o = root.get("overrides");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) {
                throw ApiError.bad("'overrides' must be a list of strings such as \"trade.exportTrend=0.02\"");
            }
            if (o.size() > MAX_OVERRIDES) {
                throw ApiError.bad("at most " + MAX_OVERRIDES + " overrides, not " + o.size());
            }
            for (JsonNode e : o) {
                overrides.add(text(e, "overrides[]", MAX_OVERRIDE_CHARS));
            }
        }
        long paths = whole(root.get("paths"), "paths", Limits.DEFAULT_PATHS, 1, limits.maxPaths());
        long seed = whole(root.get("seed"), "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        String client = root.has("client") ? text(root.get("client"), "client", 64) : null;
        return new ForecastRequest(new Forecasts.Request(source, overrides, null, null), paths, seed, client, root);
    }

    /** Refuses the first of {@code fields} the body has, saying {@code why} it would have no effect. */
    void refuse(String why, String... fields) {
        for (String f : fields) {
            if (body.has(f)) {
                throw unused(f, why);
            }
        }
    }

    private static ApiError unused(String field, String why) {
        return ApiError.bad("no '" + field + "' here: " + why + " (drop '" + field + "')");
    }

    /** A string field of the body beyond the forecast's ("target", "driver", "output"); required unless a fallback is given. */
    String field(String name, String fallback) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw ApiError.bad("'" + name + "' is missing");
            }
            return fallback;
        }
        return text(n, name, 200);
    }

    /** The workbook's language: "en" (the default) or "zh". */
    io.plansim.report.Lang lang() {
        String l = field("lang", "en");
        return switch (l) {
            case "en" -> io.plansim.report.Lang.EN;
            case "zh" -> io.plansim.report.Lang.ZH;
            default -> throw ApiError.bad("'lang' must be \"en\" or \"zh\", not " + clip(l));
        };
    }

    /** "probability": a number strictly between 0 and 1, or null (absent: the central path). */
    Double probability() {
        JsonNode n = body.get("probability");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !(n.asDouble() > 0 && n.asDouble() < 1)) {
            throw ApiError.bad("'probability' must be a number strictly between 0 and 1, not " + clip(n.toString()));
        }
        return n.asDouble();
    }

    private static String text(JsonNode n, String field, int maxChars) {
        if (!n.isTextual()) {
            throw ApiError.bad("'" + field + "' must be a string, not " + clip(n.toString()));
        }
        String s = n.asText();
        if (s.length() > maxChars) {
            throw ApiError.bad("'" + field + "' is " + s.length() + " characters long; at most " + maxChars);
        }
        return s;
    }

    private static long whole(JsonNode n, String field, long fallback, long min, long max) {
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiError.bad("'" + field + "' must be a whole number from " + min + " to " + max + ", not " + clip(n.toString()));
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw ApiError.bad("'" + field + "' must be from " + min + " to " + max + ", not " + v);
        }
        return v;
    }

    static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
