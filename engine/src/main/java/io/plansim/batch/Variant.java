package io.plansim.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One variant of a batch: its id ({@code r<run>-v<index>}), its run, its overrides in batch-file order, its
 * seed and its inputs: every file its scenario is computed from (the {@code extends} chain, the targets, history
 * and region files it names; built-ins by resource) with the SHA-256 of its text, in the order they were read.
 */
public record Variant(String id, BatchSpec.Run run, Map<String, String> overrides, long seed, Map<String, String> inputs) {
    /** The block size every batch variant runs with (the Monte Carlo's default): part of a result's definition. */
    public static final int BLOCK = io.plansim.runner.McOptions.DEFAULT_BLOCK;

    public Variant {
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    /**
     * What the variant's result depends on, as one line: a finished variant is resumed only when this is
     * unchanged, so a result is never published under another definition's labels. It covers the content of
     * every file the numbers are computed from (the scenario's inputs, the settings' {@code --history} files and
     * calibration, by SHA-256), not only their names: an edited parent scenario or history file runs the variant
     * again. So is the code: the engine's classes by SHA-256 ({@link EngineCode}), since a rebuilt plansim of the same
 * version may compute other numbers. Nothing here depends on where or how the variant runs (threads, executors,
 * partitions).
     */
    public String definition(BatchSettings settings) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("plansim", settings.version());
        d.put("code", settings.code());
        d.put("scenario", run.scenario());
        ArrayNode set = d.putArray("set");
        settings.sets().forEach(set::add);
        ObjectNode in = d.putObject("inputs");
        inputs.forEach(in::put);
        d.set("history", settings.historyDefinition());
        if (settings.asOf() != null) {
            d.put("asOf", settings.asOf());
        }
        ObjectNode ov = d.putObject("overrides");
        overrides.forEach(ov::put);
        d.put("paths", run.paths());
        d.put("seed", seed);
        d.put("block", BLOCK);
        d.put("calibration", settings.calibrationDefinition());
        return d.toString();
    }
}
