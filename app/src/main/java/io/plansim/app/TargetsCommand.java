package io.plansim.app;

import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.VerdictTables;
import io.plansim.verdict.TargetJudge;
import io.plansim.verdict.TargetVerdict;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim targets}: every plan target judged against a scenario's central path and the actuals. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = "Judge every plan target against a scenario: central projection, gap, growth needed, verdict.")
final class TargetsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Mixin
    OutputOptions output;

    @Mixin
    McRunOptions run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        Catalogs catalogs = options.actuals.catalogs(s);
        var compiled = options.actuals.condition(io.plansim.compile.ScenarioCompiler.compile(s), s, catalogs.history());
        ActualsOptions.describe(compiled).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        boolean mc = spec.commandLine().getParseResult().hasMatchedOption("--paths");
        Projection p;
        List<TargetVerdict> verdicts;
        String warning = null;
        if (mc) {
            McCommand.Result r = McCommand.execute(s, compiled, catalogs, run.options(), ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr()));
            p = r.central();
            verdicts = r.verdicts();
            warning = r.warning();
        } else {
            p = DeterministicRunner.run(compiled);
            verdicts = TargetJudge.judge(catalogs.targets(), p, catalogs.history());
        }
        if (warning != null) {
            spec.commandLine().getErr().println("warning: " + warning);
        }
        options.warnImplausible(p);
        com.fasterxml.jackson.databind.node.ObjectNode json = McCommand.withWarning(VerdictTables.json(p.scenario(), verdicts), warning);
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
            case CSV -> VerdictTables.table(p.scenario(), verdicts).write().toString("csv");
            case TABLE -> s.title() + ": " + verdicts.size() + " targets from " + catalogs.targets().file()
                    + (mc ? " (" + run.paths + " Monte Carlo paths, seed " + run.seed + "; verdicts follow P(met))" : " (central path)")
                    + "; gap = central - target; need = annual growth from the latest actual to meet it\n"
                    + (warning == null ? "" : "warning: " + warning + "\n") + "\n"
                    + VerdictTables.text(verdicts);
        };
        output.emit(spec.commandLine().getOut(), p.scenario(), "-targets", text);
        return 0;
    }
}
