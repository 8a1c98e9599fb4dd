package io.plansim.app;

import io.plansim.compile.CompiledScenario;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --history FILE} and {@code --as-of YEAR}: the actuals a forecast is conditioned on (docs/MODEL.md,
 * "Nowcast"). The scenario's own history, with each file's rows laid over it, up to {@code --as-of} (by default
 * every year the histories hold); every year after the base year with an actual is known, not forecast.
 */
final class ActualsOptions {
    @Option(names = "--history", paramLabel = "FILE",
            description = "A history CSV (the format of scenarios/yiwu/history.csv; optional column period: H1, Q1-Q3, Jan-Nov, ...) "
                    + "whose rows add to or replace the scenario's; repeatable, later files win.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YEAR",
            description = "Use only the actuals of the years up to YEAR (default: all the histories hold); the base year gives the unconditioned forecast.")
    Integer asOf;

    /** Whether the user asked for anything. */
    boolean given() {
        return asOf != null || !files.isEmpty();
    }

    /** The scenario's history with the --history files laid over it, cut at --as-of. */
    History history(Scenario s) {
        History h = allRows(s);
        return asOf == null ? h : h.asOf(asOf);
    }

    /** The scenario's history with the --history files laid over it, every year (a backtest scores the later ones). */
    History allRows(Scenario s) {
        return CliForecasts.service().actuals(s, extra()); // the --history rows checked against the scenario
    }

    /** The --history files' rows, later files winning: what a request adds to the scenario's own history. */
    History extra() {
        History h = History.empty();
        for (Path f : files) {
            h = h.with(History.parse(f.toString(), read(f)));
        }
        return h;
    }

    /** The scenario's targets and the history above. */
    Catalogs catalogs(Scenario s) {
        return new Catalogs(Catalogs.of(s).targets(), history(s));
    }

    /** c conditioned on the rows of {@code history} up to {@code year}. */
    static CompiledScenario condition(CompiledScenario c, Scenario s, History history, int year) {
        return io.plansim.service.Forecasts.condition(c, s, history, year);
    }

    /** What the conditioning used and could not use, for the command's messages (the service's wording). */
    static List<String> describe(CompiledScenario c) {
        return io.plansim.service.Forecasts.notes(c);
    }

    /** The --history files by name and text (a batch ships them to wherever its variants run). */
    List<io.plansim.batch.BatchSettings.HistoryText> texts() {
        return files.stream().map(f -> new io.plansim.batch.BatchSettings.HistoryText(f.toString(), read(f))).toList();
    }

    private static String read(Path f) {
        if (!Files.isRegularFile(f)) {
            throw InputException.of(SourceLocation.commandLine(), "--history", "'" + f + "' (no such file)", "a history CSV file");
        }
        return io.plansim.scenario.TextFiles.read(f, f.toString()); // the size limit, and the line of a byte that is not UTF-8
    }
}
