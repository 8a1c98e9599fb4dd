package io.plansim.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.analysis.DriverSetting;
import io.plansim.analysis.RequiredDriverSolver;
import io.plansim.analysis.SolveResult;
import io.plansim.compile.CompiledScenario;
import io.plansim.scenario.Driver;
import io.plansim.scenario.DrawMode;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.scenario.Suggestions;
import io.plansim.tables.Dictionary;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.TextTable;
import io.plansim.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim solve}: the driver value that meets a target, centrally or with a chosen probability. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "What would it take: the driver value at which a target is met (central path, or on a share P of paths).")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--target", required = true, paramLabel = "ID", description = "Target id from the catalog, or 'all'.")
    String targetId;

    @Option(names = "--driver", required = true, paramLabel = "PATH", description = "Driver to solve for, e.g. production.tfpGrowth.")
    String driverPath;

    @Option(names = "--period", paramLabel = "Y1-Y2", description = "Years the driver takes the value (default: the year after the base to the target year).")
    String period;

    @Option(names = "--shift", description = "Solve for a shift added to the driver's path instead of a level replacing it.")
    boolean shift;

    @Option(names = "--range", paramLabel = "LO,HI", split = ",", description = "Bracket to search (default: the driver's allowed range; for --shift, +/- half of it).")
    double[] range;

    @Option(names = "--probability", paramLabel = "P", description = "Meet the target on a share P of Monte Carlo paths (common random numbers).")
    Double probability;

    @Mixin
    McRunOptions run;

    @Mixin
    OutputOptions output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    record Row(Target target, DriverSetting knob, SolveResult result) {
    }

    @Override
    public Integer call() throws Exception {
        boolean zh = output.zh();
        if (probability == null) {
            UnusedOptions.refuse(spec, "without --probability the solver moves the central path alone, no Monte Carlo is run",
                    "--paths", "--seed", "--sampler");
        }
        Scenario s = options.load();
        Catalogs catalogs = options.actuals.catalogs(s);
        Driver driver = Driver.byPath(driverPath).orElseThrow(() -> InputException.of(SourceLocation.commandLine(), "--driver",
                "'" + driverPath + "'", Suggestions.allowed(driverPath, Arrays.stream(Driver.values()).map(Driver::path).toList())));
        if (probability != null && !(probability > 0 && probability < 1)) {
            throw InputException.of(SourceLocation.commandLine(), "--probability", String.valueOf(probability), "a share strictly between 0 and 1");
        }
        double lo = range != null && range.length == 2 ? range[0] : shift ? -(driver.max() - driver.min()) / 2 : driver.min();
        double hi = range != null && range.length == 2 ? range[1] : shift ? (driver.max() - driver.min()) / 2 : driver.max();
        if (range != null && (range.length != 2 || !(range[0] < range[1]))) {
            throw InputException.of(SourceLocation.commandLine(), "--range", Arrays.toString(range), "two numbers LO,HI with LO < HI");
        }
        List<Target> targets = new ArrayList<>();
        if (targetId.equals("all")) {
            for (Target t : catalogs.targets().targets()) {
                if (t.year() > s.baseYear() && t.year() <= s.horizon()) {
                    targets.add(t);
                }
            }
        } else {
            Target t = catalogs.targets().byId(targetId);
            if (t == null) {
                throw InputException.of(SourceLocation.commandLine(), "--target", "'" + targetId + "'",
                        Suggestions.allowed(targetId, catalogs.targets().targets().stream().map(Target::id).toList()));
            }
            targets.add(t);
        }
        CompiledScenario c = CliForecasts.service().prepare(options.request()).compiled();
        if (probability != null && s.uncertainty().parameters().stream()
                .anyMatch(p -> p.driver() == driver && p.mode() == DrawMode.REPLACE)) {
            // a draw that replaces the driver would overwrite every trial value: the probability could not move
            throw InputException.of(SourceLocation.commandLine(), "--driver", driverPath
                            + " is drawn per path with apply: replace, which overrides any value the solver tries",
                    "restate its distribution in the scenario as a spread around the driver's value (apply: shift or scale)");
        }
        List<Row> rows = new ArrayList<>();
        for (Target t : targets) {
            int[] years = years(s, t);
            DriverSetting knob = new DriverSetting(driver, years[0], years[1], shift ? DrawMode.SHIFT : DrawMode.REPLACE);
            try {
                SolveResult r = probability == null
                        ? RequiredDriverSolver.central(c, t, catalogs.history(), knob, lo, hi)
                        : RequiredDriverSolver.probability(c, t, catalogs.history(), knob, lo, hi, probability, run.options(),
                                CliPool.of(run.options().threads()));
                rows.add(new Row(t, knob, r));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(t, knob, SolveResult.notSolvable(lo, hi, e.getMessage())));
            }
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(s, rows)) + "\n";
            case CSV, TABLE, XLSX -> table(rows, output.format == OutputFormat.CSV, zh);
        };
        output.emit(spec.commandLine().getOut(), s.runId(), "-solve", text);
        return 0;
    }

    private int[] years(Scenario s, Target t) {
        if (period == null) {
            return new int[] {s.baseYear() + 1, t.year()};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})-(\\d{4})$").matcher(period.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) <= s.baseYear() || Integer.parseInt(m.group(2)) > s.horizon()
                || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw InputException.of(SourceLocation.commandLine(), "--period", "'" + period + "'",
                    "a range within " + (s.baseYear() + 1) + "-" + s.horizon() + ", e.g. 2026-2035");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private ObjectNode json(Scenario s, List<Row> rows) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("scenario", s.runId()); // with its overrides, as mc's JSON names a what-if
        root.put("driver", driverPath);
        root.put("mode", shift ? "shift" : "level");
        if (probability != null) {
            root.put("probability", probability);
            root.put("paths", run.paths);
            root.put("seed", run.seed);
        }
        ArrayNode arr = root.putArray("results");
        for (Row r : rows) {
            ObjectNode n = arr.addObject();
            n.put("target", r.target().id());
            n.put("metric", r.target().metric());
            n.put("year", r.target().year());
            n.put("from", r.knob().from());
            n.put("to", r.knob().to());
            n.put("found", r.result().found());
            io.plansim.tables.Format.json(n, "value", r.result().value());
            n.putArray("bracket").add(r.result().low()).add(r.result().high());
            io.plansim.tables.Format.json(n, "atLow", r.result().atLow());
            io.plansim.tables.Format.json(n, "atHigh", r.result().atHigh());
            io.plansim.tables.Format.json(n, "achieved", r.result().achieved());
            n.put("iterations", r.result().iterations());
            n.put("message", r.result().message());
        }
        return root;
    }


    /** The rows as a terminal table under a line saying what was solved, or as CSV; in Chinese with {@code zh}. */
    private String table(List<Row> rows, boolean csv, boolean zh) {
        Dictionary d = Dictionary.get();
        String[] header = {"text.col.target.id", "year", "text.col.driver", "text.col.value", "text.col.bracket", "text.col.iterations",
                probability == null ? "text.col.solve.central" : "text.col.solve.share", "text.col.result"};
        if (csv) {
            // RFC 4180 quoting: messages and brackets hold commas (the old hand quoting left 10 fields under 8 columns);
            // the column names are the English headers with underscores, in Chinese the dictionary's column names
            StringBuilder sb = new StringBuilder(io.plansim.tables.Format.csvRow(Arrays.stream(header)
                    .map(h -> d.word(h, false).replace(" ", "_")).map(h -> zh ? d.columnZh(h) : h).toList()));
            for (Row r : rows) {
                sb.append(io.plansim.tables.Format.csvRow(Arrays.asList(cells(r, zh))));
            }
            return sb.toString();
        }
        TextTable t = new TextTable(new boolean[] {false, true, false, true, false, true, true, false});
        t.row(d.words(zh, header));
        for (Row r : rows) {
            t.row(cells(r, zh));
        }
        return (probability == null ? d.word("text.solve.central", zh)
                : d.format("text.solve.share", zh, probability, run.paths, run.seed)) + "\n\n" + t.render();
    }

    private String[] cells(Row r, boolean zh) {
        SolveResult x = r.result();
        Dictionary d = Dictionary.get();
        return new String[] {r.target().id(), String.valueOf(r.target().year()),
                d.format("text.solve.mode." + r.knob().mode().key(), zh, r.knob().where()),
                x.found() ? String.format(Locale.ROOT, "%.6f", x.value()) : "-",
                String.format(Locale.ROOT, "[%s; %s]", x.low(), x.high()), String.valueOf(x.iterations()),
                Double.isFinite(x.achieved()) ? String.format(Locale.ROOT, "%.4f", x.achieved()) : "-", result(r, zh)};
    }

    /** What the search found, in the language asked for ({@link SolveResult#message()} in English). */
    private String result(Row r, boolean zh) {
        SolveResult x = r.result();
        Dictionary d = Dictionary.get();
        String what = probability == null ? d.format("solve.what.central", zh, r.target().metric()) : d.word("solve.what.share", zh);
        return d.format("solve." + x.outcome().key(), zh, x.low(), x.high(), SolveResult.shown(x.atLow()), SolveResult.shown(x.atHigh()),
                SolveResult.shown(x.wanted()), what, RequiredDriverSolver.MAX_EVALUATIONS, x.message());
    }
}
