package io.plansim.app;

import io.plansim.report.Lang;
import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** --format, --out and --lang, shared by every command that prints a result. */
final class OutputOptions {
    /** The commands that write a workbook with --format xlsx (batch and report have their own options). */
    static final java.util.Set<String> WORKBOOK_COMMANDS = java.util.Set.of("run", "mc", "targets");

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    OutputFormat format;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv or json; xlsx (an Excel workbook, with --out) for run, mc and targets only (default: ${DEFAULT-VALUE}).")
    void format(OutputFormat f) {
        if (f == OutputFormat.XLSX && !WORKBOOK_COMMANDS.contains(mixee.name())) {
            // refused while parsing, before anything runs or is written
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "Invalid value for option '--format': xlsx is written by "
                    + String.join(", ", new java.util.TreeSet<>(WORKBOOK_COMMANDS)) + " (and batch, report); " + mixee.name()
                    + " writes table, csv or json");
        }
        format = f;
    }

    @Option(names = "--out", paramLabel = "DIR", description = "Write the result into DIR instead of printing it.")
    Path out;

    @Option(names = "--csv-bom", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "A CSV file written with --out starts with a UTF-8 byte-order mark, so that spreadsheets read it as UTF-8 (default: ${DEFAULT-VALUE}).")
    boolean csvBom;

    /**
     * The commands whose table and csv output come in Chinese with --lang zh; their xlsx too where they write one.
     * Every command's json stays English: its keys and words are for programs.
     */
    static final java.util.Set<String> CHINESE_COMMANDS = java.util.Set.of("run", "mc", "targets", "solve", "sensitivity", "backtest");

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of the table, csv and xlsx output: en or zh (Chinese headers, metric names, units, verdicts "
                    + "and notes; the same figures). json output and evaluate stay in English (default: ${DEFAULT-VALUE}).")
    Lang lang;

    /** Whether the result is a workbook; refuses --format xlsx without --out, and --lang where it does not apply, before anything is computed. */
    boolean workbook() {
        zh();
        if (format == OutputFormat.XLSX && out == null) {
            throw InputException.of(SourceLocation.commandLine(), "--format", "xlsx without --out",
                    "--format xlsx --out DIR (a workbook is written to a folder, not to the terminal)");
        }
        return format == OutputFormat.XLSX;
    }

    /**
     * Whether the result is in Chinese (--lang zh). Refuses --lang for output that has one language: json (its keys
     * and words are for programs and stay English) and the table and csv of a command not among {@link #CHINESE_COMMANDS}.
     */
    boolean zh() {
        String formatName = format.name().toLowerCase(java.util.Locale.ROOT);
        if (format == OutputFormat.JSON) {
            UnusedOptions.refuse(mixee, "json output stays in English (machine-readable keys and words); --lang sets the "
                    + "language of table, csv and xlsx output", "--lang");
        } else if (format != OutputFormat.XLSX && !CHINESE_COMMANDS.contains(mixee.name())) {
            UnusedOptions.refuse(mixee, "--lang sets the language of the table and csv output of "
                    + String.join(", ", new java.util.TreeSet<>(CHINESE_COMMANDS)) + ", of xlsx workbooks and of report; "
                    + mixee.name() + "'s " + formatName + " output is in English", "--lang");
        }
        return lang == Lang.ZH;
    }

    /**
     * Prints the text, or writes it atomically as DIR/&lt;scenario slug&gt;&lt;suffix&gt;.ext (yiwu/baseline and
     * "-mc" give yiwu-baseline-mc.json) and says where.
     */
    void emit(PrintWriter stdout, String scenarioId, String suffix, String text) {
        if (format == OutputFormat.XLSX) {
            throw new IllegalStateException(mixee.name() + " has no text for --format xlsx");
        }
        if (out != null) {
            // a file is for a spreadsheet (Excel on a Chinese Windows reads UTF-8 without a mark as GBK); a pipe gets no mark
            String body = format == OutputFormat.CSV && csvBom ? "\uFEFF" + text : text;
            stdout.println("wrote " + AtomicOutput.write(out, fileName(scenarioId, suffix), body));
        } else {
            stdout.print(text);
        }
    }

    /** Writes the workbook atomically as DIR/&lt;scenario slug&gt;&lt;suffix&gt;.xlsx and says where. */
    void emitWorkbook(PrintWriter stdout, String scenarioId, String suffix, Supplier<byte[]> workbook) {
        workbook();
        stdout.println("wrote " + AtomicOutput.write(out, fileName(scenarioId, suffix), workbook.get()));
    }

    private String fileName(String scenarioId, String suffix) {
        return io.plansim.report.ScenarioRun.slug(scenarioId) + suffix + "." + format.extension;
    }
}
