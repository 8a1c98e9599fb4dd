package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.model.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a report needs to know of a region, as data: its report areas in page order, each with the variables
 * of its table of values, its fan charts and its comparisons across scenarios. The model's own variables are
 * placed by {@code io/plansim/scenario/areas.yaml}; a region's file ({@code regionFile:} of a scenario, e.g.
 * {@code scenarios/yiwu/region.yaml}) adds its satellite indicators to those areas. Immutable; a region file
 * is parsed and validated once per text.
 *
 * @param file         where the region's satellites came from ({@code areas.yaml} for the model alone)
 * @param areas        the areas in page order
 * @param distribution the variable whose distribution in the horizon year is drawn
 */
public record RegionData(String file, List<Area> areas, String distribution) {
    private static final String MODEL_RESOURCE = "io/plansim/scenario/areas.yaml";
    private static final RegionData MODEL = readModel();
    private static final Map<String, RegionData> PARSED = new ConcurrentHashMap<>();

    /** One report area: the rows of its table of values, its fan charts, the variables compared across scenarios. */
    public record Area(String id, List<String> variables, List<String> fans, List<String> compared) {
        public Area {
            variables = List.copyOf(variables);
            fans = List.copyOf(fans);
            compared = List.copyOf(compared);
        }
    }

    public RegionData {
        areas = List.copyOf(areas);
    }

    /** The model's variables by area, without any region's satellites (a scenario that names no region file). */
    public static RegionData model() {
        return MODEL;
    }

    /** The report area of a metric: the area that lists it, exports and imports by channel in trade, else "other". */
    public String area(String metric) {
        for (Area a : areas) {
            if (a.variables().contains(metric)) {
                return a.id();
            }
        }
        if (metric.startsWith("exports") || metric.startsWith("imports")) {
            return "trade";
        }
        return "other";
    }

    /** The ids of the areas in page order. */
    public List<String> areaIds() {
        return areas.stream().map(Area::id).toList();
    }

    /** Whether some area lists the variable. */
    public boolean lists(String variable) {
        return areas.stream().anyMatch(a -> a.variables().contains(variable));
    }

    /**
     * A region file: {@code areas: {gdp: [fixed_asset_investment, ...], trade: [...]}}, each satellite in one of
     * the model's areas, after the model's own variables. Every problem is reported with file, line and field.
     */
    public static RegionData parse(String file, String text) {
        return PARSED.computeIfAbsent(file + '\u0000' + text, k -> read(file, text));
    }

    private static RegionData read(String file, String text) {
        LocatedDocument doc = LocatedDocument.parse(file, text);
        List<InputProblem> problems = new ArrayList<>();
        for (Iterator<String> it = doc.root().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("areas")) {
                problems.add(new InputProblem(doc.locate("/" + LocatedDocument.escape(key)), key, "'" + key + "'",
                        "allowed: areas (a list of satellite ids per report area)"));
            }
        }
        JsonNode areas = doc.root().get("areas");
        Map<String, List<String>> added = new java.util.LinkedHashMap<>();
        if (areas == null || !areas.isObject()) {
            problems.add(new InputProblem(doc.locate("/areas"), "areas", areas == null ? "nothing" : FieldReader.describe(areas),
                    "a mapping of report areas (" + String.join(", ", MODEL.areaIds()) + ") to lists of satellite ids"));
        } else {
            Set<String> seen = new HashSet<>();
            MODEL.areas().forEach(a -> seen.addAll(a.variables()));
            for (Iterator<Map.Entry<String, JsonNode>> it = areas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String pointer = "/areas/" + LocatedDocument.escape(e.getKey());
                if (!MODEL.areaIds().contains(e.getKey())) {
                    problems.add(new InputProblem(doc.locate(pointer), "areas." + e.getKey(), "'" + e.getKey() + "'",
                            Suggestions.allowed(e.getKey(), MODEL.areaIds())));
                    continue;
                }
                if (!e.getValue().isArray()) {
                    problems.add(new InputProblem(doc.locate(pointer), "areas." + e.getKey(), FieldReader.describe(e.getValue()),
                            "a list of satellite ids, e.g. [retail_sales, rd_share]"));
                    continue;
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < e.getValue().size(); i++) {
                    JsonNode id = e.getValue().get(i);
                    String field = "areas." + e.getKey() + "[" + i + "]";
                    SourceLocation at = doc.locate(pointer + "/" + i);
                    if (!id.isTextual() || !SatellitesReader.SNAKE.matcher(id.asText()).matches()) {
                        problems.add(new InputProblem(at, field, FieldReader.describe(id), "a satellite id in snake_case"));
                    } else if (Variable.byId(id.asText()).isPresent()) {
                        problems.add(new InputProblem(at, field, "'" + id.asText() + "' (a model variable)",
                                "only satellites: the model's variables are placed by " + MODEL_RESOURCE));
                    } else if (!seen.add(id.asText())) {
                        problems.add(new InputProblem(at, field, "'" + id.asText() + "' a second time", "each satellite in one area"));
                    } else {
                        ids.add(id.asText());
                    }
                }
                added.put(e.getKey(), ids);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<Area> out = new ArrayList<>();
        for (Area a : MODEL.areas()) {
            List<String> vars = new ArrayList<>(a.variables());
            vars.addAll(added.getOrDefault(a.id(), List.of()));
            out.add(new Area(a.id(), vars, a.fans(), a.compared()));
        }
        return new RegionData(file, out, MODEL.distribution());
    }

    private static RegionData readModel() {
        String text;
        try (InputStream in = RegionData.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is missing from the engine");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the engine's own file: a mistake in it is a bug, reported as one (with its place) by the checks below
        LocatedDocument doc = LocatedDocument.parse(MODEL_RESOURCE, text);
        List<Area> areas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.root().path("areas").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            areas.add(new Area(e.getKey(), modelVariables(doc, e, "variables"), modelVariables(doc, e, "fans"),
                    modelVariables(doc, e, "compared")));
        }
        String distribution = doc.root().path("distribution").asText();
        if (Variable.byId(distribution).isEmpty()) {
            throw new IllegalStateException(doc.locate("/distribution") + ": distribution: no model variable " + distribution);
        }
        return new RegionData(MODEL_RESOURCE, areas, distribution);
    }

    private static List<String> modelVariables(LocatedDocument doc, Map.Entry<String, JsonNode> area, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : area.getValue().path(key)) {
            if (Variable.byId(v.asText()).isEmpty()) {
                throw new IllegalStateException(doc.locate("/areas/" + area.getKey() + "/" + key) + ": areas." + area.getKey()
                        + "." + key + ": no model variable " + v.asText());
            }
            out.add(v.asText());
        }
        return out;
    }
}
