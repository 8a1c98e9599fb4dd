package io.plansim.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.scenario.FieldReader;
import io.plansim.scenario.Limits;
import io.plansim.scenario.LocatedDocument;
import io.plansim.scenario.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a batch file:
 * <pre>
 * name: tfp-by-exports
 * runs:
 *   - scenario: yiwu/baseline
 *     paths: 20000
 *     seed: 1
 *     seedPolicy: fixed          # fixed (common random numbers, the default) or derived
 *     grid:                      # cartesian product, in the order written
 *       production.tfpGrowth: {from: 0.005, to: 0.025, step: 0.0025}
 *       trade.exportTrend: [0.0, 0.02, 0.04]
 *     variants:                  # and/or explicit variants
 *       - {prices.deflatorGrowth: 0.01}
 * </pre>
 * Override paths and values are checked when each variant is loaded, so one bad variant fails alone.
 */
public final class BatchReader extends FieldReader {
    /** Variants read so far over all runs: the limit holds for the whole batch, not per run. */
    private long total;
    private final long maxVariants = Limits.current().variants();

    private BatchReader(LocatedDocument doc) {
        super(doc);
    }

    public static BatchSpec parse(String file, String text) {
        BatchReader r = new BatchReader(LocatedDocument.parse(file, text));
        BatchSpec spec = r.read();
        r.failIfProblems();
        return spec;
    }

