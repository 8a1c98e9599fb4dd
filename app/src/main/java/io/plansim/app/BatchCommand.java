package io.plansim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.batch.BatchReader;
import io.plansim.batch.BatchSpec;
import io.plansim.runner.McOptions;
import io.plansim.runner.NumericFault;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.service.Forecasts;
import io.plansim.tables.Format;
import io.plansim.tables.ProjectionJson;
import io.plansim.verdict.TargetVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plansim batch}: many scenario variants in one run. Each finished variant is written to
 * {@code DIR/variants/<id>.json} at once (atomically), so {@code --resume} skips what is done; the two
 * long tables are assembled from those files at the end.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run a grid or list of scenario variants (any --set path) and write one long table of results.")
final class BatchCommand implements Callable<Integer> {
    /** Below this many paths per variant, variants run side by side on one thread each. */
    static final long SMALL_VARIANT = 50_000;
    static final String[] STATS = {"mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95"};

    @Parameters(index = "0", paramLabel = "BATCH_FILE", description = "Batch file (YAML).")
    Path batchFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/out/batch-<name>-<time>).")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--resume", description = "Skip variants whose results are already complete in DIR.")
    boolean resume;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    ActualsOptions actuals;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override applied to every variant before its own overrides, as for run (repeatable; also += and *=).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Mixin
    LimitOptions limits;

    /** For tests: stop after this many variants, as an interruption would. */
    @Option(names = "--stop-after", hidden = true)
    Integer stopAfter;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One variant; {@code scenarioSha} is the SHA-256 of its scenario file's text (of the built-in's for a built-in). */
    record Variant(String id, BatchSpec.Run run, Map<String, String> overrides, long seed, String scenarioSha) {
        /**
         * What the variant's result depends on, as one line: a finished variant is resumed only when this is
         * unchanged, so a result is never published under another definition's labels.
         */
        String definition(List<String> sets) {
            ObjectNode d = ProjectionJson.MAPPER.createObjectNode();
            d.put("plansim", Main.version());
            d.put("scenario", run.scenario());
            ArrayNode set = d.putArray("set");
            sets.forEach(set::add);
            d.put("scenarioSha256", scenarioSha);
            ObjectNode ov = d.putObject("overrides");
            overrides.forEach(ov::put);
            d.put("paths", run.paths());
            d.put("seed", seed);
            d.put("block", McOptions.DEFAULT_BLOCK);
            return d.toString();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(batchFile)) {
            throw InputException.of(SourceLocation.commandLine(), "batch file", "'" + batchFile + "' (no such file)", "a batch YAML file");
        }
        sets.forEach(ScenarioOverride::parse); // a malformed --set fails before any work
        String text = io.plansim.scenario.TextFiles.read(batchFile, batchFile.toString());
        BatchSpec spec0 = BatchReader.parse(batchFile.toString(), text);
        ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
        // each run's scenario is loaded once before any work: a misspelt name is an error at its line, not a failed variant each
        Map<BatchSpec.Run, String> scenarioSha = new java.util.IdentityHashMap<>();
        for (BatchSpec.Run run : spec0.runs()) {
            try {
                loader.load(run.scenario(), sets.stream().map(ScenarioOverride::parse).toList());
                scenarioSha.put(run, scenarioSha(run.scenario()));
            } catch (InputException e) {
                throw atBatchFile(e, run);
            }
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw InputException.of(SourceLocation.commandLine(), "--threads", String.valueOf(t), "at least 1");
        }
        if (resume && out == null) {
            throw InputException.of(SourceLocation.commandLine(), "--resume", "no --out", "--resume continues the batch in the folder given by --out");
        }
        Path dir = out != null ? out : Path.of("reports", "out", "batch-" + spec0.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (!resume && Files.exists(dir.resolve("results.csv"))) {
            throw InputException.of(SourceLocation.commandLine(), "--out", dir + " already holds a finished batch",
                    "a new folder, or --resume to complete an interrupted one");
        }
        Path variantsDir = dir.resolve("variants");
        boolean fresh = !Files.exists(dir);
        AtomicOutput.folder(variantsDir);

        List<Variant> all = new ArrayList<>();
        int runIndex = 0;
        for (BatchSpec.Run run : spec0.runs()) {
            for (int k = 0; k < run.variants().size(); k++) {
                long seed = run.seedPolicy() == BatchSpec.SeedPolicy.FIXED ? run.seed()
                        : io.plansim.runner.McOptions.derivedSeed(run.seed(), k);
                all.add(new Variant(String.format(Locale.ROOT, "r%02d-v%05d", runIndex, k), run, run.variants().get(k), seed,
                        scenarioSha.get(run)));
            }
            runIndex++;
        }
        List<Variant> todo = new ArrayList<>();
        int changed = 0;
        for (Variant v : all) {
            Path file = variantsDir.resolve(v.id() + ".json");
            if (!(resume && complete(file) && v.definition(sets).equals(definitionOf(file)))) {
                todo.add(v);
                changed += resume && complete(file) ? 1 : 0;
            }
        }
        if (changed > 0) {
            spec.commandLine().getErr().println("note: " + changed + " finished variants in " + dir + " were computed for another definition "
                    + "(the batch file, scenario or plansim changed): they are computed again");
        }
        if (stopAfter != null && stopAfter < todo.size()) {
            todo = todo.subList(0, stopAfter);
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean small = todo.stream().allMatch(v -> v.run().paths() < SMALL_VARIANT);
        int side = small ? t : 1;
        int inner = small ? 1 : t;
        ExecutorService pool = Executors.newFixedThreadPool(side);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int total = todo.size();
            for (Variant v : todo) {
                futures.add(pool.submit(() -> {
                    runVariant(v, inner, t, variantsDir);
                    int d = done.incrementAndGet();
                    if (Files.exists(variantsDir.resolve(v.id() + ".error.json"))) {
                        failed.incrementAndGet();
                    }
                    progress(err, d, total, failed.get(), started);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!quiet && todo.size() > 0) {
            err.println();
        }
        if (stopAfter != null) {
            return 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (all.stream().noneMatch(v -> complete(variantsDir.resolve(v.id() + ".json")))) {
            // nothing to publish: an error at the first variant's line, and no folder of header-only tables
            String first = errorOf(variantsDir.resolve(all.get(0).id() + ".error.json"));
            if (fresh) {
                deleteTree(dir);
            }
            throw InputException.of(all.get(0).run().at(), "runs", all.size() + " variants, every one failed; first, "
                    + all.get(0).id() + ": " + first, "at least one variant that runs (each message names its line in the batch file)");
        }
        Summary s = assemble(all, variantsDir, dir, text, seconds);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "batch %s: %d variants (%d run now, %d resumed), %d failed, %.1f s, %,.0f paths/s%nwrote %s%n",
                spec0.name(), all.size(), todo.size(), all.size() - todo.size(), s.failed, seconds,
                seconds > 0 ? s.pathsRunNow / seconds : 0, dir);
        for (String e : s.errors) {
            spec.commandLine().getOut().println("  failed " + e);
        }
        for (String w : s.warnings) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        return 0;
    }

    private static String definitionOf(Path file) {
        try {
            return ProjectionJson.MAPPER.readTree(file.toFile()).path("definition").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String errorOf(Path file) {
        try {
            return ProjectionJson.MAPPER.readTree(file.toFile()).path("error").asText("");
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The SHA-256 of a scenario's own text (a file, or the built-in's resource). */
    private static String scenarioSha(String ref) throws Exception {
        String text = ScenarioRepository.onClasspath().resolve(ref).text();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A variant's input error told at the batch file: a problem the scenario loader placed on the command
     * line (the scenario's name, a --set path or value) is placed where the batch file writes it.
     */
    static InputException atBatchFile(InputException e, BatchSpec.Run run) {
        List<io.plansim.scenario.InputProblem> moved = new ArrayList<>();
        for (io.plansim.scenario.InputProblem p : e.problems()) {
            SourceLocation at = p.location();
            if (at.line() == 0) {
                String file = at.file();
                SourceLocation to = file.equals(SourceLocation.commandLine().file()) ? run.at() : at; // a --set of the command line stays
                for (Map.Entry<String, SourceLocation> k : run.keys().entrySet()) {
                    if (file.startsWith("--set " + k.getKey() + "=") || file.startsWith("--set " + k.getKey() + "[")) {
                        to = k.getValue();
                    }
                }
                at = to;
            }
            moved.add(new io.plansim.scenario.InputProblem(at, p.field(), p.found(), p.allowed()));
        }
        return new InputException(moved);
    }

    private static boolean complete(Path file) {
        try {
            return Files.isRegularFile(file) && ProjectionJson.MAPPER.readTree(file.toFile()).path("complete").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private void runVariant(Variant v, int inner, int threadsTotal, Path variantsDir) throws IOException {
        ObjectNode node = ProjectionJson.MAPPER.createObjectNode();
        node.put("id", v.id());
        node.put("scenario", v.run().scenario());
        ObjectNode ov = node.putObject("overrides");
        v.overrides().forEach(ov::put);
        node.put("seed", v.seed());
        node.put("paths", v.run().paths());
        ArrayNode set = node.putArray("set");
        sets.forEach(set::add);
        node.put("definition", v.definition(sets));
        long t0 = System.nanoTime();
        try {
            List<String> overrides = new ArrayList<>(sets);
            for (Map.Entry<String, String> e : v.overrides().entrySet()) {
                overrides.add(e.getKey() + "=" + e.getValue());
            }
            // every variant's blocks on the process's pool of all --threads threads, however many variants run at once
            Forecasts.Prepared prepared = CliForecasts.service(threadsTotal).prepare(
                    new Forecasts.Request(CliForecasts.source(v.run().scenario()), overrides, actuals.extra(), actuals.asOf));
            Scenario s = prepared.scenario();
            Forecasts.Simulation r = CliForecasts.service(threadsTotal).simulate(prepared,
                    new McOptions(v.run().paths(), v.seed(), Sampler.MC, inner, McOptions.DEFAULT_BLOCK), io.plansim.runner.Cancellation.never(), null);
            McResult mc = r.mc();
            ArrayNode stats = node.putArray("stats");
            for (int var = 0; var < mc.variables().size(); var++) {
                for (int y = 0; y < mc.years().length; y++) {
                    double m = mc.mean(var, y);
                    if (!Double.isFinite(m)) {
                        continue;
                    }
                    ArrayNode row = stats.addArray();
                    row.add(mc.variables().get(var).id()).add(mc.years()[y]).add(m).add(mc.sd(var, y));
                    for (double q : McResult.PERCENTILES) {
                        row.add(mc.quantile(var, y, q));
                    }
                }
            }
            ArrayNode targets = node.putArray("targets");
            for (TargetVerdict tv : r.verdicts()) {
                if (!Double.isNaN(tv.probability())) {
                    targets.addArray().add(tv.target().id()).add(tv.probability()).add(tv.ciLow()).add(tv.ciHigh())
                            .add(tv.verdict().label());
                }
            }
            node.put("faults", mc.faults());
            if (r.failedPathsWarning() != null) {
                node.put("warning", r.failedPathsWarning());
            }
            node.put("seconds", (System.nanoTime() - t0) / 1e9);
            node.put("complete", true);
            AtomicOutput.write(variantsDir, v.id() + ".json", ProjectionJson.MAPPER.writeValueAsString(node));
            Files.deleteIfExists(variantsDir.resolve(v.id() + ".error.json"));
        } catch (InputException e) {
            node.put("error", atBatchFile(e, v.run()).getMessage());
            AtomicOutput.write(variantsDir, v.id() + ".error.json", ProjectionJson.MAPPER.writeValueAsString(node));
        } catch (NumericFault | IllegalArgumentException e) {
            node.put("error", e.getMessage());
            AtomicOutput.write(variantsDir, v.id() + ".error.json", ProjectionJson.MAPPER.writeValueAsString(node));
        }
    }

    private void progress(PrintWriter err, int done, int total, int failed, long started) {
        if (quiet) {
            return;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double left = elapsed / done * (total - done);
        int width = 30;
        int filled = (int) ((double) done / total * width);
        synchronized (err) {
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d variants, %d failed, %.0fs left   ",
                    "#".repeat(filled), ".".repeat(width - filled), done, total, failed, left));
            err.flush();
        }
    }

    record Summary(int failed, long pathsRunNow, List<String> errors, List<String> warnings) {
    }

    /** Builds results.csv/.jsonl, targets.csv and run-log.json from the variant files, in variant order. */
    private Summary assemble(List<Variant> all, Path variantsDir, Path dir, String batchText, double seconds) throws Exception {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        all.forEach(v -> keys.addAll(v.overrides().keySet()));
        StringBuilder results = new StringBuilder();
        StringBuilder jsonl = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        results.append(Format.csvRow(header(keys, "metric", "year", STATS)));
        targets.append(Format.csvRow(header(keys, "target", "probability", new String[] {"ci_low", "ci_high", "verdict"})));
        ObjectNode log = ProjectionJson.MAPPER.createObjectNode();
        log.put("plansimVersion", Main.version());
        log.put("batchFile", batchFile.toString());
        log.put("batchSha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(batchText.getBytes(StandardCharsets.UTF_8))));
        ArrayNode setLog = log.putArray("set");
        sets.forEach(setLog::add);
        ArrayNode historyLog = log.putArray("history");
        actuals.files.forEach(f -> historyLog.add(f.toString()));
        if (actuals.asOf != null) {
            log.put("asOf", actuals.asOf);
        }
        log.put("finished", LocalDateTime.now().toString());
        ArrayNode vlog = log.putArray("variants");
        int failed = 0;
        long paths = 0;
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Variant v : all) {
            ObjectNode entry = vlog.addObject();
            entry.put("id", v.id());
            entry.put("seed", v.seed());
            Path ok = variantsDir.resolve(v.id() + ".json");
            if (!complete(ok)) {
                JsonNode e = ProjectionJson.MAPPER.readTree(variantsDir.resolve(v.id() + ".error.json").toFile());
                entry.put("status", "failed");
                entry.put("error", e.path("error").asText());
                errors.add(v.id() + " " + v.overrides() + ": " + e.path("error").asText());
                failed++;
                continue;
            }
            JsonNode n = ProjectionJson.MAPPER.readTree(ok.toFile());
            entry.put("status", "done");
            entry.put("seconds", n.path("seconds").asDouble());
            if (n.has("warning")) {
                entry.put("warning", n.path("warning").asText());
                warnings.add(v.id() + " " + v.overrides() + ": " + n.path("warning").asText());
            }
            paths += n.path("paths").asLong();
            List<String> prefix = new ArrayList<>();
            prefix.add(v.id());
            prefix.add(v.run().scenario());
            for (String k : keys) {
                prefix.add(v.overrides().getOrDefault(k, ""));
            }
            for (JsonNode row : n.path("stats")) {
                List<String> cells = new ArrayList<>(prefix);
                row.forEach(x -> cells.add(x.asText()));
                results.append(Format.csvRow(cells));
                ObjectNode line = ProjectionJson.MAPPER.createObjectNode();
                line.put("variant", v.id());
                line.put("scenario", v.run().scenario());
                line.set("overrides", n.path("overrides"));
                line.put("metric", row.get(0).asText());
                line.put("year", row.get(1).asInt());
                for (int s = 0; s < STATS.length; s++) {
                    line.put(STATS[s], row.get(2 + s).asDouble());
                }
                jsonl.append(ProjectionJson.MAPPER.writeValueAsString(line)).append('\n');
            }
            for (JsonNode row : n.path("targets")) {
                List<String> cells = new ArrayList<>(prefix);
                row.forEach(x -> cells.add(x.asText()));
                targets.append(Format.csvRow(cells));
            }
        }
        log.put("failed", failed);
        log.put("seconds", seconds);
        AtomicOutput.write(dir, "targets.csv", targets.toString());
        AtomicOutput.write(dir, "results.jsonl", jsonl.toString());
        AtomicOutput.write(dir, "run-log.json", ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n");
        AtomicOutput.write(dir, "results.csv", results.toString()); // last: its presence marks a finished batch
        return new Summary(failed, paths, errors, warnings);
    }

    private static List<String> header(LinkedHashSet<String> keys, String a, String b, String[] rest) {
        List<String> h = new ArrayList<>(List.of("variant", "scenario"));
        h.addAll(keys);
        h.add(a);
        h.add(b);
        h.addAll(List.of(rest));
        return h;
    }
}
