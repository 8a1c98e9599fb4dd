package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time path (a number, periods {@code {2021-2025: 0.065, 2026-2035: 0.05}} or
 * {@code {anchors: {2020: 0.07, 2035: 0.04}}}) within the scenario's years, and checks its values' range.
 */
final class PathReader {
    private static final Pattern RANGE = Pattern.compile("^(\\d{4})(?:\\s*-\\s*(\\d{4}))?$");

    private final FieldReader r;
    private final int baseYear;
    private final int horizon;

    PathReader(FieldReader reader, int baseYear, int horizon) {
        this.r = reader;
        this.baseYear = baseYear;
        this.horizon = horizon;
    }

    /** Parses a time path; scalar drivers accept only a number. */
    PathSpec pathSpec(String pointer, JsonNode node, boolean scalar) {
        if (node != null && (node.isNumber() || node.isTextual())) {
            Double v = r.number(pointer, node);
            return v == null ? null : new PathSpec.Constant(v);
        }
        String forms = scalar ? "a single number (this is a model constant, not a time path)"
                : "a number, a mapping of periods {2021-2025: 0.065, 2026-2035: 0.05}, or {anchors: {2020: 0.07, 2035: 0.04}}";
        if (scalar || node == null || !node.isObject() || node.isEmpty()) {
            r.problem(pointer, FieldReader.describe(node), forms);
            return null;
        }
        if (node.has("anchors")) {
            r.checkKeys(pointer, node, List.of("anchors"));
            JsonNode a = node.get("anchors");
            if (!a.isObject() || a.isEmpty()) {
                r.problem(pointer + "/anchors", FieldReader.describe(a), "a mapping of years to values {2020: 0.07, 2035: 0.04}");
                return null;
            }
            TreeMap<Integer, Double> anchors = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/anchors/" + e.getKey();
                Matcher mm = RANGE.matcher(e.getKey().trim());
                Double v = r.number(p, e.getValue());
                if (!mm.matches() || mm.group(2) != null) {
                    r.problem(p, "key '" + e.getKey() + "'", "anchor keys are single years such as 2025");
                } else if (inRange(p, Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(1))) && v != null) {
                    anchors.put(Integer.parseInt(mm.group(1)), v);
                }
            }
            return anchors.isEmpty() ? null : new PathSpec.Anchors(anchors);
        }
        List<PathSpec.Period> periods = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = pointer + "/" + LocatedDocument.escape(e.getKey());
            Matcher mm = RANGE.matcher(e.getKey().trim());
            Double v = r.number(p, e.getValue());
            if (!mm.matches()) {
                r.problem(p, "key '" + e.getKey() + "'", "period keys are year ranges such as 2021-2025 or single years; " + forms);
                continue;
            }
            int from = Integer.parseInt(mm.group(1));
            int to = mm.group(2) == null ? from : Integer.parseInt(mm.group(2));
            if (to < from) {
                r.problem(p, "period " + e.getKey(), "a period ends in or after the year it starts");
            } else if (inRange(p, from, to) && v != null) {
                periods.add(new PathSpec.Period(from, to, v));
            }
        }
        periods.sort(java.util.Comparator.comparingInt(PathSpec.Period::from));
        if (periods.isEmpty()) {
            return null;
        }
        int expected = baseYear + 1;
        for (PathSpec.Period per : periods) {
            if (per.from() < expected && per.from() > baseYear) {
                r.problem(pointer, "periods overlapping in " + per.from() + "-" + Math.min(per.to(), expected - 1),
                        "periods must not overlap");
            } else if (per.from() > expected && baseYear > 0) { // no gap to tell without a valid base year
                r.problem(pointer, "no value for " + expected + (per.from() - 1 > expected ? "-" + (per.from() - 1) : ""),
                        "periods must cover every year from " + (baseYear + 1) + " to " + horizon + " without gaps");
            }
            expected = Math.max(expected, per.to() + 1);
        }
        if (baseYear > 0 && horizon > 0 && expected <= horizon) {
            r.problem(pointer, "no value for " + expected + (horizon > expected ? "-" + horizon : ""),
                    "periods must cover every year from " + (baseYear + 1) + " to " + horizon + " without gaps");
        }
        return new PathSpec.Periods(periods);
    }

    boolean inRange(String pointer, int from, int to) {
        if (baseYear <= 0 || horizon <= 0) {
            return true;
        }
        if (from < baseYear || to > horizon) {
            r.problem(pointer, (from == to ? "year " + from : "years " + from + "-" + to),
                    "years between baseYear " + baseYear + " and horizon " + horizon);
            return false;
        }
        return true;
    }

    boolean checkBounds(String pointer, PathSpec spec, DriverKind kind, double min, double max) {
        boolean ok = true;
        for (double v : spec.values()) {
            if (v < min || v > max) {
                String hint = kind == DriverKind.RATE && v / 100 >= min && v / 100 <= max && Math.abs(v) >= 1
                        ? "; rates are fractions: write " + (v / 100) + " for " + v + "%"
                        : kind == DriverKind.FRACTION && v > 1 && v <= 100 ? "; shares are fractions: write " + (v / 100) + " for " + v + "%" : "";
                r.problem(pointer, "value " + v, "allowed range is " + min + " to " + max + hint);
                ok = false;
            }
        }
        return ok;
    }
}
