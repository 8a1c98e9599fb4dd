package io.plansim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.batch.BatchReader;
import io.plansim.batch.BatchSpec;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.McOptions;
import io.plansim.runner.NumericFault;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
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

    /** For tests: stop after this many variants, as an interruption would. */
    @Option(names = "--stop-after", hidden = true)
    Integer stopAfter;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    record Variant(String id, BatchSpec.Run run, Map<String, String> overrides, long seed) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(batchFile)) {
            throw InputException.of(SourceLocation.commandLine(), "batch file", "'" + batchFile + "' (no such file)", "a batch YAML file");
        }
        sets.forEach(ScenarioOverride::parse); // a malformed --set fails before any work
        String text = Files.readString(batchFile, StandardCharsets.UTF_8);
        BatchSpec spec0 = BatchReader.parse(batchFile.toString(), text);
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
        Files.createDirectories(variantsDir);

        List<Variant> all = new ArrayList<>();
        int runIndex = 0;
        for (BatchSpec.Run run : spec0.runs()) {
            for (int k = 0; k < run.variants().size(); k++) {
                long seed = run.seedPolicy() == BatchSpec.SeedPolicy.FIXED ? run.seed()
                        : io.plansim.runner.McOptions.derivedSeed(run.seed(), k);
                all.add(new Variant(String.format(Locale.ROOT, "r%02d-v%05d", runIndex, k), run, run.variants().get(k), seed));
            }
            runIndex++;
        }
        List<Variant> todo = new ArrayList<>();
        for (Variant v : all) {
            if (!(resume && complete(variantsDir.resolve(v.id() + ".json")))) {
                todo.add(v);
            }
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
        ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
        ExecutorService pool = Executors.newFixedThreadPool(side);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int total = todo.size();
            for (Variant v : todo) {
                futures.add(pool.submit(() -> {
                    runVariant(loader, v, inner, variantsDir);
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
        Summary s = assemble(all, variantsDir, dir, text, seconds);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "batch %s: %d variants (%d run now, %d resumed), %d failed, %.1f s, %,.0f paths/s%nwrote %s%n",
                spec0.name(), all.size(), todo.size(), all.size() - todo.size(), s.failed, seconds,
                seconds > 0 ? s.pathsRunNow / seconds : 0, dir);
        for (String e : s.errors) {
            spec.commandLine().getOut().println("  failed " + e);
        }
        return 0;
    }

    private static boolean complete(Path file) {
        try {
            return Files.isRegularFile(file) && ProjectionJson.MAPPER.readTree(file.toFile()).path("complete").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private void runVariant(ScenarioLoader loader, Variant v, int inner, Path variantsDir) throws IOException {
        ObjectNode node = ProjectionJson.MAPPER.createObjectNode();
        node.put("id", v.id());
        node.put("scenario", v.run().scenario());
        ObjectNode ov = node.putObject("overrides");
        v.overrides().forEach(ov::put);
        node.put("seed", v.seed());
        node.put("paths", v.run().paths());
        ArrayNode set = node.putArray("set");
        sets.forEach(set::add);
        long t0 = System.nanoTime();
        try {
            List<ScenarioOverride> overrides = new ArrayList<>(sets.stream().map(ScenarioOverride::parse).toList());
            for (Map.Entry<String, String> e : v.overrides().entrySet()) {
                overrides.add(ScenarioOverride.parse(e.getKey() + "=" + e.getValue()));
            }
            Scenario s = loader.load(v.run().scenario(), overrides);
            io.plansim.target.History history = actuals.history(s);
            CompiledScenario c = actuals.condition(ScenarioCompiler.compile(s), s, history);
            McCommand.Result r = McCommand.execute(s, c, s.targets() == null ? null : new Catalogs(Catalogs.of(s).targets(), history),
                    new McOptions(v.run().paths(), v.seed(), Sampler.MC, inner, McOptions.DEFAULT_BLOCK), null);
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
            node.put("seconds", (System.nanoTime() - t0) / 1e9);
            node.put("complete", true);
            AtomicOutput.write(variantsDir, v.id() + ".json", ProjectionJson.MAPPER.writeValueAsString(node));
            Files.deleteIfExists(variantsDir.resolve(v.id() + ".error.json"));
        } catch (InputException | NumericFault | IllegalArgumentException e) {
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

    record Summary(int failed, long pathsRunNow, List<String> errors) {
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
        return new Summary(failed, paths, errors);
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
