package io.plansim.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.model.Csv;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A batch's tables assembled from its folder's variant files, in variant order, whichever engine ran them:
 * {@code results.csv} / {@code results.jsonl} (one row per variant, metric and year), {@code targets.csv}
 * (one row per variant and target) and {@code run-log.json}. The front end writes them.
 */
public final class BatchTables {
    /**
     * What a results row says of its metric after variant, scenario and overrides, as {@code mc --format csv} does:
     * the metric, its unit and price basis (nominal, real or none) and the year; a variant file's {@code stats} rows
     * start with these cells, then {@link #STATS}.
     */
    public static final List<String> METRIC = List.of("metric", "unit", "basis", "year");
    /** The statistics of a results row after {@link #METRIC}. */
    public static final List<String> STATS = List.of("mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95");

    private BatchTables() {
    }

    /**
     * The tables, and what the command prints. {@code paths} is the paths of every finished variant, {@code errors}
     * and {@code warnings} one line per failed or warned variant.
     */
    public record Tables(String resultsCsv, String resultsJsonl, String targetsCsv, String runLog, int failed, long paths,
                         List<String> errors, List<String> warnings) {
        public Tables {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** Whether any variant of the plan has a result (when none has, there is nothing to publish). */
    public static boolean anyComplete(BatchPlan plan, BatchFolder folder) {
        return plan.variants().stream().anyMatch(v -> folder.complete(v.id()));
    }

    /** The overrides' keys of every variant, in first-seen order: the override columns of every table. */
    public static List<String> keys(BatchPlan plan) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        plan.variants().forEach(v -> keys.addAll(v.overrides().keySet()));
        return List.copyOf(keys);
    }

    /** The row cells every table starts with: variant id, scenario and the variant's value for each override key. */
    public static List<String> prefix(Variant v, List<String> keys) {
        List<String> prefix = new ArrayList<>();
        prefix.add(v.id());
        prefix.add(v.run().scenario());
        for (String k : keys) {
            prefix.add(v.overrides().getOrDefault(k, ""));
        }
        return prefix;
    }

    /** Builds the tables; {@code historyFiles} and {@code seconds} go into the run log as given. */
    public static Tables assemble(BatchPlan plan, BatchFolder folder, double seconds) {
        List<String> keys = keys(plan);
        StringBuilder results = new StringBuilder();
        StringBuilder jsonl = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        List<String> resultColumns = new ArrayList<>(METRIC);
        resultColumns.addAll(STATS);
        results.append(Csv.row(header(keys, resultColumns)));
        targets.append(Csv.row(header(keys, List.of("target", "probability", "ci_low", "ci_high", "verdict"))));
        BatchSettings settings = plan.settings();
        ObjectNode log = BatchFolder.JSON.createObjectNode();
        log.put("plansimVersion", settings.version());
        log.put("plansimCode", settings.code());
        log.put("batchFile", plan.file());
        log.put("batchSha256", BatchPlan.sha256(plan.text()));
        ArrayNode setLog = log.putArray("set");
        settings.sets().forEach(setLog::add);
        ArrayNode historyLog = log.putArray("history");
        settings.history().forEach(h -> historyLog.add(h.name()));
        log.set("historySha256", settings.historyDefinition());
        // what --resume compares besides the settings: each run's files by content (docs/SPARK.md, "Seeds")
        ArrayNode runsLog = log.putArray("runs");
        java.util.Set<BatchSpec.Run> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Variant v : plan.variants()) {
            if (seen.add(v.run())) {
                ObjectNode r = runsLog.addObject();
                r.put("scenario", v.run().scenario());
                ObjectNode in = r.putObject("inputsSha256");
                v.inputs().forEach(in::put);
            }
        }
        if (settings.asOf() != null) {
            log.put("asOf", settings.asOf());
        }
        log.put("calibration", settings.calibration() == null ? "raw" : settings.calibration().name());
        log.put("calibrationDefinition", settings.calibrationDefinition());
        log.put("finished", LocalDateTime.now().toString());
        ArrayNode vlog = log.putArray("variants");
        int failed = 0;
        long paths = 0;
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (Variant v : plan.variants()) {
                ObjectNode entry = vlog.addObject();
                entry.put("id", v.id());
                entry.put("seed", v.seed());
                if (!folder.complete(v.id())) {
                    String error = folder.errorOf(v.id());
                    entry.put("status", "failed");
                    entry.put("error", error);
                    errors.add(v.id() + " " + v.overrides() + ": " + error);
                    failed++;
                    continue;
                }
                JsonNode n = folder.result(v.id());
                entry.put("status", "done");
                entry.put("seconds", n.path("seconds").asDouble());
                if (n.has("warning")) {
                    entry.put("warning", n.path("warning").asText());
                    warnings.add(v.id() + " " + v.overrides() + ": " + n.path("warning").asText());
                }
                paths += n.path("paths").asLong();
                List<String> prefix = prefix(v, keys);
                for (JsonNode row : n.path("stats")) {
                    List<String> cells = new ArrayList<>(prefix);
                    row.forEach(x -> cells.add(x.asText()));
                    results.append(Csv.row(cells));
                    ObjectNode line = BatchFolder.JSON.createObjectNode();
                    line.put("variant", v.id());
                    line.put("scenario", v.run().scenario());
                    line.set("overrides", n.path("overrides"));
                    for (int c = 0; c < METRIC.size(); c++) {
                        line.set(METRIC.get(c), row.get(c)); // the metric, unit and basis as text, the year as a number
                    }
                    for (int s = 0; s < STATS.size(); s++) {
                        line.put(STATS.get(s), row.get(METRIC.size() + s).asDouble());
                    }
                    jsonl.append(BatchFolder.JSON.writeValueAsString(line)).append('\n');
                }
                for (JsonNode row : n.path("targets")) {
                    List<String> cells = new ArrayList<>(prefix);
                    row.forEach(x -> cells.add(x.asText()));
                    targets.append(Csv.row(cells));
                }
            }
            log.put("failed", failed);
            log.put("seconds", seconds);
            String runLog = BatchFolder.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n";
            return new Tables(results.toString(), jsonl.toString(), targets.toString(), runLog, failed, paths, errors, warnings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(List<String> keys, List<String> rest) {
        List<String> h = new ArrayList<>(List.of("variant", "scenario"));
        h.addAll(keys);
        h.addAll(rest);
        return h;
    }
}
