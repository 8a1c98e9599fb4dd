package io.plansim.app;

import io.plansim.analysis.Sensitivity;
import io.plansim.compile.CompiledScenario;
import io.plansim.report.ChartFonts;
import io.plansim.report.Labels;
import io.plansim.report.Lang;
import io.plansim.report.ReportInput;
import io.plansim.report.ReportWriter;
import io.plansim.report.ScenarioRun;
import io.plansim.runner.McOptions;
import io.plansim.runner.Projection;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.service.Forecasts;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plansim report}: the planner's deliverable. Runs the Monte Carlo for each scenario (by default every
 * built-in Yiwu scenario) and writes a report folder: index.html with every target as a traffic light, charts
 * per area, the assumptions and how to reproduce it; charts as PNG and SVG; the numbers as CSV and JSON.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the planner's report: a self-contained HTML page with traffic-light target verdicts, "
                + "fan charts, target probabilities and the scenario's assumptions, plus charts (PNG, SVG), tables (CSV) and summary.json.",
            "With no scenario, reports every built-in Yiwu scenario (backtests only when named)."})
final class ReportCommand implements Callable<Integer> {
    /** Built-in scenarios reported when none is named. */
    static final String DEFAULT_PREFIX = "yiwu/";
    /**
     * 10,000 paths: target probabilities to within 0.005 (standard error), exact percentiles (up to
     * Quantiles.EXACT_LIMIT paths plansim keeps every value, above it counts them in bins of 1/200 of each
     * variable-year's 5-95% range), a few seconds per scenario.
     */
    static final long DEFAULT_PATHS = io.plansim.aggregate.Quantiles.EXACT_LIMIT;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*",
            description = "Built-in names (yiwu/baseline) or scenario files (default: every built-in yiwu/ scenario but the backtests).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--paths", paramLabel = "N", defaultValue = "" + DEFAULT_PATHS,
            description = "Monte Carlo paths per scenario (default: ${DEFAULT-VALUE}).")
    long paths;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder; must not exist yet (default: reports/out/<timestamp> under the current folder).")
    Path out;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of chart titles, axes and headings: en or zh (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report (default: \"plansim report: <region>\", in Chinese with --lang zh).")
    String title;

    @Option(names = "--compare-to", paramLabel = "DIR", description = "An earlier report folder: the first page lists the verdicts that changed since.")
    Path compareTo;

    @Option(names = "--csv-bom", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "Start CSV tables with a UTF-8 byte-order mark, so that spreadsheets read them as UTF-8 (default: ${DEFAULT-VALUE}).")
    boolean csvBom;

    @Option(names = "--pdf", description = "Also write report.pdf (A4) through headless Chromium, which must be installed.")
    boolean pdf;

    @Option(names = "--quiet", description = "No progress messages.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    ActualsOptions actuals;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override applied to every scenario reported, as for run (repeatable; also += and *=); "
                    + "titles and file names carry it.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @picocli.CommandLine.Mixin
    CalibrationOptions calibration;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path dir = out != null ? out : Path.of("reports", "out", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT)));
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(dir);
        }
        McOptions o = options();
        io.plansim.scenario.Limits.current().checkPaths(o.paths(), SourceLocation.commandLine(), "--paths");
        com.fasterxml.jackson.databind.JsonNode previous = previous();
        Path browser = null;
        if (pdf) {
            browser = io.plansim.report.PdfPrinter.chromium().orElseThrow(() -> InputException.of(SourceLocation.commandLine(), "--pdf",
                    "no Chromium on the PATH (looked for " + String.join(", ", io.plansim.report.PdfPrinter.BROWSERS) + ")",
                    "an installed Chromium, e.g. on Debian: apt-get install chromium; or leave out --pdf and print index.html from a browser"));
        }
        List<String> refs = scenarios.isEmpty() ? builtIns() : scenarios;
        if (refs.isEmpty()) {
            throw InputException.of(SourceLocation.commandLine(), "SCENARIO", "no scenario named and no built-in yiwu/ scenario",
                    "a built-in name (see plansim list) or a scenario file");
        }

        Labels labels = Labels.of(lang, ChartFonts.cjkFamily());
        String fallback = labels.fallbackNotice();
        if (fallback != null && lang == Lang.ZH) {
            err.println("warning: " + fallback);
        }

        ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
        List<Scenario> loaded = new ArrayList<>();
        java.util.Map<Scenario, String> refOf = new java.util.IdentityHashMap<>();
        List<ScenarioOverride> overrides = sets.stream().map(ScenarioOverride::parse).toList();
        for (String ref : refs) {
            Scenario s = loader.load(ref, overrides);
            loaded.add(s);
            refOf.put(s, ref);
        }
        List<ScenarioRun> runs = new ArrayList<>();
        for (Scenario s : loaded) {
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "plansim report: %s, %,d paths...", s.id(), o.paths()));
                err.flush();
            }
            Forecasts.Prepared prepared = calibration.apply(CliForecasts.service(o.threads()).prepare(
                    new Forecasts.Request(CliForecasts.source(refOf.get(s)), sets, actuals.extra(), actuals.asOf)));
            io.plansim.target.History history = prepared.actuals();
            CompiledScenario c = prepared.compiled();
            if (!quiet) {
                Forecasts.notes(c).forEach(m -> err.println("note: " + s.id() + ": " + m));
            }
            Forecasts.Simulation r = CliForecasts.simulate(prepared, o, ProgressBar.unlessQuiet(quiet, err));
            Projection central = r.central();
            String output = "gdp_nominal@" + s.horizon();
            List<Sensitivity.Bar> bars = List.of();
            double tornadoCentral = Double.NaN;
            if (!s.uncertainty().parameters().isEmpty()) {
                var out = Sensitivity.variableAt(c, "gdp_nominal", s.horizon());
                bars = Sensitivity.tornado(c, out);
                tornadoCentral = Sensitivity.atMedians(c, out);
            }
            runs.add(new ScenarioRun(s, central, r.mc(), r.verdicts(), history, bars, output, tornadoCentral));
            if (r.failedPathsWarning() != null) {
                err.println("warning: " + s.id() + ": " + r.failedPathsWarning());
            }
        }
        ReportInput input = new ReportInput(runs, o.paths(), o.seed(), Main.version(), command(), now.toString(), labels, title,
                previous, compareTo == null ? null : compareTo.toString(), csvBom, calibration.calibration(), settings(o));
        if (previous != null) {
            List<String> differ = input.settingsThatDiffer();
            if (!differ.isEmpty()) {
                err.println("note: " + compareTo + " was made with other settings (" + String.join("; ", differ)
                        + "): the changes listed may come from them");
            }
        }
        ReportWriter.Written w;
        Path chromium = browser;
        try {
            w = ReportWriter.write(dir, input, chromium == null ? null
                    : folder -> io.plansim.report.PdfPrinter.print(chromium, folder.resolve("index.html"), folder.resolve(PDF)));
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            throw exists(dir); // also when another report into the same folder finished first
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.println(String.format(Locale.ROOT, "wrote %s (index.html, appendix.html%s, %d charts as PNG and SVG, %d tables, summary.json) in %.1f s",
                w.dir().resolve("index.html"), pdf ? ", " + PDF : "", w.charts().size(), w.tables().size(), seconds));
        return 0;
    }

    /**
     * What the report's numbers depend on besides the scenarios, for summary.json and a later --compare-to: files
     * by name and the SHA-256 of their text (an edited history file is another setting under the same name).
     */
    private java.util.Map<String, String> settings(McOptions o) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("paths", String.valueOf(o.paths()));
        m.put("seed", String.valueOf(o.seed()));
        m.put("sampler", o.sampler().name().toLowerCase(Locale.ROOT));
        io.plansim.batch.BatchSettings.CalibrationText cal = calibration.text();
        m.put("calibration", cal == null ? "raw" : cal.name() + " " + cal.definition());
        m.put("set", String.join(" ", sets));
        m.put("history", String.join(", ", actuals.texts().stream()
                .map(h -> h.name() + " sha256:" + io.plansim.batch.BatchPlan.sha256(h.text())).toList()));
        m.put("asOf", actuals.asOf == null ? "" : String.valueOf(actuals.asOf));
        m.put("plansim", Main.version());
        return m;
    }

    /** The PDF's file name in the report folder. */
    static final String PDF = "report.pdf";

    /** The earlier report's summary.json (--compare-to), or null. */
    private com.fasterxml.jackson.databind.JsonNode previous() {
        if (compareTo == null) {
            return null;
        }
        Path summary = compareTo.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            throw InputException.of(SourceLocation.commandLine(), "--compare-to", "'" + compareTo + "' (no summary.json in it)",
                    "the folder of an earlier plansim report");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = io.plansim.tables.ProjectionJson.MAPPER.readTree(summary.toFile());
            if (!n.path("scenarios").isArray()) {
                throw new java.io.IOException("no scenarios array");
            }
            return n;
        } catch (java.io.IOException e) {
            throw InputException.of(SourceLocation.commandLine(), "--compare-to", "'" + summary + "' (" + e.getMessage() + ")",
                    "the summary.json of an earlier plansim report");
        }
    }

    private static InputException exists(Path dir) {
        return InputException.of(SourceLocation.commandLine(), "--out", "'" + dir + "' (the folder exists)",
                "a folder that does not exist yet: a report never writes over an earlier one");
    }

    private McOptions options() {
        if (paths < 1) {
            throw InputException.of(SourceLocation.commandLine(), "--paths", String.valueOf(paths), "at least 1 path");
        }
        try {
            return new McOptions(paths, seed, Sampler.MC, Runtime.getRuntime().availableProcessors(), McOptions.DEFAULT_BLOCK);
        } catch (IllegalArgumentException e) {
            throw InputException.of(SourceLocation.commandLine(), "--paths", String.valueOf(paths), e.getMessage());
        }
    }

    /**
     * The built-in Yiwu scenarios, in index order, without the backtests (yiwu/backtest-*: projections from
     * 2010 or 2015 to test the model against known outcomes, not scenarios for the plan); name them to report them.
     */
    static List<String> builtIns() {
        return ScenarioRepository.onClasspath().builtIns().stream()
                .filter(n -> n.startsWith(DEFAULT_PREFIX) && !n.substring(DEFAULT_PREFIX.length()).startsWith("backtest"))
                .toList();
    }

    /**
     * The command line that reproduces this report: every option given but --out (which must be a new folder each
     * time) and --quiet, with the paths and seed stated even when left at their defaults.
     */
    String command() {
        return "./" + Reproduction.command(spec, List.of("--paths", "--seed"));
    }
}
