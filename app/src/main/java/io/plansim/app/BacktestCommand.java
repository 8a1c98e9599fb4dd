package io.plansim.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.backtest.Backtest;
import io.plansim.backtest.BacktestRow;
import io.plansim.backtest.TargetOutcomeCheck;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.compile.SpreadCalibration;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.tables.Dictionary;
import io.plansim.tables.Format;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.TextTable;
import io.plansim.tables.VerdictTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim backtest}: how a scenario forecast from its origin would have done against what happened. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score a scenario's Monte Carlo forecast from its origin against the actuals, the plan and a drift forecast.")
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--origin", paramLabel = "YEAR", description = "Forecast origin; must be the scenario's base year (default).")
    Integer origin;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year scored (default: the horizon).")
    Integer to;

    @Mixin
    McRunOptions run;

    @Mixin
    CalibrationOptions calibration;

    @Mixin
    OutputOptions output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean zh = output.zh();
        Scenario s = options.load();
        if (origin != null && origin != s.baseYear()) {
            throw InputException.of(SourceLocation.commandLine(), "--origin", String.valueOf(origin),
                    "the scenario's base year " + s.baseYear() + ": a backtest forecasts from what was known then; "
                            + "use a scenario built at that origin (e.g. yiwu/backtest-" + origin + ")");
        }
        // A backtest forecasts from its origin: conditioned on nothing unless --as-of says how much was known,
        // and scored only on the years after that (the years known are not forecasts).
        int asOf = options.actuals.asOf == null ? s.baseYear() : options.actuals.asOf;
        io.plansim.target.History all = options.actuals.allRows(s);
        SpreadCalibration cal = BacktestCalibration.scored(calibration.calibration());
        CompiledScenario c = ScenarioCompiler.compile(s).withCalibration(cal);
        c = ActualsOptions.condition(c, s, all, asOf);
        String scoredLine = BacktestCalibration.line(calibration.calibration(), cal, calibration.line(false), false);
        io.plansim.target.History scored = new io.plansim.target.History(all.records().stream()
                .filter(r -> r.year() <= s.baseYear() || r.year() > asOf).toList());
        int last = Math.min(to == null ? s.horizon() : to, s.horizon());
        CompiledScenario compiled = c;
        if (Backtest.scoredActuals(scored, s.baseYear(), last, m -> compiled.rowOf(m) >= 0).isEmpty()) {
            // coverage, skill and Brier over nothing would print as NaN and "-" with exit 0
            throw nothingToScore(s, all, asOf, last);
        }
        ActualsOptions.describe(c).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        Catalogs catalogs = new Catalogs(Catalogs.of(s).targets(), scored);
        ProgressBar bar = ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr());
        McResult mc = MonteCarloRunner.summarise(c, run.options(), PathTargets.of(c, catalogs.targets().targets(), catalogs.history()),
                io.plansim.runner.RunControl.on(CliPool.of(run.options().threads())).withProgress(bar));
        if (bar != null) {
            bar.finish();
        }
        Backtest.Result r = Backtest.score(mc, catalogs.history(), catalogs.targets(), last, s.backtestBreaks());
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(s, mc, r).put("calibration", scoredLine)) + "\n";
            case CSV -> csv(r, zh);
            case TABLE, XLSX -> table(s, mc, r, zh ? BacktestCalibration.line(calibration.calibration(), cal, calibration.line(true), true)
                    : scoredLine, zh);
        };
        output.emit(spec.commandLine().getOut(), s.runId(), "-backtest", text);
        return 0;
    }

    /** No actual after the origin (or --as-of) up to the last year scored: which scenarios have some, or --history. */
    private static InputException nothingToScore(Scenario s, io.plansim.target.History history, int asOf, int last) {
        String region = s.id().contains("/") ? s.id().substring(0, s.id().indexOf('/') + 1) : "";
        List<String> backtests = ScenarioRepository.onClasspath().builtIns().stream()
                .filter(n -> n.contains("/backtest-") && !n.equals(s.id())).toList();
        List<String> near = backtests.stream().filter(n -> !region.isEmpty() && n.startsWith(region)).toList();
        int latest = history.records().stream().mapToInt(io.plansim.target.HistoryRecord::year).max().orElse(s.baseYear());
        boolean known = asOf > s.baseYear();
        return InputException.of(SourceLocation.commandLine(), known ? "--as-of" : "scenario " + s.id(),
                "no actuals after " + (known ? "--as-of " + asOf : "the base year " + s.baseYear()) + " up to " + last
                        + " to score (the latest in the history is of " + latest + ")",
                "a backtest scores a forecast against what happened later: "
                        + (known ? "an --as-of before " + latest + " leaves some to score"
                                : "run a scenario built at an earlier origin (" + String.join(", ", near.isEmpty() ? backtests : near) + ")")
                        + ", or give the later actuals with --history FILE");
    }

    /**
     * The scored rows, the coverage, skill and breaks, then the targets with P at the origin and their Brier scores;
     * in Chinese with {@code zh} (a column of the metrics' and targets' Chinese names beside their ids).
     */
    private static String table(Scenario s, McResult mc, Backtest.Result r, String scoredLine, boolean zh) {
        Dictionary d = Dictionary.get();
        StringBuilder sb = new StringBuilder();
        sb.append(d.format("text.backtest.title", zh, s.id(), s.baseYear(), mc.paths(), mc.seed())).append('\n').append(scoredLine).append("\n\n");
        TextTable t = new TextTable(NameColumn.alignment(zh, new boolean[] {false, true, true, true, true, true, true, false, true, true, true, false}));
        t.row(NameColumn.row(zh, d.words(zh, "text.col.metric.id", "year", "text.col.actual", "p05", "p50", "p95", "text.col.error",
                "text.col.in.bands", "text.col.crps", "text.col.plan.error", "text.col.drift.error", "text.col.break"), d.word("text.col.metric", zh)));
        for (BacktestRow x : r.rows()) {
            int v = mc.variableIndex(x.metric());
            t.row(NameColumn.row(zh, new String[] {x.metric(), String.valueOf(x.year()), Format.num(x.actual()), Format.num(x.quantiles()[0]),
                    Format.num(x.quantiles()[3]), Format.num(x.quantiles()[6]), Format.num(x.percentError()),
                    yes(x.in50(), "y", zh) + "/" + yes(x.in80(), "y", zh) + "/" + yes(x.in90(), "y", zh),
                    Format.num(x.crps()), Format.num(100 * x.planError() / x.actual()),
                    Format.num(100 * x.driftError() / x.actual()), x.acrossBreak() ? d.word("text.yes", zh) : "-"},
                    v < 0 ? x.metric() : mc.variables().get(v).nameZh()));
        }
        sb.append(t.render()).append('\n');
        Backtest.Summary scored = r.scored();
        Backtest.Summary all = r.all();
        List<BacktestRow> broken = r.rowsAcrossBreak();
        sb.append(d.format("text.backtest.coverage", zh, f2(scored.coverage50()), f2(scored.coverage80()), f2(scored.coverage90()),
                scored.spreadRows(), broken.isEmpty() ? "" : d.format("text.backtest.coverage.all", zh, all.spreadRows(),
                        f2(all.coverage50()), f2(all.coverage80()), f2(all.coverage90())))).append('\n');
        sb.append(d.format("text.backtest.skill", zh, Format.num(scored.skillVsPlan()), Format.num(scored.skillVsDrift()),
                broken.isEmpty() ? "" : d.format("text.backtest.skill.all", zh, Format.num(all.skillVsPlan()), Format.num(all.skillVsDrift()))))
                .append('\n');
        if (!broken.isEmpty()) {
            // rows sharing a reason are named together, the reason once
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            broken.forEach(x -> byReason.computeIfAbsent(x.breakReason(), k -> new ArrayList<>()).add(x.metric() + " " + x.year()));
            sb.append(d.format("text.backtest.breaks", zh, d.format(broken.size() == 1 ? "text.backtest.row" : "text.backtest.rows", zh, broken.size()),
                    String.join(d.word("semicolon", zh), byReason.entrySet().stream()
                            .map(e -> d.format("text.backtest.because", zh, String.join(d.word("list", zh), e.getValue()), e.getKey())).toList())))
                    .append('\n');
        }
        sb.append('\n');
        TextTable tt = new TextTable(NameColumn.alignment(zh, new boolean[] {false, true, false, true, true, false, true, false}));
        tt.row(NameColumn.row(zh, d.words(zh, "text.col.target.id", "year", "target", "text.col.p.origin", "text.col.actual", "text.col.met",
                "text.col.brier", "text.col.break"), d.word("text.col.metric", zh)));
        for (TargetOutcomeCheck x : r.targets()) {
            tt.row(NameColumn.row(zh, new String[] {x.target().id(), String.valueOf(x.target().year()), VerdictTables.statement(x.target(), zh),
                    Format.num(x.probability()), Format.num(x.actual()), yes(x.met(), "yes", zh), Format.num(x.brier()),
                    x.acrossBreak() ? d.word("text.yes", zh) : "-"}, x.target().nameZh()));
        }
        sb.append(tt.render());
        List<TargetOutcomeCheck> brokenTargets = r.targetsAcrossBreak();
        sb.append(d.format("text.backtest.brier", zh, scored.targets(), Format.num(scored.brier()), brokenTargets.isEmpty() ? ""
                : d.format("text.backtest.brier.all", zh, all.targets(), Format.num(all.brier()),
                        d.format(brokenTargets.size() == 1 ? "text.backtest.target" : "text.backtest.targets", zh, brokenTargets.size()),
                        String.join(d.word("list", zh), brokenTargets.stream().map(x -> x.target().id()).toList())))).append('\n');
        return sb.toString();
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** "y"/"n" or "yes"/"no" ({@code word}), 是/否 in Chinese. */
    private static String yes(boolean b, String word, boolean zh) {
        return Dictionary.get().word("text." + (b ? word : word.equals("y") ? "n" : "no"), zh);
    }

    private static String csv(Backtest.Result r, boolean zh) {
        List<String> header = List.of("metric", "year", "actual", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "error",
                "percent_error", "in50", "in80", "in90", "crps", "plan_forecast", "drift_forecast", "across_break", "break_reason");
        StringBuilder sb = new StringBuilder(Format.csvRow(zh ? header.stream().map(Dictionary.get()::columnZh).toList() : header));
        for (BacktestRow x : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(x.metric(), String.valueOf(x.year()), String.valueOf(x.actual())));
            for (double q : x.quantiles()) {
                cells.add(String.valueOf(q));
            }
            cells.addAll(List.of(String.valueOf(x.error()), String.valueOf(x.percentError()), String.valueOf(x.in50()),
                    String.valueOf(x.in80()), String.valueOf(x.in90()), String.valueOf(x.crps()),
                    Double.isFinite(x.planForecast()) ? String.valueOf(x.planForecast()) : "",
                    Double.isFinite(x.driftForecast()) ? String.valueOf(x.driftForecast()) : "",
                    String.valueOf(x.acrossBreak()), x.acrossBreak() ? x.breakReason() : ""));
            sb.append(Format.csvRow(cells));
        }
        return sb.toString();
    }

    private static ObjectNode json(Scenario s, McResult mc, Backtest.Result r) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("scenario", s.id());
        root.put("origin", s.baseYear());
        root.put("paths", mc.paths());
        root.put("seed", mc.seed());
        ArrayNode metrics = root.putArray("metrics");
        String[] names = {"p05", "p10", "p25", "p50", "p75", "p90", "p95"};
        for (BacktestRow x : r.rows()) {
            ObjectNode n = metrics.addObject();
            n.put("metric", x.metric());
            n.put("unit", x.unit());
            n.put("year", x.year());
            ObjectNode q = n.putObject("quantiles");
            for (int i = 0; i < names.length; i++) {
                q.put(names[i], x.quantiles()[i]);
            }
            n.put("actual", x.actual());
            n.put("error", x.error());
            n.put("percentError", x.percentError());
            n.put("in50", x.in50());
            n.put("in80", x.in80());
            n.put("in90", x.in90());
            n.put("pointForecast", !x.hasSpread());
            n.put("crps", x.crps());
            Format.json(n, "planForecast", x.planForecast());
            Format.json(n, "planError", x.planError());
            if (x.planSource() != null) {
                n.put("planTarget", x.planSource());
            }
            Format.json(n, "driftForecast", x.driftForecast());
            Format.json(n, "driftError", x.driftError());
            breakFields(n, x.breakReason());
        }
        // the headline figures leave out what is across a statistical break; "all" has them over every row
        ObjectNode summary = root.putObject("summary");
        summary(summary, r.scored());
        summary.put("rowsAcrossBreak", r.rowsAcrossBreak().size());
        summary.put("targetsAcrossBreak", r.targetsAcrossBreak().size());
        summary(summary.putObject("all"), r.all());
        ObjectNode breaks = root.putObject("breaks");
        new java.util.TreeMap<>(s.backtestBreaks()).forEach(breaks::put);
        ArrayNode targets = root.putArray("targets");
        for (TargetOutcomeCheck x : r.targets()) {
            ObjectNode n = targets.addObject();
            n.put("id", x.target().id());
            n.put("metric", x.target().metric());
            n.put("year", x.target().year());
            n.put("probability", x.probability());
            n.put("actual", x.actual());
            n.put("outcome", x.met());
            n.put("brier", x.brier());
            breakFields(n, x.breakReason());
        }
        return root;
    }

    static void summary(ObjectNode n, Backtest.Summary x) {
        n.put("rows", x.rows());
        n.put("rowsWithSpread", x.spreadRows());
        Format.json(n, "coverage50", x.coverage50());
        Format.json(n, "coverage80", x.coverage80());
        Format.json(n, "coverage90", x.coverage90());
        Format.json(n, "skillVsPlan", x.skillVsPlan());
        Format.json(n, "skillVsDrift", x.skillVsDrift());
        Format.json(n, "meanRelativeCrps", x.meanRelativeCrps());
        n.put("targets", x.targets());
        Format.json(n, "brier", x.brier());
    }

    private static void breakFields(ObjectNode n, String reason) {
        n.put("acrossBreak", reason != null);
        if (reason != null) {
            n.put("breakReason", reason);
        }
    }

}
