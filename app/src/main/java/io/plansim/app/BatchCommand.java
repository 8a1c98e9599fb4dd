package io.plansim.app;

import io.plansim.batch.BatchFolder;
import io.plansim.batch.BatchPlan;
import io.plansim.batch.BatchSettings;
import io.plansim.batch.BatchTables;
import io.plansim.batch.Variant;
import io.plansim.scenario.InputException;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.service.BatchEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plansim batch}: many scenario variants in one run. The engine ({@code io.plansim.batch} plans the
 * variants and assembles the tables, {@code io.plansim.service.BatchRuns} runs them; {@code --engine spark} on a
 * cluster) writes each finished variant to {@code DIR/variants/<id>.json} at once (atomically), so
 * {@code --resume} skips what is done; this command checks the options, shows progress and writes the tables.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run a grid or list of scenario variants (any --set path) and write one long table of results.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BATCH_FILE", description = "Batch file (YAML).")
    Path batchFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/out/batch-<name>-<time>).")
    Path out;

    @Option(names = "--format", paramLabel = "csv|xlsx", defaultValue = "csv",
            description = "csv, or xlsx: results.xlsx (an Excel workbook of both tables) besides the CSV files (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of results.xlsx's sheet names and headers: en or zh (default: ${DEFAULT-VALUE}).")
    io.plansim.report.Lang lang;

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

    @picocli.CommandLine.Mixin
    CalibrationOptions calibration;

    /** For tests: stop after this many variants, as an interruption would. */
    @Option(names = "--stop-after", hidden = true)
    Integer stopAfter;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the variants run: local (this machine's threads, the default) or spark (docs/SPARK.md; needs the spark module's jar).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[*], spark://host:7077, yarn (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(batchFile)) {
            throw InputException.of(SourceLocation.commandLine(), "batch file", "'" + batchFile + "' (no such file)", "a batch YAML file");
        }
        if (format != OutputFormat.CSV && format != OutputFormat.XLSX) {
            throw InputException.of(SourceLocation.commandLine(), "--format", format.extension, "csv or xlsx");
        }
        BatchEngine runner = BatchEngine.named(engine);
        if (runner == null) {
            throw InputException.of(SourceLocation.commandLine(), "--engine", "'" + engine + "'", "spark".equals(engine)
                    ? "an engine on the classpath: the Spark engine is in spark/target/plansim-spark-local.jar, which ./plansim builds "
                    + "and adds when it sees --engine spark (docs/SPARK.md)" : "local or spark");
        }
        if (master != null && runner == BatchEngine.LOCAL) {
            throw InputException.of(SourceLocation.commandLine(), "--master", "'" + master + "'", "--master only with --engine spark");
        }
        String text = io.plansim.scenario.TextFiles.read(batchFile, batchFile.toString());
        BatchSettings settings = new BatchSettings(sets, actuals.texts(), actuals.asOf, Main.version(),
                io.plansim.batch.EngineCode.id(), calibration.text());
        BatchPlan plan = BatchPlan.of(batchFile.toString(), text, settings, ScenarioRepository.onClasspath());
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw InputException.of(SourceLocation.commandLine(), "--threads", String.valueOf(t), "at least 1");
        }
        if (resume && out == null) {
            throw InputException.of(SourceLocation.commandLine(), "--resume", "no --out", "--resume continues the batch in the folder given by --out");
        }
        Path dir = out != null ? out : Path.of("reports", "out", "batch-" + plan.spec().name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (!resume && Files.exists(dir.resolve("results.csv"))) {
            throw InputException.of(SourceLocation.commandLine(), "--out", dir + " already holds a finished batch",
                    "a new folder, or --resume to complete an interrupted one");
        }
        boolean fresh = !Files.exists(dir);
        BatchFolder folder = new BatchFolder(dir).create();
        BatchPlan.Todo left = plan.todo(folder, resume);
        String rerun = left.redefined() == 0 ? "" : "; " + left.redefined() + " re-run, changed: " + String.join(", ", left.changed());
        if (left.redefined() > 0) {
            spec.commandLine().getErr().println("note: " + left.redefined() + " finished variants in " + dir + " were computed for another definition "
                    + "(changed: " + String.join(", ", left.changed()) + "): they are computed again");
        }
        List<Variant> todo = left.variants();
        if (stopAfter != null && stopAfter < todo.size()) {
            todo = todo.subList(0, stopAfter);
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int total = todo.size();
        runner.run(new BatchEngine.Job(plan, folder, todo, t, master, (v, bad) -> {
            int d = done.incrementAndGet();
            if (bad) {
                failed.incrementAndGet();
            }
            progress(err, d, total, failed.get(), started);
        }));
        if (!quiet && todo.size() > 0) {
            err.println();
        }
        if (stopAfter != null) {
            return 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Variant> all = plan.variants();
        if (!BatchTables.anyComplete(plan, folder)) {
            // nothing to publish: an error at the first variant's line, and no folder of header-only tables
            String first = folder.errorOf(all.get(0).id());
            if (fresh) {
                folder.delete();
            }
            throw InputException.of(all.get(0).run().at(), "runs", all.size() + " variants, every one failed; first, "
                    + all.get(0).id() + ": " + first, "at least one variant that runs (each message names its line in the batch file)");
        }
        BatchTables.Tables s = BatchTables.assemble(plan, folder, seconds);
        AtomicOutput.write(dir, "targets.csv", s.targetsCsv());
        AtomicOutput.write(dir, "results.jsonl", s.resultsJsonl());
        AtomicOutput.write(dir, "run-log.json", s.runLog());
        if (format == OutputFormat.XLSX) {
            AtomicOutput.write(dir, "results.xlsx", BatchWorkbook.of(s.runLog(), s.resultsCsv(), s.targetsCsv(),
                    calibration.line(lang == io.plansim.report.Lang.ZH), lang));
        }
        AtomicOutput.write(dir, "results.csv", s.resultsCsv()); // last: its presence marks a finished batch
        spec.commandLine().getOut().printf(Locale.ROOT,
                "batch %s: %d variants (%d run now, %d resumed%s), %d failed, %.1f s, %,.0f paths/s%nwrote %s%n",
                plan.spec().name(), all.size(), todo.size(), all.size() - todo.size(), rerun, s.failed(), seconds,
                seconds > 0 ? s.paths() / seconds : 0, dir);
        spec.commandLine().getOut().println(calibration.line(false));
        for (String e : s.errors()) {
            spec.commandLine().getOut().println("  failed " + e);
        }
        for (String w : s.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        return 0;
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
}
