package io.plansim.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.model.VariableInfo;
import io.plansim.runner.Projection;

/**
 * The JSON shape every command shares: {@code scenario}, {@code years}, and {@code variables} keyed by
 * the stable snake_case id, each with {@code name}, {@code name_zh}, {@code unit}, {@code basis} and
 * {@code values} (one per year; null where a value is undefined, e.g. growth accounting in the base year).
 */
public final class ProjectionJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectionJson() {
    }

    public static ObjectNode toJson(Projection p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", p.scenario());
        root.put("name", p.name());
        ArrayNode years = root.putArray("years");
        for (int y : p.years()) {
            years.add(y);
        }
        ObjectNode vars = root.putObject("variables");
        for (int i = 0; i < p.variables().size(); i++) {
            VariableInfo v = p.variables().get(i);
            ObjectNode node = vars.putObject(v.id());
            describe(node, v);
            numbers(node.putArray("values"), p.values()[i]);
        }
        return root;
    }

    /** name, name_zh, unit, basis of a variable. */
    public static void describe(ObjectNode node, VariableInfo v) {
        node.put("name", v.name());
        node.put("name_zh", v.nameZh());
        node.put("unit", v.unit());
        node.put("basis", v.basis().id());
    }

    /** Appends values, NaN as null (JSON has no NaN). */
    public static void numbers(ArrayNode array, double[] values) {
        for (double d : values) {
            if (Double.isFinite(d)) {
                array.add(d);
            } else {
                array.addNull();
            }
        }
    }
}
