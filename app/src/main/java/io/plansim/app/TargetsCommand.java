package io.plansim.app;

import io.plansim.runner.McOptions;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.report.Labels;
import io.plansim.tables.Dictionary;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.Tables;
import io.plansim.tables.VerdictTables;
import io.plansim.service.Forecasts;
import io.plansim.verdict.TargetVerdict;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plansim targets}: every plan target judged against a scenario and the actuals. By default the
 * verdicts follow the Monte Carlo probability with the same paths and seed as {@code mc} and {@code report},
 * so the three agree; {@code --central-only} judges on the central path alone and says so.
 */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"Judge every plan target against a scenario: central figure, gap (ahead/short), growth needed, P(met), verdict.",
            "Verdicts follow the Monte Carlo probability (same defaults as mc and report); --central-only judges on the central path alone."})
final class TargetsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Mixin
    OutputOptions output;

    @Mixin
    McRunOptions run;

    @Mixin
    CalibrationOptions calibration;

    @Option(names = "--central-only", description = "No Monte Carlo: verdicts from the central path's margin to each target (docs/TARGETS.md).")
    boolean centralOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean workbook = output.workbook();
        boolean zh = output.zh();
        if (centralOnly) {
            UnusedOptions.refuse(spec, "with --central-only the central path alone is judged, no Monte Carlo is run",
                    "--paths", "--seed", "--sampler", "--raw", "--calibration");
        }
        Scenario s = options.load();
        Catalogs catalogs = options.actuals.catalogs(s); // a scenario without a catalog is an error here
        boolean mc = !centralOnly;
        McOptions o = run.options();
        Forecasts service = CliForecasts.service(o.threads());
        Forecasts.Prepared prepared = calibration.apply(service.prepare(options.request()));
        var compiled = prepared.compiled();
        Forecasts.notes(compiled).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        Projection p;
        List<TargetVerdict> verdicts;
        String warning = null;
        io.plansim.aggregate.McResult mcResult = null;
        if (mc) {
            Forecasts.Simulation r = CliForecasts.simulate(prepared, o, ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr()));
            p = r.central();
            verdicts = r.verdicts();
            warning = r.failedPathsWarning();
            mcResult = r.mc();
        } else {
            Forecasts.Central r = service.central(prepared);
            p = r.central();
            verdicts = r.verdicts();
        }
        if (warning != null) {
            spec.commandLine().getErr().println("warning: " + warning);
        }
        options.warnImplausible(p);
        // what was known of each target's metric when (the nowcast's notes): "actual 2021, nowcast 2022 from Jan-Nov"
        java.util.Map<String, String> known = new java.util.TreeMap<>();
        compiled.observations().notes().forEach(n -> known.put(n.metric(), n.text()));
        if (workbook) {
            Projection central = p;
            io.plansim.aggregate.McResult simulated = mcResult;
            String warned = warning;
            output.emitWorkbook(spec.commandLine().getOut(), p.scenario(), "-targets", () -> io.plansim.report.Workbooks.targets(
                    s, central, verdicts, simulated, calibration.calibration(), run.seed, warned, Main.version(), output.lang));
            return 0;
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(withKnown(McCommand.withWarning(VerdictTables.json(p.scenario(), verdicts, mc ? run.paths : 0, run.seed), warning), known).put("calibration", mc ? calibration.line(false) : "central path only")) + "\n";
            case CSV -> Tables.csv(VerdictTables.table(p.scenario(), verdicts), zh);
            case TABLE -> Dictionary.get().format("text.targets.title", zh, Labels.forText(output.lang).scenarioName(s), verdicts.size(),
                    catalogs.targets().file()) + "\n" + VerdictTables.basis(mc ? run.paths : 0, run.seed, zh) + "\n"
                    + (mc ? calibration.line(zh) + "\n" + McCommand.warningLine(mcResult, zh) : "")
                    + knownLines(verdicts, known, zh) + "\n" + VerdictTables.text(verdicts, zh);
            case XLSX -> throw new IllegalStateException("written above");
        };
        output.emit(spec.commandLine().getOut(), p.scenario(), "-targets", text);
        return 0;
    }

    /** Per target on a conditioned metric, what was known of it: {@code "known": "actual 2021, ..."}. */
    private static com.fasterxml.jackson.databind.node.ObjectNode withKnown(com.fasterxml.jackson.databind.node.ObjectNode json,
                                                                            java.util.Map<String, String> known) {
        if (!known.isEmpty()) {
            for (com.fasterxml.jackson.databind.JsonNode t : json.path("targets")) {
                String note = known.get(t.path("metric").asText());
                if (note != null && t instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                    o.put("known", note);
                }
            }
        }
        return json;
    }

    /** Under the table's header: what was known, per metric a target is on. */
    private static String knownLines(List<TargetVerdict> verdicts, java.util.Map<String, String> known, boolean zh) {
        StringBuilder sb = new StringBuilder();
        verdicts.stream().map(v -> v.target().metric()).distinct().sorted().filter(known::containsKey)
                .forEach(m -> sb.append(Dictionary.get().format("text.known", zh, m, known.get(m))).append('\n'));
        return sb.toString();
    }
}
