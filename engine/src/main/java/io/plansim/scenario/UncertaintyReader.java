package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.distribution.Distribution;
import io.plansim.distribution.LogNormal;
import io.plansim.distribution.Normal;
import io.plansim.distribution.Pert;
import io.plansim.distribution.Triangular;
import io.plansim.distribution.TruncatedNormal;
import io.plansim.distribution.Uniform;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RectangularCholeskyDecomposition;

/**
 * Reads the {@code uncertainty:} section of a scenario:
 * <pre>
 * uncertainty:
 *   parameters:
 *     production.tfpGrowth: {dist: triangular, min: -0.005, mode: 0, max: 0.01, apply: shift, years: 2026-2035}
 *     population.urbanSpeed: {dist: lognormal, mu: 0, sigma: 0.25, apply: scale}
 *     trade.exportTrend: {dist: normal, mean: 0, sd: 0.01, apply: shift}
 *   shocks:
 *     gdp_real: {sd: 0.015, persistence: 0.3, source: "plansim calibrate --uncertainty yiwu/baseline: ..."}
 *     exports: {sd: 0.06}
 *   correlation: {variables: [gdp_real, exports], matrix: [[1, 0.5], [0.5, 1]]}
 *   tails: {df: 5}
 *   events:
 *     pandemic: {probability: 0.03, effects: {gdp_real: {dist: normal, mean: -0.04, sd: 0.01}}}
 * </pre>
 */
final class UncertaintyReader {
    static final Map<String, List<String>> DISTRIBUTIONS = Map.of(
            "normal", List.of("mean", "sd"),
            "truncnormal", List.of("mean", "sd", "min", "max"),
            "lognormal", List.of("mu", "sigma"),
            "uniform", List.of("min", "max"),
            "triangular", List.of("min", "mode", "max"),
            "pert", List.of("min", "mode", "max"));

    private final FieldReader r;
    private final int baseYear;
    private final int horizon;
    private final List<String> shockable;

    UncertaintyReader(FieldReader reader, int baseYear, int horizon, List<String> shockable) {
        this.r = reader;
        this.baseYear = baseYear;
        this.horizon = horizon;
        this.shockable = shockable;
    }

    Uncertainty read(JsonNode node) {
        if (node == null || node.isNull()) {
            return Uncertainty.none();
        }
        if (!node.isObject()) {
            r.problem("/uncertainty", FieldReader.describe(node), "a mapping with parameters, shocks, correlation, tails, events");
            return Uncertainty.none();
        }
        r.checkKeys("/uncertainty", node, List.of("parameters", "shocks", "correlation", "tails", "events"));
        List<Uncertainty.Parameter> parameters = parameters(node.get("parameters"));
        List<Uncertainty.AnnualShock> shocks = shocks(node.get("shocks"));
        double[][] corr = correlation(node.get("correlation"), shocks);
        double df = 0;
        JsonNode tails = node.get("tails");
        if (tails != null && !tails.isNull()) {
            r.checkKeys("/uncertainty/tails", tails, List.of("df"));
            Double d = r.number("/uncertainty/tails/df", tails.get("df"));
            if (d != null && !(d > 2)) {
                r.problem("/uncertainty/tails/df", "value " + d, "Student-t degrees of freedom above 2 (so the variance exists)");
            } else if (d != null) {
                df = d;
            }
        }
        return new Uncertainty(parameters, shocks, corr, df, events(node.get("events")));
    }

    Distribution distribution(String pointer, JsonNode node) {
        return distribution(pointer, node, List.of());
    }

    /** A distribution whose entry may also hold {@code extra} keys (a parameter's {@code source}). */
    private Distribution distribution(String pointer, JsonNode node, List<String> extra) {
        if (node == null || !node.isObject()) {
            r.problem(pointer, FieldReader.describe(node), "a distribution such as {dist: normal, mean: 0, sd: 0.01}; "
                    + "dist is one of " + String.join(", ", DISTRIBUTIONS.keySet().stream().sorted().toList()));
            return null;
        }
        String dist = r.text(pointer + "/dist", node.get("dist"), true, "");
        List<String> params = DISTRIBUTIONS.get(dist);
        if (params == null) {
            if (!dist.isEmpty()) {
                r.problem(pointer + "/dist", "'" + dist + "'", Suggestions.allowed(dist, DISTRIBUTIONS.keySet().stream().sorted().toList()));
            }
            return null;
        }
        List<String> allowed = new ArrayList<>(params);
        allowed.addAll(List.of("dist", "years", "apply"));
        allowed.addAll(extra);
        r.checkKeys(pointer, node, allowed);
        double[] v = new double[params.size()];
        for (int i = 0; i < v.length; i++) {
            Double d = r.number(pointer + "/" + params.get(i), node.get(params.get(i)));
            if (d == null) {
                return null;
            }
            v[i] = d;
        }
        try {
            return switch (dist) {
                case "normal" -> Normal.of(v[0], v[1]);
                case "truncnormal" -> TruncatedNormal.of(v[0], v[1], v[2], v[3]);
                case "lognormal" -> LogNormal.of(v[0], v[1]);
                case "uniform" -> Uniform.of(v[0], v[1]);
                case "triangular" -> Triangular.of(v[0], v[1], v[2]);
                default -> Pert.of(v[0], v[1], v[2]);
            };
        } catch (IllegalArgumentException e) {
            r.problem(pointer, dist + " with " + String.join(", ", params), e.getMessage());
            return null;
        }
    }

