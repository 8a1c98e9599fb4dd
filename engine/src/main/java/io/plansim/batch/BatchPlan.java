package io.plansim.batch;

import io.plansim.runner.McOptions;
import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch file expanded into its variants, in batch-file order (run by run; within a run the grid's cartesian
 * product in the order its axes are written, then the explicit variants). Planning is a pure function of the
 * batch file's text, the settings and the scenario files: a cluster's executors plan again from the same
 * inputs and get the same variants, ids and seeds.
 *
 * <p>Seeds: with {@code seedPolicy: fixed} (the default) every variant of a run uses the run's seed (common
 * random numbers: differences between variants are not sampling noise); with {@code derived}, variant k of the
 * run (counted from 0 in the order above) uses {@link McOptions#derivedSeed}(seed, k), a SplitMix64 mix of the
 * run's seed and k. Within a variant, path block b draws from its own stream derived from (seed, b), so a
 * variant's numbers do not depend on threads, executors or partitions.
 */
public final class BatchPlan {
    private final String file;
    private final String text;
    private final BatchSpec spec;
    private final BatchSettings settings;
    private final List<Variant> variants;

    private BatchPlan(String file, String text, BatchSpec spec, BatchSettings settings, List<Variant> variants) {
        this.file = file;
        this.text = text;
        this.spec = spec;
        this.settings = settings;
        this.variants = List.copyOf(variants);
    }

    /**
     * Parses the batch file and loads each run's scenario once with the settings' overrides, so a misspelt
     * name is an error at its line (an {@link InputException}) rather than a failed variant each.
     */
    public static BatchPlan of(String file, String text, BatchSettings settings, ScenarioRepository repository) {
        List<ScenarioOverride> sets = settings.sets().stream().map(ScenarioOverride::parse).toList(); // a malformed --set fails first
        BatchSpec spec = BatchReader.parse(file, text);
        ScenarioLoader loader = new ScenarioLoader(repository);
        Map<BatchSpec.Run, Map<String, String>> inputs = new IdentityHashMap<>();
        for (BatchSpec.Run run : spec.runs()) {
            try {
                Map<String, String> hashes = new LinkedHashMap<>();
                loader.loadWithInputs(run.scenario(), sets).inputs().forEach((name, content) -> hashes.put(name, sha256(content)));
                inputs.put(run, hashes);
            } catch (InputException e) {
                throw atBatchFile(e, run);
            }
        }
        List<Variant> all = new ArrayList<>();
        int runIndex = 0;
        for (BatchSpec.Run run : spec.runs()) {
            for (int k = 0; k < run.variants().size(); k++) {
                long seed = run.seedPolicy() == BatchSpec.SeedPolicy.FIXED ? run.seed() : McOptions.derivedSeed(run.seed(), k);
                all.add(new Variant(String.format(Locale.ROOT, "r%02d-v%05d", runIndex, k), run, run.variants().get(k), seed, inputs.get(run)));
            }
            runIndex++;
        }
        return new BatchPlan(file, text, spec, settings, all);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public BatchSpec spec() {
        return spec;
    }

    public BatchSettings settings() {
        return settings;
    }

    /** Every variant, in batch-file order. */
    public List<Variant> variants() {
        return variants;
    }

    /** The variant with this id, or an {@link IllegalArgumentException} naming it. */
    public Variant variant(String id) {
        for (Variant v : variants) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("batch " + file + " has no variant '" + id + "'");
    }

    /** The variant's definition under this plan's settings (see {@link Variant#definition}). */
    public String definition(Variant v) {
        return v.definition(settings);
    }

    /** The variant's overrides as {@code --set} texts: the batch-wide ones first, then its own. */
    public List<String> overrides(Variant v) {
        List<String> out = new ArrayList<>(settings.sets());
        v.overrides().forEach((k, value) -> out.add(k + "=" + value));
        return out;
    }

    /**
     * The variants still to run, how many finished ones were computed for another definition (run again) and what
     * differed for them: the files whose content changed (by name) and the other parts of the definition.
     */
    public record Todo(List<Variant> variants, int redefined, List<String> changed) {
        public Todo {
            variants = List.copyOf(variants);
            changed = List.copyOf(changed);
        }
    }

    /** What is left to run in {@code folder}: everything, or with {@code resume} what has no result of its own definition. */
    public Todo todo(BatchFolder folder, boolean resume) {
        List<Variant> todo = new ArrayList<>();
        int redefined = 0;
        java.util.Set<String> changed = new java.util.LinkedHashSet<>();
        for (Variant v : variants) {
            boolean complete = resume && folder.complete(v.id());
            String now = definition(v);
            String before = complete ? folder.definitionOf(v.id()) : "";
            if (!(complete && now.equals(before))) {
                todo.add(v);
                if (complete) {
                    redefined++;
                    changed.addAll(changes(before, now));
                }
            }
        }
        return new Todo(todo, redefined, List.copyOf(changed));
    }

    /**
     * What differs between two definitions, for a message: each input or --history file whose content changed,
     * appeared or went (by name), and each other field by its name (seed, calibration, plansim...).
     */
    static List<String> changes(String before, String now) {
        com.fasterxml.jackson.databind.JsonNode b;
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            b = BatchFolder.JSON.readTree(before);
            n = BatchFolder.JSON.readTree(now);
        } catch (java.io.IOException e) {
            return List.of("the stored definition (unreadable)");
        }
        if (b == null || !b.isObject()) {
            return List.of("the stored definition (unreadable)");
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        n.fieldNames().forEachRemaining(fields::add);
        b.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            if (n.path(f).equals(b.path(f))) {
                continue;
            }
            if (f.equals("inputs") || f.equals("history")) {
                Map<String, String> was = files(b.path(f));
                Map<String, String> is = files(n.path(f));
                java.util.Set<String> names = new java.util.LinkedHashSet<>(is.keySet());
                names.addAll(was.keySet());
                names.stream().filter(k -> !java.util.Objects.equals(was.get(k), is.get(k))).forEach(out::add);
                if (f.equals("history") && was.equals(is)) {
                    out.add("the order of the --history files");
                }
            } else if (f.equals("code")) {
                out.add(codeChange(b.path(f), n.path(f)));
            } else {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A change of the engine code, for a message: a rebuilt plansim, even of the same version, may compute other
     * numbers, so what it computed before is not reused.
     */
    private static String codeChange(com.fasterxml.jackson.databind.JsonNode before, com.fasterxml.jackson.databind.JsonNode now) {
        String was = before.isTextual() ? shortCode(before.asText()) : "not recorded";
        return "the engine code (" + was + " when computed, " + shortCode(now.asText()) + " now: another build of plansim)";
    }

    /** An engine code identity cut to what tells two builds apart in a message. */
    private static String shortCode(String code) {
        return code.length() > "sha256:".length() + 12 ? code.substring(0, "sha256:".length() + 12) + "\u2026" : code;
    }

    /** A definition's files as name -> SHA-256: {@code inputs} is an object, {@code history} a list of {file, sha256}. */
    private static Map<String, String> files(com.fasterxml.jackson.databind.JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        } else {
            node.forEach(h -> m.put(h.path("file").asText(), h.path("sha256").asText()));
        }
        return m;
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A variant's input error told at the batch file: a problem the scenario loader placed on the command
     * line (the scenario's name, a --set path or value) is placed where the batch file writes it.
     */
    public static InputException atBatchFile(InputException e, BatchSpec.Run run) {
        List<InputProblem> moved = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            SourceLocation at = p.location();
            if (at.line() == 0) {
                SourceLocation to = at.isCommandLine() ? run.at() : at; // a --set of the command line stays
                String set = io.plansim.scenario.ScenarioOverride.textAt(at).orElse("");
                for (Map.Entry<String, SourceLocation> k : run.keys().entrySet()) {
                    if (set.startsWith(k.getKey() + "=") || set.startsWith(k.getKey() + "[")) {
                        to = k.getValue();
                    }
                }
                at = to;
            }
            moved.add(new InputProblem(at, p.field(), p.found(), p.allowed()));
        }
        return new InputException(moved);
    }
}
