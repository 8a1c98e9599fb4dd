package io.plansim.app;

import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.report.Workbooks;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.report.Labels;
import io.plansim.tables.Dictionary;
import io.plansim.tables.McTables;
import io.plansim.tables.Tables;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.ProjectionTables;
import io.plansim.service.Forecasts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim mc}: Monte Carlo over the scenario's uncertainty, with a probability for every target. */
@Command(name = "mc", mixinStandardHelpOptions = true,
        description = "Monte Carlo: percentiles of every variable and the probability of every target.")
final class McCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Mixin
    McRunOptions run;

    @Mixin
    OutputOptions output;

    @Mixin
    CalibrationOptions calibration;

    @Option(names = "--replay-path", paramLabel = "I", description = "Print path I of this run (same seed, paths, sampler) instead of the summary: "
            + "every variable by year, as a table, csv or json (--format).")
    Long replay;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean workbook = output.workbook();
        if (replay != null) {
            UnusedOptions.refuse(spec, "a replayed path is printed in English (table, csv or json)", "--lang");
        }
        boolean zh = output.zh();
        Scenario s = options.load();
        McOptions o = run.options();
        Forecasts.Prepared prepared = calibration.apply(CliForecasts.service(o.threads()).prepare(options.request()));
        if (replay != null) {
            if (workbook) {
                throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--format",
                        "xlsx with --replay-path", "json, csv or table for one replayed path (a workbook is for the whole run)");
            }
            if (replay < 0 || replay >= o.paths()) {
                throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--replay-path",
                        String.valueOf(replay), "a path index from 0 to " + (o.paths() - 1));
            }
            Projection p = MonteCarloRunner.replay(prepared.compiled(), o, replay);
            String text = switch (output.format) {
                case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProjectionJson.toJson(p)) + "\n";
                case CSV -> ProjectionTables.wide(p, List.of()).write().toString("csv");
                case TABLE -> s.title() + ": path " + replay + " of " + o.paths() + " (seed " + o.seed() + ", sampler "
                        + o.sampler().name().toLowerCase(Locale.ROOT) + "), one Monte Carlo path as drawn, neither the central path nor a percentile\n"
                        + "real = constant " + s.baseYear() + " prices; nominal = current prices. --format json|csv for machine-readable output.\n\n"
                        + io.plansim.tables.ProjectionTables.text(p, List.of(), false);
                case XLSX -> throw new IllegalStateException("refused above");
            };
            output.emit(spec.commandLine().getOut(), s.runId(), "-path-" + replay, text);
            return 0;
        }
        Forecasts.notes(prepared.compiled()).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        Forecasts.Simulation r = CliForecasts.simulate(prepared, o, ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr()));
        String warning = r.failedPathsWarning();
        options.warnImplausible(r.central());
        if (warning != null) {
            spec.commandLine().getErr().println("warning: " + warning);
        }
        if (workbook) {
            output.emitWorkbook(spec.commandLine().getOut(), s.runId(), "-mc",
                    () -> Workbooks.mc(s, r.central(), r.verdicts(), r.mc(), r.calibration(), warning, Main.version(), output.lang));
            return 0;
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(withWarning(McTables.json(r.mc(), r.verdicts(), Main.version(), r.central()), warning).put("calibration", calibration.line(false))) + "\n";
            case CSV -> Tables.csv(McTables.longTable(r.mc()), zh);
            case TABLE -> Dictionary.get().format("text.mc.title", zh, Labels.forText(output.lang).scenarioName(s), r.mc().paths(), o.seed(),
                    Dictionary.get().word("text.sampler." + r.mc().sampler(), zh), r.mc().quantiles().accuracy(zh)) + "\n"
                    + calibration.line(zh) + "\n" + warningLine(r.mc(), zh)
                    + "\n" + McTables.text(r.mc(), RunCommand.MAIN, r.verdicts(), r.central(), zh);
            case XLSX -> throw new IllegalStateException("written above");
        };
        output.emit(spec.commandLine().getOut(), s.runId(), "-mc", text);
        return 0;
    }

    /** The failed-path warning as a table prints it under its header line, "" when no path failed. */
    static String warningLine(io.plansim.aggregate.McResult mc, boolean zh) {
        String w = McTables.failedPaths(mc, zh);
        return w == null ? "" : Dictionary.get().format("text.warning", zh, w) + "\n";
    }

    /** A JSON result with the failed-path warning as "warning" (when there is one), as targets --format json has it. */
    static com.fasterxml.jackson.databind.node.ObjectNode withWarning(com.fasterxml.jackson.databind.node.ObjectNode json, String warning) {
        if (warning != null) {
            json.put("warning", warning);
        }
        return json;
    }

}
