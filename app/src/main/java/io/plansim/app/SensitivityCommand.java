package io.plansim.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.PathTargets;
import io.plansim.analysis.Sensitivity;
import io.plansim.analysis.SobolIndices;
import io.plansim.compile.CompiledScenario;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.scenario.Uncertainty;
import io.plansim.tables.Dictionary;
import io.plansim.tables.Format;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.SensitivityTables;
import io.plansim.tables.Tables;
import io.plansim.tables.TextTable;
import io.plansim.target.Target;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim sensitivity}: what matters most, as a tornado or as Sobol indices. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Which uncertain parameters matter most for an output: tornado (one at a time) or Sobol indices.")
final class SensitivityCommand implements Callable<Integer> {
    enum Method { TORNADO, SOBOL }

    @Mixin
    ScenarioOptions options;

    @Option(names = "--output", required = true, paramLabel = "METRIC@YEAR|TARGET",
            description = "A variable in a year (gdp_nominal@2035) or a target id (its outcome).")
    String outputSpec;

    @Option(names = "--method", defaultValue = "tornado", description = "tornado or sobol (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "4096", description = "Sobol base sample N; N (d + 2) model runs (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--bootstrap", defaultValue = "500", description = "Bootstrap resamples for the Sobol intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputOptions output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean zh = output.zh();
        if (method == Method.TORNADO) {
            UnusedOptions.refuse(spec, "the tornado moves each parameter to its 10th and 90th percentile, it draws no "
                    + "sample (--paths, --bootstrap and --seed are --method sobol's)", "--paths", "--bootstrap", "--seed");
        }
        Scenario s = options.load();
        CompiledScenario c = CliForecasts.service().prepare(options.request()).compiled();
        List<Uncertainty.Parameter> ps = s.uncertainty().parameters();
        if (ps.isEmpty()) {
            throw InputException.of(new SourceLocation(s.lineage().get(0), 0, 0), "uncertainty.parameters", "no uncertain parameters",
                    "sensitivity needs at least one parameter with a distribution under uncertainty.parameters");
        }
        if (paths < 16 || bootstrap < 20) {
            throw InputException.of(SourceLocation.commandLine(), "--paths/--bootstrap", paths + "/" + bootstrap,
                    "at least 16 base samples and 20 bootstrap resamples");
        }
        ToDoubleFunction<double[]> out = output(s, c);
        ObjectNode json = ProjectionJson.MAPPER.createObjectNode();
        json.put("scenario", s.id());
        json.put("output", outputSpec);
        json.put("method", method.name().toLowerCase(Locale.ROOT));
        json.put("atMedians", Sensitivity.atMedians(c, out)); // the tornado's reference, not the central path
        json.putArray("parameters"); // its place in the output: filled below
        StringBuilder text = new StringBuilder();
        tech.tablesaw.api.Table table;
        if (method == Method.TORNADO) {
            List<Sensitivity.Bar> bars = Sensitivity.tornado(c, out);
            table = SensitivityTables.tornado(outputSpec, bars);
            TextTable t = new TextTable(new boolean[] {false, true, true, true, true, true});
            t.row(Dictionary.get().words(zh, "text.col.parameter", "text.col.p10.input", "text.col.p90.input", "text.col.output.p10",
                    "text.col.output.p90", "text.col.swing"));
            for (Sensitivity.Bar b : bars) {
                t.row(b.parameter(), Format.num(b.lowInput()), Format.num(b.highInput()), Format.num(b.atLow()), Format.num(b.atHigh()), Format.num(b.swing()));
            }
            text.append(Dictionary.get().format("text.tornado.title", zh, outputSpec, Format.num(json.get("atMedians").asDouble())))
                    .append("\n\n").append(t.render());
        } else {
            SobolIndices.Result r = SobolIndices.analyse(ps.size(), Sensitivity.model(c, out), paths, bootstrap, seed);
            json.put("runs", r.runs());
            json.put("variance", r.variance());
            table = SensitivityTables.sobol(outputSpec, ps.stream().map(p -> p.driver().path()).toList(),
                    ps.stream().map(p -> p.distribution().describe()).toList(), r);
            TextTable t = new TextTable(new boolean[] {false, true, false, true, false});
            t.row(Dictionary.get().words(zh, "text.col.parameter", "text.col.first", "ci", "text.col.total", "ci"));
            for (int i = 0; i < ps.size(); i++) {
                Uncertainty.Parameter p = ps.get(i);
                t.row(p.driver().path(), Format.num(r.first()[i]), "[" + Format.num(r.firstLow()[i]) + ", " + Format.num(r.firstHigh()[i]) + "]",
                        Format.num(r.total()[i]), "[" + Format.num(r.totalLow()[i]) + ", " + Format.num(r.totalHigh()[i]) + "]");
            }
            text.append(Dictionary.get().format("text.sobol.title", zh, outputSpec, r.runs(), bootstrap)).append("\n\n").append(t.render());
        }
        json.set("parameters", Tables.jsonRows(table));
        String result = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
            case CSV -> Tables.csv(table, zh);
            default -> text.toString();
        };
        output.emit(spec.commandLine().getOut(), s.runId(), "-sensitivity", result);
        return 0;
    }

    private ToDoubleFunction<double[]> output(Scenario s, CompiledScenario c) {
        int at = outputSpec.indexOf('@');
        try {
            if (at > 0) {
                return Sensitivity.variableAt(c, outputSpec.substring(0, at), Integer.parseInt(outputSpec.substring(at + 1)));
            }
            Catalogs catalogs = options.actuals.catalogs(s);
            Target t = catalogs.targets().byId(outputSpec);
            if (t == null) {
                throw new IllegalArgumentException("no target " + outputSpec + " in " + catalogs.targets().file());
            }
            PathTargets one = PathTargets.of(c, List.of(t), catalogs.history());
            if (one.size() == 0) {
                throw new IllegalArgumentException("target " + outputSpec + " is not in the projected years");
            }
            return Sensitivity.targetOutcome(one);
        } catch (IllegalArgumentException e) {
            throw InputException.of(SourceLocation.commandLine(), "--output", "'" + outputSpec + "' (" + e.getMessage() + ")",
                    "METRIC@YEAR such as gdp_nominal@2035, or a target id");
        }
    }

}
