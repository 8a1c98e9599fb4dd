package io.plansim.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --format and --out, shared by every command that prints a result. */
final class OutputOptions {
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the result into DIR instead of printing it.")
    Path out;

    @Option(names = "--csv-bom", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "A CSV file written with --out starts with a UTF-8 byte-order mark, so that spreadsheets read it as UTF-8 (default: ${DEFAULT-VALUE}).")
    boolean csvBom;

    /**
     * Prints the text, or writes it atomically as DIR/&lt;scenario slug&gt;&lt;suffix&gt;.ext (yiwu/baseline and
     * "-mc" give yiwu-baseline-mc.json) and says where.
     */
    void emit(PrintWriter stdout, String scenarioId, String suffix, String text) {
        if (out != null) {
            String name = io.plansim.report.ScenarioRun.slug(scenarioId) + suffix;
            // a file is for a spreadsheet (Excel on a Chinese Windows reads UTF-8 without a mark as GBK); a pipe gets no mark
            String body = format == OutputFormat.CSV && csvBom ? "\uFEFF" + text : text;
            stdout.println("wrote " + AtomicOutput.write(out, name + "." + format.extension, body));
        } else {
            stdout.print(text);
        }
    }
}
