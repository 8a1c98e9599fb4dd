package io.plansim.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.backtest.Backtest;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.evaluation.Forecaster;
import io.plansim.evaluation.NaiveForecasters;
import io.plansim.evaluation.Panel;
import io.plansim.evaluation.PanelVariable;
import io.plansim.evaluation.PlanRecord;
import io.plansim.evaluation.PlanScores;
import io.plansim.evaluation.RegionScores;
import io.plansim.evaluation.RollingOrigin;
import io.plansim.evaluation.Scorecard;
import io.plansim.evaluation.SolowForecaster;
import io.plansim.evaluation.SpreadFit;
import io.plansim.evaluation.RegionSpreadFit;
import io.plansim.compile.SpreadCalibration;
import io.plansim.report.ChartOutput;
import io.plansim.report.EvaluationCharts;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.tables.Format;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim evaluate}: rolling-origin forecasts on the Penn World Table panel and the regions' backtests, scored. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score plansim's forecasts out of sample: coverage of its intervals, PIT histograms and CRPS against "
                + "naive forecasters, on the Penn World Table panel (--panel pwt) and on the regions' backtests (--regions).")
final class EvaluateCommand implements Callable<Integer> {
    /** The regions' backtest scenarios (docs/BACKTEST.md). */
    static final List<String> BACKTESTS = List.of("yiwu/backtest-2010", "yiwu/backtest-2015", "jinhua/backtest-2010",
            "jinhua/backtest-2015");
    private static final int[] PIT_HORIZONS = {1, 5, 10, 15};

    @Option(names = "--panel", paramLabel = "pwt|FILE",
            description = "Evaluate on a panel: pwt (Penn World Table 9.1, built in) or a CSV file with its columns.")
    String panel;

    @Option(names = "--regions", description = "Evaluate the regions' backtests (yiwu/backtest-2010, yiwu/backtest-2015, jinhua/backtest-2010, jinhua/backtest-2015).")
    boolean regions;

