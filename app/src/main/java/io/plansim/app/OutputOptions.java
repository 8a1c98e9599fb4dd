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

    /**
     * Prints the text, or writes it atomically as DIR/&lt;scenario slug&gt;&lt;suffix&gt;.ext (yiwu/baseline and
     * "-mc" give yiwu-baseline-mc.json) and says where.
     */
    void emit(PrintWriter stdout, String scenarioId, String suffix, String text) {
        if (out != null) {
            String name = io.plansim.report.ScenarioRun.slug(scenarioId) + suffix;
            stdout.println("wrote " + AtomicOutput.write(out, name + "." + format.extension, text));
        } else {
            stdout.print(text);
        }
    }
}
