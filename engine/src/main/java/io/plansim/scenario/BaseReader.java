package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code base:} section of a scenario (base-year values with unit and source) and any one base-year
 * value, as satellites state theirs: {@code {value, unit, source}}.
 */
final class BaseReader {
    private static final List<String> VALUE_KEYS = List.of("value", "unit", "source", "note");

    private final FieldReader r;

    BaseReader(FieldReader reader) {
        this.r = reader;
    }

    BaseValue value(String pointer, JsonNode node, String unit) {
        if (node == null || node.isNull()) {
            r.problem(pointer, "nothing", "this base-year value is required: {value: ..., unit: " + unit + ", source: ...}");
            return null;
        }
        if (!node.isObject()) {
            r.problem(pointer, FieldReader.describe(node), "a mapping {value: ..., unit: " + unit + ", source: ...}");
            return null;
        }
        r.checkKeys(pointer, node, VALUE_KEYS);
        Double v = r.number(pointer + "/value", node.get("value"));
        String u = node.has("unit") ? node.get("unit").asText() : null;
        if (unit != null && !unit.equals(u)) {
            r.problem(pointer + "/unit", u == null ? "no unit" : "'" + u + "'", "the unit must be " + unit);
        }
        Source s = r.source(pointer + "/source", node.get("source"));
        if (v != null && v < 0) {
            r.problem(pointer + "/value", FieldReader.describe(node.get("value")), "a level cannot be negative");
        }
        return v == null ? null : new BaseValue(v, u == null ? unit : u, s);
    }

    Map<BaseField, BaseValue> base(JsonNode node) {
        Map<BaseField, BaseValue> out = new EnumMap<>(BaseField.class);
        if (node == null || !node.isObject()) {
            r.problem("/base", FieldReader.describe(node), "a mapping of base-year values: " + String.join(", ", BaseField.keys()));
            return out;
        }
        r.checkKeys("/base", node, BaseField.keys());
        for (BaseField f : BaseField.values()) {
            BaseValue v = value("/base/" + f.key(), node.get(f.key()), f.unit());
            if (v != null) {
                out.put(f, v);
            }
        }
        // a share written as a fraction (0.7967 for 79.67%) is told as that, not as a sum off 100 or a rate out of range
        boolean fraction = false;
        for (BaseField f : BaseField.values()) {
            BaseValue v = out.get(f);
            if (v != null && Percent.NEVER_BELOW_ONE.contains(f.metric()) && Percent.looksLikeFraction(v.value())) {
                r.problem("/base/" + f.key() + "/value", Percent.plain(v.value()), Percent.writeAsPercent(v.value()));
                fraction = true;
            }
        }
        if (!fraction && out.containsKey(BaseField.PRIMARY_SHARE) && out.containsKey(BaseField.SECONDARY_SHARE)
                && out.containsKey(BaseField.TERTIARY_SHARE)) {
            double sum = out.get(BaseField.PRIMARY_SHARE).value() + out.get(BaseField.SECONDARY_SHARE).value()
                    + out.get(BaseField.TERTIARY_SHARE).value();
            if (Math.abs(sum - 100) > 0.15) {
                r.problem(shareStatedHere(), "sector shares summing to " + sum + "%", "the three shares must sum to 100% (within 0.15 for rounding)");
            }
        }
        BaseValue u = out.get(BaseField.URBANIZATION_RATE);
        if (u != null && (u.value() <= 0 || u.value() >= 100)) {
            r.problem("/base/urbanizationRate/value", String.valueOf(u.value()), "a rate in percent between 0 and 100");
        }
        for (BaseField f : List.of(BaseField.GDP_NOMINAL, BaseField.POPULATION, BaseField.ENERGY_INTENSITY,
                BaseField.INCOME_PER_CAPITA)) {
            if (out.containsKey(f) && out.get(f).value() == 0) { // a negative one is reported by value()
                r.problem("/base/" + f.key() + "/value", "0", "a positive level");
            }
        }
        return out;
    }

    /** The sector share a child file states (the one its author changed), else the tertiary share. */
    String shareStatedHere() {
        for (String key : List.of("primaryShare", "secondaryShare", "tertiaryShare")) {
            if (r.doc.locate("/base/" + key).file().equals(r.doc.file())) {
                return "/base/" + key;
            }
        }
        return "/base/tertiaryShare";
    }
}
