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

    @Option(names = "--central-only", description = "No Monte Carlo: verdicts from the central path's margin to each target (docs/TARGETS.md).")
    boolean centralOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        Catalogs catalogs = options.actuals.catalogs(s);
        var compiled = options.actuals.condition(io.plansim.compile.ScenarioCompiler.compile(s), s, catalogs.history());
        ActualsOptions.describe(compiled).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        boolean mc = !centralOnly;
        Projection p;
        List<TargetVerdict> verdicts;
        if (mc) {
            McCommand.Result r = McCommand.execute(s, compiled, catalogs, run.options(), ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr()));
            p = r.central();
            verdicts = r.verdicts();
        } else {
            p = DeterministicRunner.run(compiled);
            verdicts = TargetJudge.judge(catalogs.targets(), p, catalogs.history());
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(VerdictTables.json(p.scenario(), verdicts, mc ? run.paths : 0, run.seed)) + "\n";
            case CSV -> VerdictTables.table(p.scenario(), verdicts).write().toString("csv");
            case TABLE -> s.title() + ": " + verdicts.size() + " targets from " + catalogs.targets().file() + "\n"
                    + VerdictTables.basis(mc ? run.paths : 0, run.seed, false) + "\n\n" + VerdictTables.text(verdicts);
        };
        output.emit(spec.commandLine().getOut(), p.scenario(), "-targets", text);
        return 0;
    }
}