    @Option(names = "--plans", description = "Score plansim's P(target met) on the plan record (targets whose outcome is known) "
            + "against the base-rate forecaster.")
    boolean plans;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "200",
            description = "Monte Carlo paths per panel forecast (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--region-paths", paramLabel = "N", defaultValue = "10000",
            description = "Monte Carlo paths per regional backtest (default: ${DEFAULT-VALUE}).")
    long regionPaths;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--first-origin", paramLabel = "YEAR", defaultValue = "1970", description = "First origin (default: ${DEFAULT-VALUE}).")
    int firstOrigin;

    @Option(names = "--step", paramLabel = "YEARS", defaultValue = "5", description = "Years between origins (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--horizons", paramLabel = "H", defaultValue = "15", description = "Horizons 1..H years (default: ${DEFAULT-VALUE}).")
    int horizons;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
            description = "Blocks of economies left out in turn for whatever is fitted on the panel (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--charts", paramLabel = "DIR", description = "Also write the charts (coverage by horizon, PIT histograms, reliability of P(met)) as PNG and SVG into DIR.")
    Path charts;

    @Option(names = "--common-random-numbers", description = "Draw every panel forecast with the same random numbers instead "
            + "of a seed per forecast: differences between two evaluations (two model variants) are then not noise, but the "
            + "ensembles' sampling error is shared by all forecasts and does not average out of the coverage.")
    boolean commonRandomNumbers;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--fit-calibration", paramLabel = "FILE", description = "Write the spread recalibration fitted on the panel "
            + "(factors by horizon for GDP and population, out of sample by economy block; docs/MODEL.md \"Recalibration\") to FILE.")
    Path fitCalibration;

    @Mixin
    CalibrationOptions calibration;

    @Mixin
    OutputOptions output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record PanelRun(String name, RollingOrigin.Design design, RollingOrigin.Evaluation evaluation, double seconds,
                            SpreadCalibration fitted) {
    }

    private record RegionRun(List<String> scenarios, List<Backtest.Summary> summaries, Scorecard card, double seconds,
                             RegionSpreadFit.Result recalibrated) {
    }

    /** One backtest scenario run once, shared by --regions and --plans. */
    private record BacktestRun(Scenario scenario, Catalogs catalogs, McResult mc, io.plansim.runner.Projection central) {
    }

    /** The plan record with plansim's probabilities (NaN where not modelled) and the base rates. */
    private record PlanRun(List<PlanRecord.Row> rows, double[] plansim, double[] baseRate) {
    }

    private List<BacktestRun> backtestRuns;
    /** The calibration the backtests run with: the one being fitted (--fit-calibration), else the options'. */
    private SpreadCalibration inForce;
    private boolean inForceSet;

    private SpreadCalibration inForce() {
        if (!inForceSet && inForce == null) {
            inForce = calibration.calibration();
            inForceSet = true;
        }
        return inForce;
    }

    private String calibrationLine() {
        SpreadCalibration c = inForce();
        return c == null ? calibration.line(false) : c.describe(false);
    }

    /** The regional group's leave-one-origin-out fit, as the table shows it. */
    private static String regionRecalibration(RegionSpreadFit.Result x) {
        if (x == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Regional spread recalibration (group %s: %s), one factor for "
                + "every horizon fitted on the rows with a spread of these variables, %d rows; leaving one origin out:",
                RegionSpreadFit.GROUP, String.join(", ", x.variables()), x.groupRows()));
        for (int i = 0; i < x.origins().size(); i++) {
            sb.append(String.format(Locale.ROOT, " k without %d's rows %.2f;", x.origins().get(i), x.leftOut()[i]));
        }
        sb.append(String.format(Locale.ROOT, " k on all %.2f +- %.2f (jackknife)%n", x.k(), x.se()));
        sb.append(String.format(Locale.ROOT, "  these rows, mean CRPS / |actual| unscaled %.4f, recalibrated out of sample %.4f%n", x.groupCrpsRaw(), x.groupCrps()));
        sb.append(String.format(Locale.ROOT, "  all %d rows, coverage 50/80/90%% without the regional group %.2f/%.2f/%.2f, with it out of sample %.2f/%.2f/%.2f; "
                        + "mean CRPS / |actual| %.4f -> %.4f%n", x.rows(), x.coverageRaw()[0], x.coverageRaw()[1], x.coverageRaw()[2],
                x.coverage()[0], x.coverage()[1], x.coverage()[2], x.crpsRaw(), x.crps()));
        sb.append(x.improvesOutOfSample() ? "  kept: it lowers the held-out origins' mean CRPS\n"
                : "  not applied (P(met) below) nor written by --fit-calibration: it does not lower the held-out origins' mean CRPS "
                + "(the choice is made on these rows)\n");
        return sb.toString();
    }

    /** What the regions and the plan record scored, for the calibration file. */
    private static SpreadCalibration.Evaluated evaluated(RegionRun r, PlanRun pl) {
        Scorecard.Cell c = r == null ? null : r.card().overall("plansim", RegionScores.VARIABLE);
        double[] baseOnModelled = new double[pl == null ? 0 : pl.rows().size()];
        for (int i = 0; i < baseOnModelled.length; i++) {
            baseOnModelled[i] = Double.isNaN(pl.plansim()[i]) ? Double.NaN : pl.baseRate()[i];
        }
        RegionSpreadFit.Result x = r == null || r.recalibrated() == null || !r.recalibrated().improvesOutOfSample() ? null : r.recalibrated();
        return new SpreadCalibration.Evaluated(c == null ? 0 : (int) c.n(),
                x != null ? x.coverage()[0] : c == null ? Double.NaN : c.coverage(0.5),
                x != null ? x.coverage()[1] : c == null ? Double.NaN : c.coverage(0.8), x != null ? x.crps() : c == null ? Double.NaN : c.meanCrps(),
                pl == null ? 0 : PlanScores.count(pl.plansim()), pl == null ? Double.NaN : PlanScores.brier(pl.rows(), pl.plansim()),
                pl == null ? Double.NaN : PlanScores.brier(pl.rows(), baseOnModelled),
                pl == null ? List.of() : bins(PlanScores.reliability(pl.rows(), pl.plansim())),
                pl == null ? List.of() : bins(PlanScores.reliability(pl.rows(), pl.baseRate())));
    }

    private static SpreadCalibration.Group regionGroup(RegionSpreadFit.Result x) {
        // horizon 0: the figures pool every row and horizon (too few rows to fit or score by horizon)
        SpreadCalibration.Figures pooled = new SpreadCalibration.Figures(0, x.rows(), x.coverageRaw()[0], x.coverageRaw()[1],
                x.coverage()[0], x.coverage()[1], x.crpsRaw(), x.crps(), new double[0], new double[0]);
        return new SpreadCalibration.Group(RegionSpreadFit.GROUP, x.variables(), "the regional backtests' rows (" + String.join(", ", BACKTESTS)
                + ") of these variables, one factor for every horizon; out-of-sample figures leave one origin out and pool all "
                + x.rows() + " rows (CRPS relative to the actual)", new double[] {x.k()}, new double[] {x.se()}, List.of(pooled));
    }

    private static List<SpreadCalibration.Bin> bins(List<PlanScores.Bin> bins) {
        return bins.stream().map(b -> new SpreadCalibration.Bin(b.from(), b.to(), b.n(), b.meanProbability(), b.shareMet())).toList();
    }

    @Override
    public Integer call() {
        output.zh(); // refuses --lang: this output is in English
        if (panel == null && !regions && !plans) {
            throw InputException.of(SourceLocation.commandLine(), "--panel/--regions/--plans", "none of them",
                    "--panel pwt, --regions, --plans or several");
        }
        check(paths >= 2, "--paths", String.valueOf(paths), "at least 2 paths per forecast");
        check(regionPaths >= 1, "--region-paths", String.valueOf(regionPaths), "at least 1 path");
        check(horizons >= 1 && horizons <= 50, "--horizons", String.valueOf(horizons), "1 to 50 years");
        check(step >= 1, "--step", String.valueOf(step), "at least 1 year");
        check(folds >= 2, "--folds", String.valueOf(folds), "at least 2 blocks");
        check(threads == null || threads >= 1, "--threads", String.valueOf(threads), "at least 1 thread");
        check(fitCalibration == null || panel != null, "--fit-calibration", String.valueOf(fitCalibration), "with --panel");
        if (fitCalibration != null) {
            AtomicOutput.file(fitCalibration, "--fit-calibration"); // before the evaluation, which takes minutes
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PanelRun p = panel == null ? null : runPanel(t);
        if (fitCalibration != null) {
            inForce = p.fitted(); // the regions and the plan record are scored with the calibration being written
        }
        RegionRun r = regions ? runRegions(t) : null;
        PlanRun pl = plans ? runPlans(t, r != null ? r : runRegions(t)) : null;
        if (fitCalibration != null) {
            SpreadCalibration written = r == null && pl == null ? p.fitted() : p.fitted().withEvaluated(evaluated(r, pl));
            if (r != null && r.recalibrated() != null && r.recalibrated().improvesOutOfSample()) {
                written = written.withGroup(regionGroup(r.recalibrated()));
            }
            spec.commandLine().getErr().println("wrote " + PanelCalibration.write(fitCalibration, written));
        }
        String text = switch (output.format) {
            case TABLE, XLSX -> table(p, r) + (pl == null ? "" : planTable(pl));
            case CSV -> csv(p, r) + (pl == null ? "" : planCsv(pl));
            case JSON -> json(p, r, pl);
        };
        if (charts != null) {
            writeCharts(p, r, pl);
        }
        output.emit(spec.commandLine().getOut(), "evaluate", "", text);
        return 0;
    }

    private static void check(boolean ok, String option, String found, String allowed) {
        if (!ok) {
            throw InputException.of(SourceLocation.commandLine(), option, found, allowed);
        }
    }

    // ------------------------------------------------------------------------------------------ runs

    private PanelRun runPanel(int threads) {
        Panel data;
        String name;
        byte[] bytes;
        if (panel.equals("pwt")) {
            data = Panel.pwt();
            name = "Penn World Table 9.1 (" + Panel.PWT_RESOURCE + ")";
            bytes = PanelCalibration.resource(Panel.PWT_RESOURCE);
        } else {
            Path file = Path.of(panel);
            if (!Files.isRegularFile(file)) {
                throw InputException.of(SourceLocation.commandLine(), "--panel", "'" + panel + "' (no such file)",
                        "pwt or a CSV file with the columns countrycode,country,year and the series");
            }
            try {
                bytes = Files.readAllBytes(file);
                data = Panel.parse(panel, Files.readString(file));
            } catch (IOException e) {
                throw InputException.of(SourceLocation.commandLine(), "--panel", "'" + panel + "' (" + e.getMessage() + ")",
                        "a readable UTF-8 CSV file");
            }
            name = panel;
            List<String> missing = SolowForecaster.NEEDS.stream().filter(c -> !data.series().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw InputException.of(new SourceLocation(panel, 1, 0), "header", "no column " + String.join(", ", missing),
                        "the columns " + String.join(",", SolowForecaster.NEEDS) + " (as in " + Panel.PWT_RESOURCE + ")");
            }
        }
        int last = data.economies().stream().mapToInt(Panel.Economy::lastYear).max().orElse(firstOrigin) - 1;
        check(last >= firstOrigin, "--first-origin", String.valueOf(firstOrigin), "a year before the panel's last, " + (last + 1));
        RollingOrigin.Design d = new RollingOrigin.Design(firstOrigin, last, step, horizons, folds, seed);
        List<Forecaster> forecasters = List.of(SolowForecaster.of(paths, seed, commonRandomNumbers), NaiveForecasters.randomWalkWithDrift(5),
                NaiveForecasters.randomWalkWithDrift(10), NaiveForecasters.globalMeanGrowth());
        ProgressBar bar = ProgressBar.unlessQuiet(quiet, spec.commandLine().getErr());
        long start = System.nanoTime();
        SpreadFit fit = new SpreadFit(variables().size(), horizons, folds, PanelCalibration.CRITERION);
        RollingOrigin.Evaluation e = RollingOrigin.run(data, forecasters, variables(), d, threads,
                bar == null ? null : (done, total) -> bar.update(done * paths, total * paths, new long[0]), fit);
        if (bar != null) {
            bar.finish();
        }
        String command = "plansim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        SpreadCalibration fitted = PanelCalibration.fit(fit, variables(), e.scores(), name, bytes, command, Main.version(), seed);
        return new PanelRun(name, d, e, (System.nanoTime() - start) / 1e9, fitted);
    }

    private static List<PanelVariable> variables() {
        return List.of(PanelVariable.GDP, PanelVariable.POPULATION, PanelVariable.CAPITAL);
    }

    /** The regions' backtests, each run once with --region-paths paths. */
    private List<BacktestRun> backtests(int threads) {
        if (backtestRuns == null) {
            backtestRuns = new ArrayList<>();
            ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
            for (String id : BACKTESTS) {
                Scenario s = loader.load(id);
                Catalogs catalogs = Catalogs.of(s);
                // the regional group is always refitted here, leaving one origin out: the rows are never scored in sample
                SpreadCalibration cal = inForce() == null ? null : inForce().withoutGroup(RegionSpreadFit.GROUP);
                CompiledScenario c = ScenarioCompiler.compile(s).withCalibration(cal);
                backtestRuns.add(new BacktestRun(s, catalogs, runBacktest(c, catalogs, threads), io.plansim.runner.DeterministicRunner.run(c)));
            }
        }
        return backtestRuns;
    }

    private McResult runBacktest(CompiledScenario c, Catalogs catalogs, int threads) {
        McOptions o = new McOptions(regionPaths, seed, Sampler.MC, threads, McOptions.DEFAULT_BLOCK);
        ProgressBar bar = ProgressBar.unlessQuiet(quiet, spec.commandLine().getErr());
        // on the command's --threads pool, as every run of the command line (not the process's pool of every core)
        McResult mc = MonteCarloRunner.summarise(c, o, PathTargets.of(c, catalogs.targets().targets(), catalogs.history()),
                io.plansim.runner.RunControl.on(CliPool.of(threads)).withProgress(bar));
        if (bar != null) {
            bar.finish();
        }
        return mc;
    }

    /**
     * The backtest's Monte Carlo with the regional group's factor fitted without its origin's rows (so P(met) of a
     * plan target is out of sample too); the run as made when no regional fit exists.
     */
    private McResult outOfSample(BacktestRun b, RegionSpreadFit.Result x, int threads) {
        // a regional group that does not improve the held-out origins' CRPS is not applied (nor written)
        int block = x == null || !x.improvesOutOfSample() ? -1 : x.origins().indexOf(b.scenario().baseYear());
        if (block < 0) {
            return b.mc();
        }
        SpreadCalibration.Group g = new SpreadCalibration.Group(RegionSpreadFit.GROUP, x.variables(), "leave one origin out",
                new double[] {x.leftOut()[block]}, new double[] {0}, List.of());
        CompiledScenario c = ScenarioCompiler.compile(b.scenario()).withCalibration(inForce().withoutGroup(RegionSpreadFit.GROUP).withGroup(g));
        return runBacktest(c, b.catalogs(), threads);
    }

    private RegionRun runRegions(int threads) {
        long start = System.nanoTime();
        Scorecard card = new Scorecard();
        List<Backtest.Summary> summaries = new ArrayList<>();
        SpreadCalibration cal = inForce();
        RegionSpreadFit fit = new RegionSpreadFit(cal == null ? java.util.Set.of() : cal.withoutGroup(RegionSpreadFit.GROUP).variables());
        for (BacktestRun b : backtests(threads)) {
            Scenario s = b.scenario();
            Backtest.Result r = Backtest.score(b.mc(), b.catalogs().history(), b.catalogs().targets(), s.horizon(), s.backtestBreaks());
            summaries.add(r.scored());
            RegionScores.add(card, b.mc(), r);
            fit.add(b.mc(), b.central(), r);
        }
        return new RegionRun(BACKTESTS, summaries, card, (System.nanoTime() - start) / 1e9, cal == null ? null : fit.fit(seed));
    }

    /**
     * The plan record: the CSV's rows (12th plans, origin 2010) and each backtest's catalog targets with a known outcome;
     * plansim's probability from the backtest whose origin and region are the row's, where it models the target.
     */
    private PlanRun runPlans(int threads, RegionRun regionRun) {
        List<BacktestRun> runs = backtests(threads);
        java.util.Map<BacktestRun, McResult> mcs = new java.util.IdentityHashMap<>();
        for (BacktestRun b : runs) {
            mcs.put(b, outOfSample(b, regionRun.recalibrated(), threads));
        }
        List<PlanRecord.Row> fromCatalogs = new ArrayList<>();
        for (BacktestRun b : runs) {
            fromCatalogs.addAll(PlanRecord.fromCatalog(b.catalogs().targets(), b.catalogs().history(), b.scenario().region(),
                    b.scenario().baseYear(), b.scenario().horizon()));
        }
        List<PlanRecord.Row> rows = PlanRecord.withCatalogRows(PlanRecord.builtIn(), fromCatalogs);
        double[] p = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            PlanRecord.Row row = rows.get(i);
            p[i] = Double.NaN;
            for (BacktestRun b : runs) {
                if (b.scenario().baseYear() == row.origin() && b.scenario().region().equals(row.region())) {
                    p[i] = row.probability(mcs.get(b));
                }
            }
        }
        return new PlanRun(rows, p, PlanScores.baseRates(rows));
    }

    private String planTable(PlanRun pl) {
        StringBuilder sb = new StringBuilder("\nPlan record: " + pl.rows().size() + " targets whose outcome is known ("
                + PlanRecord.RESOURCE + " and the backtests' catalogs); P plansim from the backtest at the plan's origin ("
                + regionPaths + " paths), where it models the target; base rate = share met among the other targets of the same kind\n"
                + calibrationLine() + "; the regional group's factor fitted without the rows of the target's origin\n");
        TextTable t = new TextTable(new boolean[] {false, false, false, false, false, true, true, false, true, true});
        t.row("plan", "target", "kind", "attr", "cmp", "value", "outcome", "met", "P plansim", "base rate");
        for (int i = 0; i < pl.rows().size(); i++) {
            PlanRecord.Row r = pl.rows().get(i);
            t.row(r.plan(), r.indicator(), r.kind(), r.attribute(), r.comparator(), Format.num(r.value()),
                    Double.isNaN(r.outcome()) ? r.reported() : Format.num(r.outcome()), r.met() ? "yes" : "no",
                    Double.isNaN(pl.plansim()[i]) ? "-" : f2(pl.plansim()[i]), f2(pl.baseRate()[i]));
        }
        sb.append(t.render());
        double[] baseOnModelled = new double[pl.rows().size()];
        for (int i = 0; i < baseOnModelled.length; i++) {
            baseOnModelled[i] = Double.isNaN(pl.plansim()[i]) ? Double.NaN : pl.baseRate()[i];
        }
        long met = pl.rows().stream().filter(PlanRecord.Row::met).count();
        sb.append(String.format(Locale.ROOT, "%d of %d targets met. Brier score: plansim %s over the %d it models, the base rate %s "
                        + "over the same %d and %s over all %d%n", met, pl.rows().size(), Format.num(PlanScores.brier(pl.rows(), pl.plansim())),
                PlanScores.count(pl.plansim()), Format.num(PlanScores.brier(pl.rows(), baseOnModelled)), PlanScores.count(baseOnModelled),
                Format.num(PlanScores.brier(pl.rows(), pl.baseRate())), PlanScores.count(pl.baseRate())));
        sb.append("Reliability (forecast probability in bins against the share met):\n");
        TextTable rt = new TextTable(new boolean[] {false, true, true, true, true, true, true});
        rt.row("P bin", "n plansim", "mean P", "share met", "n base rate", "mean P", "share met");
        List<PlanScores.Bin> a = PlanScores.reliability(pl.rows(), pl.plansim());
        List<PlanScores.Bin> b = PlanScores.reliability(pl.rows(), pl.baseRate());
        for (int k = 0; k < a.size(); k++) {
            rt.row(String.format(Locale.ROOT, "%.1f-%.1f", a.get(k).from(), a.get(k).to()), String.valueOf(a.get(k).n()),
                    f2(a.get(k).meanProbability()), f2(a.get(k).shareMet()), String.valueOf(b.get(k).n()),
                    f2(b.get(k).meanProbability()), f2(b.get(k).shareMet()));
        }
        sb.append(rt.render());
        return sb.toString();
    }

    private static String planCsv(PlanRun pl) {
        StringBuilder sb = new StringBuilder("\nplan,region,origin,year,indicator,kind,attribute,comparator,value,outcome,met,"
                + "p_plansim,p_base_rate,target_file,target_line,outcome_file,outcome_line\n");
        for (int i = 0; i < pl.rows().size(); i++) {
            PlanRecord.Row r = pl.rows().get(i);
            sb.append(Format.csvRow(List.of(r.plan(), r.region(), String.valueOf(r.origin()), String.valueOf(r.year()), r.indicator(),
                    r.kind(), r.attribute(), r.comparator(), String.valueOf(r.value()),
                    Double.isNaN(r.outcome()) ? "" : String.valueOf(r.outcome()), String.valueOf(r.met()),
                    Double.isNaN(pl.plansim()[i]) ? "" : String.valueOf(pl.plansim()[i]), String.valueOf(pl.baseRate()[i]),
                    sourceText(r.target(), true), sourceText(r.target(), false), sourceText(r.outcomeSource(), true),
                    sourceText(r.outcomeSource(), false))));
        }
        return sb.toString();
    }

    /** A source's file (or address) and line, for tables. */
    private static String sourceText(io.plansim.scenario.Source s, boolean file) {
        if (s == null) {
            return "";
        }
        if (file) {
            return s.file() != null ? s.file() : s.url() != null ? s.url() : "";
        }
        return s.line() == null ? "" : String.valueOf(s.line());
    }

    // ------------------------------------------------------------------------------------------ output

    private String table(PanelRun p, RegionRun r) {
        StringBuilder sb = new StringBuilder();
        if (p != null) {
            RollingOrigin.Design d = p.design();
            sb.append(String.format(Locale.ROOT, "Panel: %s%norigins %d-%d every %d years, horizons 1-%d, economies left out "
                            + "in %d blocks; %,d cases (economy x origin) of %d economies; plansim %d paths per forecast, seed %d "
                            + "(%s)%n%n",
                    p.name(), d.firstOrigin(), d.origins().get(d.origins().size() - 1), d.step(), d.horizons(), d.folds(),
                    p.evaluation().cases(), p.evaluation().economies(), paths, seed,
                    commonRandomNumbers ? "the same random numbers for every forecast" : "each forecast its own seed"));
            Scorecard card = p.evaluation().scores();
            for (String v : card.variables()) {
                sb.append(variableTable(card, v, "log points", true, "plansim")).append('\n');
                if (card.cell(SpreadFit.CALIBRATED, v, 1) != null) {
                    sb.append(variableTable(card, v, "log points", true, SpreadFit.CALIBRATED)).append('\n');
                }
            }
            sb.append(PanelCalibration.factorTable(p.fitted())).append('\n');
        }
        if (r != null) {
            sb.append("Regions: ").append(String.join(", ", r.scenarios())).append("; ").append(regionPaths)
                    .append(" paths each, seed ").append(seed).append('\n').append(calibrationLine()).append('\n');
            for (int i = 0; i < r.scenarios().size(); i++) {
                Backtest.Summary s = r.summaries().get(i);
                sb.append(String.format(Locale.ROOT, "  %-20s %2d rows (%d with a spread): coverage 50/80/90%% %s/%s/%s, "
                                + "mean relative CRPS %s; %d targets, Brier %s%n", r.scenarios().get(i), s.rows(), s.spreadRows(),
                        Format.num(s.coverage50()), Format.num(s.coverage80()), Format.num(s.coverage90()),
                        Format.num(s.meanRelativeCrps()), s.targets(), Format.num(s.brier())));
            }
            sb.append("Pooled by horizon (rows across a statistical break left out; a forecast held fixed counts as not covered):\n");
            sb.append(variableTable(r.card(), RegionScores.VARIABLE, "CRPS / |actual|", false, "plansim"));
            sb.append(regionRecalibration(r.recalibrated()));
        }
        return sb.toString();
    }

    /** One variable: the model's coverage and PIT flatness by horizon, and every forecaster's mean CRPS. */
    private static String variableTable(Scorecard card, String variable, String crpsUnit, boolean pitTable, String model) {
        List<String> forecasters = card.forecasters();
        StringBuilder sb = new StringBuilder(variable + ": " + model + "'s coverage of its central intervals, PIT flatness, and mean CRPS ("
                + crpsUnit + ") of every forecaster" + (model.equals(SpreadFit.CALIBRATED)
                ? " (recalibrated with factors fitted without the case's economy block: out of sample)" : "") + "\n");
        List<String> head = new ArrayList<>(List.of("h", "n", "cov50", "cov80", "cov90", "PIT chi2"));
        forecasters.forEach(f -> head.add("CRPS " + f));
        boolean[] right = new boolean[head.size()];
        java.util.Arrays.fill(right, true);
        TextTable t = new TextTable(right);
        t.row(head.toArray(String[]::new));
        List<Integer> hs = new ArrayList<>(card.horizons());
        hs.add(0);
        for (int h : hs) {
            Scorecard.Cell c = h == 0 ? card.overall(model, variable) : card.cell(model, variable, h);
            if (c == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(h == 0 ? "all" : String.valueOf(h), String.valueOf(c.n()),
                    f2(c.coverage(0.5)), f2(c.coverage(0.8)), f2(c.coverage(0.9)), String.format(Locale.ROOT, "%.0f", c.pitChiSquare())));
            for (String f : forecasters) {
                Scorecard.Cell x = h == 0 ? card.overall(f, variable) : card.cell(f, variable, h);
                row.add(x == null ? "-" : String.format(Locale.ROOT, "%.4f", x.meanCrps()));
            }
            t.row(row.toArray(String[]::new));
        }
        sb.append(t.render());
        if (pitTable) {
            sb.append("PIT histogram of " + model + ", density per tenth (1 = calibrated; high ends = intervals too narrow):\n");
            boolean[] r2 = new boolean[Scorecard.PIT_BINS + 1];
            java.util.Arrays.fill(r2, true);
            TextTable pt = new TextTable(r2);
            List<String> ph = new ArrayList<>(List.of("h"));
            for (int b = 0; b < Scorecard.PIT_BINS; b++) {
                ph.add(String.format(Locale.ROOT, ".%d-.%d", b, b + 1).replace(".0-", "0-").replace("-.10", "-1"));
            }
            pt.row(ph.toArray(String[]::new));
            for (int h : PIT_HORIZONS) {
                Scorecard.Cell c = card.cell(model, variable, h);
                if (c != null) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(h)));
                    for (double x : c.pitDensity()) {
                        row.add(f2(x));
                    }
                    pt.row(row.toArray(String[]::new));
                }
            }
            sb.append(pt.render());
        }
        return sb.toString();
    }

    private static String f2(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static final String CSV_HEADER;

    static {
        StringBuilder h = new StringBuilder("section,forecaster,variable,horizon,n,coverage50,coverage80,coverage90,mean_crps,pit_chi2");
        for (int b = 0; b < Scorecard.PIT_BINS; b++) {
            h.append(",pit").append(b);
        }
        CSV_HEADER = h.append('\n').toString();
    }

    private static String csv(PanelRun p, RegionRun r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER);
        if (p != null) {
            csvCells(sb, "panel", p.evaluation().scores());
        }
        if (r != null) {
            csvCells(sb, "regions", r.card());
        }
        return sb.toString();
    }

    private static void csvCells(StringBuilder sb, String section, Scorecard card) {
        for (Scorecard.Cell c : card.cells()) {
            List<String> cells = new ArrayList<>(List.of(section, c.key().forecaster(), c.key().variable(),
                    String.valueOf(c.key().horizon()), String.valueOf(c.n()), String.valueOf(c.coverage(0.5)),
                    String.valueOf(c.coverage(0.8)), String.valueOf(c.coverage(0.9)), String.valueOf(c.meanCrps()),
                    String.valueOf(c.pitChiSquare())));
            for (double x : c.pitDensity()) {
                cells.add(String.valueOf(x));
            }
            sb.append(Format.csvRow(cells));
        }
    }

    private String json(PanelRun p, RegionRun r, PlanRun pl) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("plansim", Main.version());
        root.put("seed", seed);
        if (r != null || pl != null) {
            root.put("calibration", calibrationLine());
        }
        if (p != null) {
            ObjectNode n = root.putObject("panel");
            n.put("data", p.name());
            RollingOrigin.Design d = p.design();
            n.put("firstOrigin", d.firstOrigin());
            n.put("lastOrigin", d.origins().get(d.origins().size() - 1));
            n.put("step", d.step());
            n.put("horizons", d.horizons());
            n.put("folds", d.folds());
            n.put("pathsPerForecast", paths);
            n.put("commonRandomNumbers", commonRandomNumbers);
            n.put("cases", p.evaluation().cases());
            n.put("economies", p.evaluation().economies());
            jsonCells(n.putArray("scores"), p.evaluation().scores());
        }
        if (r != null) {
            ObjectNode n = root.putObject("regions");
            n.put("pathsPerBacktest", regionPaths);
            ArrayNode bt = n.putArray("backtests");
            for (int i = 0; i < r.scenarios().size(); i++) {
                Backtest.Summary s = r.summaries().get(i);
                ObjectNode b = bt.addObject();
                b.put("scenario", r.scenarios().get(i));
                BacktestCommand.summary(b, s); // the same fields as plansim backtest's summary
            }
            jsonCells(n.putArray("scores"), r.card());
        }
        if (pl != null) {
            ObjectNode n = root.putObject("plans");
            Format.json(n, "brierPlansim", PlanScores.brier(pl.rows(), pl.plansim()));
            n.put("modelled", PlanScores.count(pl.plansim()));
            Format.json(n, "brierBaseRate", PlanScores.brier(pl.rows(), pl.baseRate()));
            ArrayNode rows = n.putArray("rows");
            for (int i = 0; i < pl.rows().size(); i++) {
                PlanRecord.Row x = pl.rows().get(i);
                ObjectNode o = rows.addObject();
                o.put("plan", x.plan());
                o.put("region", x.region());
                o.put("origin", x.origin());
                o.put("year", x.year());
                o.put("indicator", x.indicator());
                o.put("kind", x.kind());
                o.put("attribute", x.attribute());
                o.put("comparator", x.comparator());
                o.put("value", x.value());
                Format.json(o, "outcome", x.outcome());
                o.put("met", x.met());
                Format.json(o, "probabilityPlansim", pl.plansim()[i]);
                Format.json(o, "probabilityBaseRate", pl.baseRate()[i]);
            }
        }
        try {
            return ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jsonCells(ArrayNode out, Scorecard card) {
        for (Scorecard.Cell c : card.cells()) {
            ObjectNode n = out.addObject();
            n.put("forecaster", c.key().forecaster());
            n.put("variable", c.key().variable());
            n.put("horizon", c.key().horizon());
            n.put("n", c.n());
            n.put("coverage50", c.coverage(0.5));
            n.put("coverage80", c.coverage(0.8));
            n.put("coverage90", c.coverage(0.9));
            n.put("meanCrps", c.meanCrps());
            n.put("pitChiSquare", c.pitChiSquare());
            ArrayNode pit = n.putArray("pitDensity");
            for (double x : c.pitDensity()) {
                pit.add(x);
            }
        }
    }

    private void writeCharts(PanelRun p, RegionRun r, PlanRun pl) {
        List<ChartOutput> out = new ArrayList<>();
        if (p != null) {
            for (String v : p.evaluation().scores().variables()) {
                out.add(EvaluationCharts.coverage(p.evaluation().scores(), "plansim", v, "coverage-" + v));
                out.add(EvaluationCharts.pit(p.evaluation().scores(), "plansim", v, PIT_HORIZONS, "pit-" + v));
            }
        }
        if (r != null) {
            out.add(EvaluationCharts.coverage(r.card(), "plansim", RegionScores.VARIABLE, "coverage-regions"));
            out.add(EvaluationCharts.pit(r.card(), "plansim", RegionScores.VARIABLE, new int[] {1, 2, 3, 4, 5}, "pit-regions"));
        }
        if (pl != null) {
            java.util.Map<String, List<PlanScores.Bin>> bins = new java.util.LinkedHashMap<>();
            bins.put("plansim", PlanScores.reliability(pl.rows(), pl.plansim()));
            bins.put("base rate", PlanScores.reliability(pl.rows(), pl.baseRate()));
            out.add(EvaluationCharts.reliability(bins, "reliability-plans"));
        }
        try {
            Files.createDirectories(charts);
            for (ChartOutput c : out) {
                if (c != null) {
                    writeAtomically(charts.resolve(c.id() + ".png"), c.png());
                    writeAtomically(charts.resolve(c.id() + ".svg"), c.svg());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + charts + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("charts written to " + charts);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
