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
import io.plansim.runner.MonteCarloRunner;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.TextTable;
import java.util.Locale;
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
    OutputOptions output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        if (origin != null && origin != s.baseYear()) {
            throw InputException.of(SourceLocation.commandLine(), "--origin", String.valueOf(origin),
                    "the scenario's base year " + s.baseYear() + ": a backtest forecasts from what was known then; "
                            + "use a scenario built at that origin (e.g. yiwu/backtest-" + origin + ")");
        }
        Catalogs catalogs = Catalogs.of(s);
        CompiledScenario c = ScenarioCompiler.compile(s);
        ProgressBar bar = run.quiet ? null : new ProgressBar(spec.commandLine().getErr());
        McResult mc = MonteCarloRunner.run(c, run.options(), PathTargets.of(c, catalogs.targets().targets(), catalogs.history()), bar);
        if (bar != null) {
            bar.finish();
        }
        Backtest.Result r = Backtest.score(mc, catalogs.history(), catalogs.targets(), to == null ? s.horizon() : to);
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(s, mc, r)) + "\n";
            case CSV -> csv(r);
            case TABLE -> table(s, mc, r);
        };
        output.emit(spec.commandLine().getOut(), s.id(), "-backtest", text);
        return 0;
    }


    private static String table(Scenario s, McResult mc, Backtest.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Backtest of ").append(s.id()).append(": origin ").append(s.baseYear()).append(", ").append(mc.paths())
                .append(" paths, seed ").append(mc.seed()).append("\n\n");
        TextTable t = new TextTable(new boolean[] {false, true, true, true, true, true, true, false, true, true, true});
        t.row("metric", "year", "actual", "p05", "p50", "p95", "err %", "in 50/80/90", "CRPS", "plan err %", "drift err %");
        for (BacktestRow x : r.rows()) {
            t.row(x.metric(), String.valueOf(x.year()), io.plansim.tables.Format.num(x.actual()), io.plansim.tables.Format.num(x.quantiles()[0]), io.plansim.tables.Format.num(x.quantiles()[3]), io.plansim.tables.Format.num(x.quantiles()[6]),
                    io.plansim.tables.Format.num(x.percentError()), (x.in50() ? "y" : "n") + "/" + (x.in80() ? "y" : "n") + "/" + (x.in90() ? "y" : "n"),
                    io.plansim.tables.Format.num(x.crps()), io.plansim.tables.Format.num(100 * x.planError() / x.actual()), io.plansim.tables.Format.num(100 * x.driftError() / x.actual()));
        }
        sb.append(t.render()).append('\n');
        sb.append(String.format(Locale.ROOT, "coverage: 50%% interval %.2f, 80%% interval %.2f, 90%% interval %.2f (of %d actuals with a forecast spread)%n",
                r.coverage(50), r.coverage(80), r.coverage(90), r.rows().stream().filter(x -> x.quantiles()[6] > x.quantiles()[0]).count()));
        sb.append(String.format(Locale.ROOT, "skill (1 - MAPE plansim / MAPE naive): vs the plan %s, vs drift %s%n%n",
                io.plansim.tables.Format.num(r.skillAgainstPlan()), io.plansim.tables.Format.num(r.skillAgainstDrift())));
        TextTable tt = new TextTable(new boolean[] {false, true, false, true, true, false, true});
        tt.row("target", "year", "target", "P at origin", "actual", "met", "Brier");
        for (TargetOutcomeCheck x : r.targets()) {
            tt.row(x.target().id(), String.valueOf(x.target().year()), x.target().statement(), io.plansim.tables.Format.num(x.probability()), io.plansim.tables.Format.num(x.actual()),
                    x.met() ? "yes" : "no", io.plansim.tables.Format.num(x.brier()));
        }
        sb.append(tt.render());
        sb.append(String.format(Locale.ROOT, "Brier score over %d targets: %s%n", r.targets().size(), io.plansim.tables.Format.num(r.brier())));
        return sb.toString();
    }

    private static String csv(Backtest.Result r) {
        StringBuilder sb = new StringBuilder("metric,year,actual,p05,p10,p25,p50,p75,p90,p95,error,percent_error,in50,in80,in90,crps,plan_forecast,drift_forecast\n");
        for (BacktestRow x : r.rows()) {
            sb.append(x.metric()).append(',').append(x.year()).append(',').append(x.actual());
            for (double q : x.quantiles()) {
                sb.append(',').append(q);
            }
            sb.append(',').append(x.error()).append(',').append(x.percentError()).append(',').append(x.in50()).append(',')
                    .append(x.in80()).append(',').append(x.in90()).append(',').append(x.crps()).append(',')
                    .append(Double.isFinite(x.planForecast()) ? String.valueOf(x.planForecast()) : "").append(',')
                    .append(Double.isFinite(x.driftForecast()) ? String.valueOf(x.driftForecast()) : "").append('\n');
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
            n.put("pointForecast", !(x.quantiles()[6] > x.quantiles()[0]));
            n.put("crps", x.crps());
            io.plansim.tables.Format.json(n, "planForecast", x.planForecast());
            io.plansim.tables.Format.json(n, "planError", x.planError());
            if (x.planSource() != null) {
                n.put("planTarget", x.planSource());
            }
            io.plansim.tables.Format.json(n, "driftForecast", x.driftForecast());
            io.plansim.tables.Format.json(n, "driftError", x.driftError());
        }
        ObjectNode summary = root.putObject("summary");
        io.plansim.tables.Format.json(summary, "coverage50", r.coverage(50));
        io.plansim.tables.Format.json(summary, "coverage80", r.coverage(80));
        io.plansim.tables.Format.json(summary, "coverage90", r.coverage(90));
        io.plansim.tables.Format.json(summary, "skillVsPlan", r.skillAgainstPlan());
        io.plansim.tables.Format.json(summary, "skillVsDrift", r.skillAgainstDrift());
        io.plansim.tables.Format.json(summary, "brier", r.brier());
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
        }
        return root;
    }

}
