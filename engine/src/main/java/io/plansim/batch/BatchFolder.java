package io.plansim.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plansim.scenario.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch's output folder: each finished variant is {@code variants/<id>.json} (with {@code "complete": true}),
 * each failed one {@code variants/<id>.error.json}, both written atomically, so an interrupted batch resumes
 * from what is there and a task run twice (retried, speculative) replaces its file whole with the same rows.
 */
public final class BatchFolder {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Path variants;

    public BatchFolder(Path dir) {
        this.dir = dir;
        this.variants = dir.resolve("variants");
    }

    public Path dir() {
        return dir;
    }

    public Path variants() {
        return variants;
    }

    /** Creates the variants folder (an input error naming --out when it cannot be). */
    public BatchFolder create() {
        OutputFiles.folder(variants);
        return this;
    }

    /** Whether the variant has a complete result file. */
    public boolean complete(String id) {
        JsonNode n = read(variants.resolve(id + ".json"));
        return n != null && n.path("complete").asBoolean(false);
    }

    /** Whether the variant's last run failed (it has an error file and no result). */
    public boolean failed(String id) {
        return Files.exists(variants.resolve(id + ".error.json"));
    }

    /** The definition a finished variant was computed for ("" when unreadable). */
    public String definitionOf(String id) {
        JsonNode n = read(variants.resolve(id + ".json"));
        return n == null ? "" : n.path("definition").asText("");
    }

    /** The message of a failed variant. */
    public String errorOf(String id) {
        JsonNode n = read(variants.resolve(id + ".error.json"));
        return n == null ? "(no message)" : n.path("error").asText("");
    }

    /** The variant's result (complete) or error node; null when it has neither. */
    public JsonNode result(String id) {
        JsonNode ok = read(variants.resolve(id + ".json"));
        return ok != null && ok.path("complete").asBoolean(false) ? ok : read(variants.resolve(id + ".error.json"));
    }

    /** Stores a variant's node: a result replaces an earlier error file, an error leaves an earlier result alone. */
    public void store(String id, JsonNode node) {
        try {
            if (node.path("complete").asBoolean(false)) {
                OutputFiles.write(variants, id + ".json", JSON.writeValueAsString(node));
                Files.deleteIfExists(variants.resolve(id + ".error.json"));
            } else {
                OutputFiles.write(variants, id + ".error.json", JSON.writeValueAsString(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null; // a file cut by a crash is no result: the variant runs again
        }
    }

    /** Removes the folder and everything in it (a batch whose every variant failed leaves nothing behind). */
    public void delete() {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
