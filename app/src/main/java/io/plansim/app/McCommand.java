package io.plansim.app;

import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.tables.McTables;
import io.plansim.tables.ProjectionJson;
import io.plansim.verdict.TargetJudge;
import io.plansim.verdict.TargetVerdict;
import java.util.List;
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

    @Option(names = "--replay-path", paramLabel = "I", description = "Print path I of this run (same seed, paths, sampler) instead of the summary.")
    Long replay;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        CompiledScenario c = options.actuals.compile(s);
        McOptions o = run.options();
        if (replay != null) {
            if (replay < 0 || replay >= o.paths()) {
                throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--replay-path",
                        String.valueOf(replay), "a path index from 0 to " + (o.paths() - 1));
            }
            Projection p = MonteCarloRunner.replay(c, o, replay);
            output.emit(spec.commandLine().getOut(), s.runId(), "-path-" + replay,
                    ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProjectionJson.toJson(p)) + "\n");
            return 0;
        }
        ActualsOptions.describe(c).forEach(m -> spec.commandLine().getErr().println("note: " + m));
        Result r = execute(s, c, s.targets() == null ? null : options.actuals.catalogs(s), o,
                ProgressBar.unlessQuiet(run.quiet, spec.commandLine().getErr()));
        options.warnImplausible(r.central());
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(withWarning(McTables.json(r.mc(), r.verdicts(), Main.version(), r.central()), r.warning())) + "\n";
            case CSV -> McTables.longTable(r.mc()).write().toString("csv");
            case TABLE -> s.title() + ": " + r.mc().paths() + " paths, seed " + o.seed() + ", sampler " + r.mc().sampler()
                    + ", percentiles " + r.mc().quantiles().accuracy() + "\n" + (r.warning() == null ? "" : "warning: " + r.warning() + "\n")
                    + "\n" + McTables.text(r.mc(), RunCommand.MAIN, r.verdicts(), r.central());
        };
        if (r.warning() != null) {
            spec.commandLine().getErr().println("warning: " + r.warning());
        }
        output.emit(spec.commandLine().getOut(), s.runId(), "-mc", text);
        return 0;
    }

    /**
     * The run, the verdicts it gives, the central path they were judged with, and a warning when some paths
     * failed (null when none did).
     */
    record Result(McResult mc, List<TargetVerdict> verdicts, Projection central, String warning) {
    }

    /** A JSON result with the failed-path warning as "warning" (when there is one), as targets --format json has it. */
    static com.fasterxml.jackson.databind.node.ObjectNode withWarning(com.fasterxml.jackson.databind.node.ObjectNode json, String warning) {
        if (warning != null) {
            json.put("warning", warning);
        }
        return json;
    }


    /** Runs the Monte Carlo and judges the scenario's targets with it (when it names a catalog). */
    static Result execute(Scenario s, CompiledScenario c, McOptions o, ProgressBar bar) {
        return execute(s, c, s.targets() == null ? null : Catalogs.of(s), o, bar);
    }

    /** As above with the catalogs given (a history with the user's actuals; null when the scenario names none). */
    static Result execute(Scenario s, CompiledScenario c, Catalogs catalogs, McOptions o, ProgressBar bar) {
        PathTargets targets = catalogs == null ? PathTargets.none()
                : PathTargets.of(c, catalogs.targets().targets(), catalogs.history());
        McResult mc;
        try {
            mc = MonteCarloRunner.summarise(c, o, targets, io.plansim.runner.RunControl.on(CliPool.of(o.threads())).withProgress(bar));
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        String warning = io.plansim.verdict.FailedPaths.check(s.lineage().get(0), mc);
        Projection central = DeterministicRunner.run(c);
        List<TargetVerdict> verdicts = catalogs == null ? List.of()
                : TargetJudge.judge(catalogs.targets(), central, catalogs.history(), mc);
        return new Result(mc, verdicts, central, warning);
    }
}
