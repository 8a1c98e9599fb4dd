package io.plansim.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One variant of a batch: its id ({@code r<run>-v<index>}), its run, its overrides in batch-file order, its
 * seed and the SHA-256 of its scenario file's text (of the built-in's for a built-in).
 */
public record Variant(String id, BatchSpec.Run run, Map<String, String> overrides, long seed, String scenarioSha) {
    /** The block size every batch variant runs with (the Monte Carlo's default): part of a result's definition. */
    public static final int BLOCK = io.plansim.runner.McOptions.DEFAULT_BLOCK;

    public Variant {
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }

    /**
     * What the variant's result depends on, as one line: a finished variant is resumed only when this is
     * unchanged, so a result is never published under another definition's labels. Nothing here depends on
     * where or how the variant runs (threads, executors, partitions). {@code calibration} names the spread
     * calibration the distribution is recalibrated by (its id and text's SHA-256) or says "raw".
     */
    public String definition(List<String> sets, String version, String calibration) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("plansim", version);
        d.put("scenario", run.scenario());
        ArrayNode set = d.putArray("set");
        sets.forEach(set::add);
        d.put("scenarioSha256", scenarioSha);
        ObjectNode ov = d.putObject("overrides");
        overrides.forEach(ov::put);
        d.put("paths", run.paths());
        d.put("seed", seed);
        d.put("block", BLOCK);
        d.put("calibration", calibration);
        return d.toString();
    }
}
