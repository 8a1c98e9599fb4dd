package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.model.Basis;
import io.plansim.model.Variable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code satellites:} section: further indicators with a base value and a mode (growth with a link and
 * an elasticity, a ratio to a core variable, or a path of their own).
 */
final class SatellitesReader {
    static final Pattern SNAKE = Pattern.compile("^[a-z][a-z0-9_]*$");
    static final List<String> SATELLITE_KEYS =
            List.of("name", "name_zh", "unit", "basis", "mode", "link", "base", "trend", "ratio", "path", "elasticity", "note");

    private final FieldReader r;
    private final PathReader paths;
    private final BaseReader values;

    SatellitesReader(FieldReader reader, PathReader paths, BaseReader values) {
        this.r = reader;
        this.paths = paths;
        this.values = values;
    }

    List<Satellite> satellites(JsonNode node) {
        List<Satellite> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            r.problem("/satellites", FieldReader.describe(node), "a mapping of satellite ids to definitions");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            String p = "/satellites/" + LocatedDocument.escape(id);
            JsonNode s = e.getValue();
            if (!SNAKE.matcher(id).matches() || Variable.byId(id).isPresent()) {
                r.problem(p, "id '" + id + "'", Variable.byId(id).isPresent()
                        ? "this id is a core variable; pick another" : "snake_case ids such as express_parcels");
                continue;
            }
            if (!s.isObject()) {
                r.problem(p, FieldReader.describe(s), "a mapping with " + String.join(", ", SATELLITE_KEYS));
                continue;
            }
            r.checkKeys(p, s, SATELLITE_KEYS);
            String unit = r.text(p + "/unit", s.get("unit"), true, "");
            Basis basis = choice(p + "/basis", s.get("basis"), Basis.class, Basis.NONE, "allowed: nominal, real, none");
            SatelliteMode mode = choice(p + "/mode", s.get("mode"), SatelliteMode.class, SatelliteMode.GROWTH,
                    "allowed: growth, ratio, path");
            String link = s.has("link") ? s.get("link").asText() : null;
            if (mode != SatelliteMode.PATH) {
                if (link == null) {
                    r.problem(p + "/link", "nothing", "the core variable this indicator moves with, e.g. gdp_nominal");
                } else if (Variable.byId(link).isEmpty()) {
                    r.problem(p + "/link", "'" + link + "'", Suggestions.allowed(link,
                            java.util.Arrays.stream(Variable.values()).map(Variable::id).toList()));
                }
            }
            BaseValue base = values.value(p + "/base", s.get("base"), unit.isEmpty() ? null : unit);
            String primaryKey = switch (mode) {
                case GROWTH -> "trend";
                case RATIO -> "ratio";
                case PATH -> "path";
            };
            for (String k : List.of("trend", "ratio", "path")) {
                if (!k.equals(primaryKey) && s.has(k)) {
                    r.problem(p + "/" + k, "'" + k + "' in mode " + mode.name().toLowerCase(Locale.ROOT),
                            "mode " + mode.name().toLowerCase(Locale.ROOT) + " takes '" + primaryKey + "'");
                }
            }
            if (mode != SatelliteMode.GROWTH && s.has("elasticity")) {
                r.problem(p + "/elasticity", "an elasticity in mode " + mode.name().toLowerCase(Locale.ROOT),
                        "only mode growth takes an elasticity");
            }
            PathSpec primary = null;
            if (s.has(primaryKey)) {
                primary = paths.pathSpec(p + "/" + primaryKey, s.get(primaryKey), false);
                if (primary != null && mode == SatelliteMode.GROWTH) {
                    paths.checkBounds(p + "/trend", primary, DriverKind.RATE, -0.5, 1.0);
                }
                if (primary != null && mode != SatelliteMode.GROWTH) {
                    paths.checkBounds(p + "/" + primaryKey, primary, DriverKind.LEVEL, 0, Double.MAX_VALUE);
                }
            } else if (mode == SatelliteMode.PATH) {
                r.problem(p + "/path", "nothing", "mode path needs the path itself");
            }
            PathSpec elasticity = s.has("elasticity") && mode == SatelliteMode.GROWTH
                    ? paths.pathSpec(p + "/elasticity", s.get("elasticity"), false) : null;
            out.add(new Satellite(id, r.text(p + "/name", s.get("name"), false, id),
                    r.text(p + "/name_zh", s.get("name_zh"), false, ""), unit, basis, mode, link, base, primary, elasticity));
        }
        return out;
    }

    static double defaultPrimary(Satellite s) {
        return s.mode() == SatelliteMode.PATH && s.base() != null ? s.base().value() : 0;
    }

    /** Every variable a scenario projects: the core variables and its satellites. */
    static List<String> projected(List<Satellite> satellites) {
        List<String> projected = new ArrayList<>(java.util.Arrays.stream(Variable.values()).map(Variable::id).toList());
        satellites.forEach(s -> projected.add(s.id()));
        return projected;
    }

    static List<String> shockable(List<Satellite> satellites) {
        List<String> shockable = new ArrayList<>(java.util.Arrays.stream(Variable.values())
                .filter(Variable::shockable).map(Variable::id).toList());
        satellites.forEach(s -> shockable.add(s.id())); // every mode: growth, ratio and path satellites carry a shock factor
        return shockable;
    }

    /** One of an enum's constants named in lower case, or the fallback when the key is absent (or unknown: a problem). */
    private <E extends Enum<E>> E choice(String pointer, JsonNode node, Class<E> type, E fallback, String allowed) {
        if (node == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, node.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            r.problem(pointer, FieldReader.describe(node), allowed);
            return fallback;
        }
    }
}