    private BatchSpec read() {
        JsonNode root = doc.root();
        checkKeys("", root, List.of("name", "runs"));
        String name = text("/name", root.get("name"), false, "batch");
        JsonNode runs = root.get("runs");
        List<BatchSpec.Run> out = new ArrayList<>();
        if (runs == null || !runs.isArray() || runs.isEmpty()) {
            problem("/runs", runs != null && runs.isArray() ? "an empty list" : describe(runs),
                    "a list of at least one run, each {scenario, paths, seed, grid and/or variants}");
            return new BatchSpec(name, out);
        }
        for (int i = 0; i < runs.size(); i++) {
            String p = "/runs/" + i;
            JsonNode run = runs.get(i);
            if (!run.isObject()) {
                problem(p, describe(run), "a mapping {scenario, paths, seed, seedPolicy, grid, variants}");
                continue;
            }
            checkKeys(p, run, List.of("scenario", "paths", "seed", "seedPolicy", "grid", "variants"));
            String scenario = text(p + "/scenario", run.get("scenario"), true, "");
            long paths = 10_000;
            if (run.has("paths")) {
                Double d = number(p + "/paths", run.get("paths"));
                if (d != null && (d < 1 || d != Math.rint(d))) {
                    problem(p + "/paths", "value " + d, "a whole number of paths, at least 1");
                } else if (d != null && d > Limits.current().paths()) {
                    problem(p + "/paths", d.longValue() + " paths", "at most " + Limits.current().paths() + " paths; " + Limits.raise("paths"));
                } else if (d != null) {
                    paths = d.longValue();
                }
            }
            long seed = 1;
            if (run.has("seed")) {
                if (!run.get("seed").isIntegralNumber()) {
                    problem(p + "/seed", describe(run.get("seed")), "a whole number");
                } else {
                    seed = run.get("seed").asLong();
                }
            }
            BatchSpec.SeedPolicy policy = BatchSpec.SeedPolicy.FIXED;
            String pol = text(p + "/seedPolicy", run.get("seedPolicy"), false, "fixed");
            try {
                policy = BatchSpec.SeedPolicy.valueOf(pol.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(p + "/seedPolicy", "'" + pol + "'", "allowed: fixed (common random numbers), derived (independent per variant)");
            }
            List<Map<String, String>> variants = new ArrayList<>();
            Map<String, SourceLocation> keys = new LinkedHashMap<>();
            JsonNode grid = run.get("grid");
            if (grid != null && grid.isObject()) {
                grid.fieldNames().forEachRemaining(k -> keys.putIfAbsent(k, doc.locate(p + "/grid/" + LocatedDocument.escape(k))));
            }
            if (grid != null && !grid.isNull()) {
                variants.addAll(grid(p + "/grid", grid));
            }
            JsonNode list = run.get("variants");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    problem(p + "/variants", describe(list), "a list of mappings of override path to value");
                } else {
                    if (!room(p + "/variants", list.size())) {
                        return new BatchSpec(name, out);
                    }
                    for (int k = 0; k < list.size(); k++) {
                        String vp = p + "/variants/" + k;
                        if (list.get(k).isObject()) {
                            list.get(k).fieldNames().forEachRemaining(key -> keys.putIfAbsent(key, doc.locate(vp + "/" + LocatedDocument.escape(key))));
                        }
                        if (!list.get(k).isObject()) {
                            problem(p + "/variants/" + k, describe(list.get(k)), "a mapping of override path to value");
                            continue;
                        }
                        Map<String, String> v = new LinkedHashMap<>();
                        list.get(k).fields().forEachRemaining(e -> v.put(e.getKey(), valueText(e.getValue())));
                        variants.add(v);
                    }
                }
            }
            if (variants.isEmpty()) {
                if (!room(p, 1)) {
                    return new BatchSpec(name, out);
                }
                variants.add(Map.of()); // the scenario as it is
            }
            out.add(new BatchSpec.Run(scenario, paths, seed, policy, variants, doc.locate(p + "/scenario"), keys));
        }
        return new BatchSpec(name, out);
    }

    private List<Map<String, String>> grid(String p, JsonNode grid) {
        List<Map<String, String>> product = new ArrayList<>();
        product.add(new LinkedHashMap<>());
        if (!grid.isObject()) {
            problem(p, describe(grid), "a mapping of override path to a list of values or {from, to, step}");
            return List.of();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String q = p + "/" + LocatedDocument.escape(e.getKey());
            List<String> values = axis(q, e.getValue());
            if (values.isEmpty()) {
                return List.of();
            }
            // counted before the grid is built: a million variants would take gigabytes just to list
            if (product.size() * (long) values.size() > maxVariants - total) {
                problem(q, "a grid that brings the batch to " + (total + product.size() * (long) values.size()) + " variants or more",
                        "at most " + maxVariants + " variants in one batch, over all its runs; " + Limits.raise("variants"));
                total = maxVariants + 1;
                return List.of();
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : product) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            product = next;
        }
        total += product.size();
        return product;
    }

    private List<String> axis(String q, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(valueText(v)));
        } else if (node.isObject()) {
            checkKeys(q, node, List.of("from", "to", "step"));
            Double from = number(q + "/from", node.get("from"));
            Double to = number(q + "/to", node.get("to"));
            Double step = number(q + "/step", node.get("step"));
            if (from == null || to == null || step == null) {
                return values;
            }
            if (!(step > 0) || to < from) {
                problem(q, "from " + from + " to " + to + " by " + step, "a positive step and to >= from");
                return values;
            }
            // decimal arithmetic so 0.005 + 8 x 0.0025 lands exactly on 0.025
            BigDecimal f = BigDecimal.valueOf(from);
            BigDecimal t = BigDecimal.valueOf(to);
            BigDecimal s = BigDecimal.valueOf(step);
            if (t.subtract(f).divide(s, java.math.MathContext.DECIMAL64).compareTo(BigDecimal.valueOf(maxVariants)) > 0) {
                problem(q, "from " + from + " to " + to + " by " + step + ", more than " + maxVariants + " values",
                        "at most " + maxVariants + " variants in one batch; " + Limits.raise("variants"));
                return values;
            }
            for (BigDecimal x = f; x.compareTo(t) <= 0; x = x.add(s)) {
                values.add(x.stripTrailingZeros().toPlainString());
            }
        } else {
            values.add(valueText(node));
        }
        if (values.isEmpty()) {
            problem(q, describe(node), "at least one value");
        }
        return values;
    }

    /** Whether n more variants fit in the batch; a problem at {@code pointer} when they do not. */
    private boolean room(String pointer, long n) {
        if (total + n > maxVariants) {
            if (total <= maxVariants) {
                problem(pointer, (total + n) + " variants", "at most " + maxVariants + " variants in one batch, over all its runs; "
                        + Limits.raise("variants"));
            }
            total = maxVariants + 1;
            return false;
        }
        total += n;
        return true;
    }

    private static String valueText(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }
}