    /** The optional key naming where an entry's size comes from (data and command, or "judgement: ..."). */
    static final String SOURCE = "source";

    /** An entry's {@code source:} text, empty when absent; anything but one line of text is reported. */
    private String source(String pointer, JsonNode entry) {
        JsonNode node = entry == null ? null : entry.get(SOURCE);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            r.problem(pointer + "/" + SOURCE, FieldReader.describe(node),
                    "text naming the data and command that sized this entry, or \"judgement: why\"");
            return "";
        }
        return node.asText().strip();
    }

    private List<Uncertainty.Parameter> parameters(JsonNode node) {
        List<Uncertainty.Parameter> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        List<String> drivers = java.util.Arrays.stream(Driver.values()).map(Driver::path).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/uncertainty/parameters/" + LocatedDocument.escape(e.getKey());
            Driver d = Driver.byPath(e.getKey()).orElse(null);
            if (d == null) {
                r.problem(p, "unknown driver '" + e.getKey() + "'", Suggestions.allowed(e.getKey(), drivers));
                continue;
            }
            Distribution dist = distribution(p, e.getValue(), List.of(SOURCE));
            if (dist == null) {
                continue;
            }
            String source = source(p, e.getValue());
            int from = baseYear;
            int to = horizon;
            JsonNode years = e.getValue().get("years");
            if (years != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})\\s*-\\s*(\\d{4})$").matcher(years.asText().trim());
                // with no valid base year or horizon (reported once, where they are written) the range cannot be judged
                boolean span = baseYear > 0 && horizon > 0;
                if (!m.matches() || span && (Integer.parseInt(m.group(1)) < baseYear || Integer.parseInt(m.group(2)) > horizon)
                        || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                    r.problem(p + "/years", FieldReader.describe(years), "a range such as " + (baseYear + 1) + "-" + horizon
                            + " within the scenario's years");
                    continue;
                }
                from = Integer.parseInt(m.group(1));
                to = Integer.parseInt(m.group(2));
            }
            if (d.scalar() && years != null) {
                r.problem(p + "/years", FieldReader.describe(years), "this driver is a model constant: no years");
                continue;
            }
            DrawMode mode = mode(p + "/apply", e.getValue().get("apply"), dist);
            if (mode == null) {
                continue;
            }
            out.add(new Uncertainty.Parameter(d, dist, from, to, mode, source));
        }
        return out;
    }

    /** Every variable named under uncertainty.shocks, valid or not (a bad one is reported once, at its own line). */
    private final java.util.Set<String> shocksNamed = new java.util.HashSet<>();

    /**
     * {@code apply:} is required: a draw that silently replaced the scenario's value would make every what-if
     * on that driver move the central path and leave the distribution where it was.
     */
    private DrawMode mode(String pointer, JsonNode node, Distribution dist) {
        List<String> keys = java.util.Arrays.stream(DrawMode.values()).map(DrawMode::key).toList();
        String allowed = "apply: shift (the draw is added to the scenario's value), scale (the value is multiplied by the draw) "
                + "or replace (the draw is the value, and the driver can then not be overridden)";
        if (node == null || node.isNull()) {
            r.problem(pointer, "no apply", "say how the draw meets the scenario's value: " + allowed);
            return null;
        }
        String key = node.isTextual() ? node.asText() : "";
        if (!keys.contains(key)) {
            r.problem(pointer, FieldReader.describe(node), Suggestions.allowed(key, keys) + "; " + allowed);
            return null;
        }
        DrawMode mode = DrawMode.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        double lowest = dist.inverseCdf(1e-9);
        if (mode == DrawMode.SCALE && !(lowest > 0)) {
            r.problem(pointer, "scale with a distribution reaching " + lowest + " at its 1e-9 quantile",
                    "a scale factor must stay positive: use lognormal, truncnormal, uniform, triangular or pert with min > 0");
            return null;
        }
        return mode;
    }

    private List<Uncertainty.AnnualShock> shocks(JsonNode node) {
        List<Uncertainty.AnnualShock> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/uncertainty/shocks/" + LocatedDocument.escape(e.getKey());
            shocksNamed.add(e.getKey());
            if (!shockable.contains(e.getKey())) {
                r.problem(p, "'" + e.getKey() + "'", Suggestions.allowed(e.getKey(), shockable));
                continue;
            }
            r.checkKeys(p, e.getValue(), List.of("sd", "persistence", SOURCE));
            String source = source(p, e.getValue());
            Double sd = r.number(p + "/sd", e.getValue().get("sd"));
            double rho = 0;
            if (e.getValue().has("persistence")) {
                Double x = r.number(p + "/persistence", e.getValue().get("persistence"));
                if (x != null && (x <= -1 || x >= 1)) {
                    r.problem(p + "/persistence", "value " + x, "an AR(1) coefficient strictly between -1 and 1");
                } else if (x != null) {
                    rho = x;
                }
            }
            if (sd != null && (sd < 0 || sd > 1)) {
                r.problem(p + "/sd", "value " + sd, "a standard deviation of the log level between 0 and 1 (0.05 = 5%)"
                        + (sd > 1 && sd <= 100 ? "; write " + sd / 100 + " for " + sd + "%" : ""));
            } else if (sd != null) {
                out.add(new Uncertainty.AnnualShock(e.getKey(), sd, rho, source));
            }
        }
        return out;
    }

    private double[][] correlation(JsonNode node, List<Uncertainty.AnnualShock> shocks) {
        int k = shocks.size();
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            c[i][i] = 1;
        }
        if (node == null || node.isNull()) {
            return c;
        }
        String p = "/uncertainty/correlation";
        r.checkKeys(p, node, List.of("variables", "matrix"));
        JsonNode vars = node.get("variables");
        JsonNode m = node.get("matrix");
        if (vars == null || !vars.isArray() || m == null || !m.isArray() || m.size() != vars.size()) {
            r.problem(p, FieldReader.describe(node), "{variables: [a, b, ...], matrix: [[1, r], [r, 1]]} with one row per variable");
            return c;
        }
        int n = vars.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = -1;
            for (int j = 0; j < k; j++) {
                if (shocks.get(j).variable().equals(vars.get(i).asText())) {
                    idx[i] = j;
                }
            }
            if (idx[i] < 0 && shocksNamed.contains(vars.get(i).asText())) {
                return c; // its shock is invalid, and reported where it is written
            }
            if (idx[i] < 0) {
                r.problem(p + "/variables/" + i, "'" + vars.get(i).asText() + "'", "a variable listed under uncertainty.shocks");
                return c;
            }
        }
        double[][] given = new double[n][n];
        for (int i = 0; i < n; i++) {
            JsonNode row = m.get(i);
            if (!row.isArray() || row.size() != n) {
                r.problem(p + "/matrix/" + i, FieldReader.describe(row), "a row of " + n + " numbers");
                return c;
            }
            for (int j = 0; j < n; j++) {
                Double x = r.number(p + "/matrix/" + i + "/" + j, row.get(j));
                if (x == null) {
                    return c;
                }
                given[i][j] = x;
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(given[i][i] - 1) > 1e-12) {
                r.problem(p + "/matrix/" + i + "/" + i, "value " + given[i][i], "1 on the diagonal");
                return c;
            }
            for (int j = 0; j < n; j++) {
                if (Math.abs(given[i][j] - given[j][i]) > 1e-12) {
                    r.problem(p + "/matrix/" + i + "/" + j, given[i][j] + " but " + given[j][i] + " at [" + j + "][" + i + "]",
                            "a symmetric matrix");
                    return c;
                }
                if (Math.abs(given[i][j]) > 1) {
                    r.problem(p + "/matrix/" + i + "/" + j, "value " + given[i][j], "correlations between -1 and 1");
                    return c;
                }
                c[idx[i]][idx[j]] = given[i][j];
            }
        }
        try {
            new RectangularCholeskyDecomposition(new Array2DRowRealMatrix(c), 1e-10);
        } catch (NonPositiveDefiniteMatrixException e) {
            r.problem(p + "/matrix", "a matrix that is not positive semi-definite", "a valid correlation matrix (some correlations contradict each other)");
        }
        return c;
    }

    private List<Uncertainty.RareEvent> events(JsonNode node) {
        List<Uncertainty.RareEvent> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/uncertainty/events/" + LocatedDocument.escape(e.getKey());
            r.checkKeys(p, e.getValue(), List.of("probability", "effects", "note", SOURCE));
            String source = source(p, e.getValue());
            Double prob = r.number(p + "/probability", e.getValue().get("probability"));
            if (prob != null && (prob < 0 || prob > 1)) {
                r.problem(p + "/probability", "value " + prob, "a yearly probability between 0 and 1");
                continue;
            }
            JsonNode effects = e.getValue().get("effects");
            List<Uncertainty.Effect> list = new ArrayList<>();
            if (effects == null || !effects.isObject() || effects.isEmpty()) {
                r.problem(p + "/effects", FieldReader.describe(effects), "a mapping of variables to size distributions");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> f = effects.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> x = f.next();
                String q = p + "/effects/" + LocatedDocument.escape(x.getKey());
                if (!shockable.contains(x.getKey())) {
                    r.problem(q, "'" + x.getKey() + "'", Suggestions.allowed(x.getKey(), shockable));
                    continue;
                }
                Distribution d = distribution(q, x.getValue());
                if (d != null) {
                    list.add(new Uncertainty.Effect(x.getKey(), d));
                }
            }
            if (prob != null) {
                out.add(new Uncertainty.RareEvent(e.getKey(), prob, list, source));
            }
        }
        return out;
    }
}
