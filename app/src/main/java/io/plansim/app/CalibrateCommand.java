package io.plansim.app;

import io.plansim.analysis.Calibration;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.scenario.Driver;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.scenario.Suggestions;
import io.plansim.tables.Dictionary;
import io.plansim.tables.TextTable;
import io.plansim.target.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plansim calibrate}: fits drivers to the history by Levenberg-Marquardt. A scenario whose own
 * years hold no observations (a baseline starting at the latest actuals) is fitted on the window its
 * {@code calibration:} field names.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit drivers to the history (weighted least squares on logs, within bounds) and print values, standard errors and residuals.")
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--fit", split = ",", paramLabel = "P1,P2", description = "Drivers to fit, e.g. production.tfpGrowth,trade.exportTrend.")
    List<String> fit;

    @Option(names = "--uncertainty", description = "Instead of fitting drivers: size the scenario's uncertainty on data (annual shocks with "
            + "persistence, model parameters, migration; region shrunk towards the Penn World Table 9.1) and print estimates, "
            + "standard errors and sources.")
    boolean uncertainty;

    @Option(names = "--write", paramLabel = "FILE", description = "With --uncertainty: write a scenario extending this one with the "
            + "sized uncertainty: section, every entry with its source.")
    Path write;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the output (the fit's tables, "
            + "--uncertainty's estimates): en or zh (default: ${DEFAULT-VALUE}).")
    io.plansim.report.Lang lang;


    @Option(names = "--from", paramLabel = "Y1", description = "First year of observations used (default: all).")
    Integer from;

    @Option(names = "--to", paramLabel = "Y2", description = "Last year of observations used (default: all).")
    Integer to;

    @Option(names = "--metrics", split = ",", paramLabel = "M1,M2", description = "Use only observations of these variables (default: every projected one).")
    List<String> metrics;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fit as a child scenario that extends the fitted one.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        if (uncertainty == (fit != null)) {
            throw InputException.of(SourceLocation.commandLine(), uncertainty ? "--fit" : "--uncertainty",
                    uncertainty ? "both --fit and --uncertainty" : "neither --fit nor --uncertainty",
                    "one of them: --fit P1,P2 fits drivers, --uncertainty sizes the uncertainty section");
        }
        if (write != null && !uncertainty) {
            throw InputException.of(SourceLocation.commandLine(), "--write", "--write without --uncertainty", "--out for a fit, --write with --uncertainty");
        }
        // checked before the fit: a bad --out or --write refuses the command instead of failing after the work is done
        if (out != null) {
            AtomicOutput.file(out, "--out");
        }
        if (write != null) {
            AtomicOutput.file(write, "--write");
        }
        if (uncertainty) {
            return UncertaintyCalibration.run(s, options.actuals.history(s), spec.commandLine().getOut(), lang, write, Reproduction.command(spec, List.of()));
        }
        List<Driver> drivers = new ArrayList<>();
        List<String> known = Arrays.stream(Driver.values()).map(Driver::path).toList();
        for (String f : fit) {
            drivers.add(Driver.byPath(f.trim()).orElseThrow(() -> InputException.of(SourceLocation.commandLine(), "--fit",
                    "'" + f + "'", Suggestions.allowed(f.trim(), known))));
        }
        if (from != null && to != null && from > to) {
            throw InputException.of(SourceLocation.commandLine(), "--from/--to", from + "/" + to, "a first year no later than the last");
        }
        Scenario window = s;
        CompiledScenario c = ScenarioCompiler.compile(s);
        if (metrics != null) {
            // a misspelt metric would only leave its observations out, and the fit would then say it found none
            List<String> projected = c.outputs().stream().map(io.plansim.model.VariableInfo::id).toList();
            for (String m : metrics) {
                if (!projected.contains(m)) {
                    throw InputException.of(SourceLocation.commandLine(), "--metrics", "'" + m + "' (not a variable "
                            + s.id() + " projects)", Suggestions.allowed(m, projected));
                }
            }
        }
        History history = history(s);
        int lo = from == null ? Integer.MIN_VALUE : from;
        int hi = to == null ? Integer.MAX_VALUE : to;
        if (Calibration.observations(c, history, lo, hi).isEmpty() && s.calibration() != null) {
            String ref = s.calibration().contains("/") || !s.id().contains("/") ? s.calibration()
                    : s.id().substring(0, s.id().lastIndexOf('/') + 1) + s.calibration();
            window = options.load(ref);
            c = ScenarioCompiler.compile(window);
            if (options.actuals.given() || window.history() != null) {
                history = history(window);
            }
        }
        if (Calibration.observations(c, history, lo, hi).isEmpty()) {
            throw InputException.of(SourceLocation.commandLine(), "calibrate", "no observations of projected variables in "
                    + window.id() + " after its base year " + window.baseYear() + (from != null || to != null
                    ? " within " + (from == null ? "" : from) + "-" + (to == null ? "" : to) : ""),
                    "a scenario whose years hold actuals in its history, or one that names a calibration window (calibration: backtest-2015)");
        }
        Calibration.Result r = Calibration.fit(c, drivers, history, lo, hi);
        boolean zh = lang == io.plansim.report.Lang.ZH;
        Dictionary d = Dictionary.get();
        StringBuilder sb = new StringBuilder();
        sb.append(d.format("text.calibrate.title", zh, s.id(), window == s ? ""
                        : d.format("text.calibrate.window", zh, window.id(), window.baseYear(), window.horizon()),
                r.residuals().size(), drivers.size(), r.evaluations())).append('\n')
                .append(d.format("text.calibrate.result", zh, result(r, zh))).append('\n');
        if (!Double.isNaN(r.r2())) {
            sb.append(d.format("text.calibrate.r2", zh, String.format(Locale.ROOT, "%.4f", r.r2()), String.format(Locale.ROOT, "%.6g", r.rss())))
                    .append('\n');
        }
        sb.append('\n');
        TextTable pt = new TextTable(new boolean[] {false, true, true, false});
        pt.row(d.words(zh, "text.col.parameter", "text.col.value", "text.col.std.error", "text.col.note"));
        for (int j = 0; j < drivers.size(); j++) {
            pt.row(drivers.get(j).path(), String.format(Locale.ROOT, "%.6f", r.values()[j]),
                    Double.isNaN(r.standardErrors()[j]) ? "-" : String.format(Locale.ROOT, "%.6f", r.standardErrors()[j]),
                    r.atBound()[j] ? d.word("text.calibrate.pinned", zh) : "");
        }
        sb.append(pt.render()).append('\n');
        TextTable rt = new TextTable(NameColumn.alignment(zh, new boolean[] {false, true, true, true, true}));
        rt.row(NameColumn.row(zh, d.words(zh, "text.col.metric.id", "year", "text.col.actual", "text.col.fitted", "text.col.log.residual"),
                d.word("text.col.metric", zh)));
        for (Calibration.Residual x : r.residuals()) {
            String name = c.outputs().stream().filter(v -> v.id().equals(x.metric())).map(io.plansim.model.VariableInfo::nameZh)
                    .findFirst().orElse(x.metric());
            rt.row(NameColumn.row(zh, new String[] {x.metric(), String.valueOf(x.year()), fmt(x.actual()), fmt(x.fitted()),
                    String.format(Locale.ROOT, "%+.4f", x.logResidual())}, name));
        }
        sb.append(rt.render());
        spec.commandLine().getOut().print(sb);
        if (out != null) {
            if (!r.converged()) {
                throw InputException.of(SourceLocation.commandLine(), "--out", "a fit that did not converge", "nothing is written; see the message above");
            }
            String name = out.getFileName().toString();
            AtomicOutput.write(out.toAbsolutePath().getParent(), name, childScenario(s, window, drivers, r));
            spec.commandLine().getOut().println("\nwrote " + out);
        }
        return r.converged() ? 0 : 1;
    }

    /**
     * The observations to fit: the scenario's own with --history files laid over them, up to --as-of, kept to
     * --metrics when given. The fit compares the model with them, so nothing is conditioned on them.
     */
    private History history(Scenario s) {
        History h = options.actuals.history(s);
        if (metrics == null) {
            return h;
        }
        java.util.Set<String> keep = new java.util.HashSet<>(metrics);
        return new History(h.records().stream().filter(r -> keep.contains(r.metric())).toList());
    }

    private String childScenario(Scenario s, Scenario window, List<Driver> drivers, Calibration.Result r) {
        StringBuilder y = new StringBuilder();
        // every option that shapes the fit (--metrics, --from, --to, --history, --set...), so the line gives these values again
        y.append("# Written by: ").append(Reproduction.command(spec, List.of())).append('\n');
        y.append("# Fitted on ").append(window.id()).append(", ").append(r.residuals().size()).append(" observations, R^2 ")
                .append(String.format(Locale.ROOT, "%.4f", r.r2())).append("; ").append(r.message()).append('\n');
        y.append("name: ").append(s.name()).append(" (calibrated)\n");
        y.append("extends: ").append(s.id()).append('\n');
        y.append("drivers:\n");
        String group = null;
        for (int j = 0; j < drivers.size(); j++) {
            Driver d = drivers.get(j);
            if (!d.group().equals(group)) {
                group = d.group();
                y.append("  ").append(group).append(":\n");
            }
            y.append("    ").append(d.driverName()).append(": ").append(String.format(Locale.ROOT, "%.6f", r.values()[j]));
            y.append("   # se ").append(Double.isNaN(r.standardErrors()[j]) ? "n/a" : String.format(Locale.ROOT, "%.6f", r.standardErrors()[j]))
                    .append(r.atBound()[j] ? " PINNED AT BOUND" : "").append('\n');
        }
        return y.toString();
    }

    /** What came of the fit ({@link Calibration.Result#message()} in English) in the language asked for. */
    static String result(Calibration.Result r, boolean zh) {
        int pinned = -1;
        for (int j = 0; j < r.atBound().length; j++) {
            pinned = r.atBound()[j] ? j : pinned;
        }
        return Dictionary.get().format("calibrate." + r.fit().key(), zh, pinned < 0 ? "" : r.drivers().get(pinned).path(),
                pinned < 0 ? "" : r.values()[pinned], r.residuals().size(), r.drivers().size(), r.message());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
    }
}
