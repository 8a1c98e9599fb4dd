package io.plansim.app;

import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses options a user gave that the command, as asked, would not use: {@code targets --central-only --paths 500}
 * runs no Monte Carlo, so its paths would be silently ignored and the user left thinking they counted. A setting
 * that is ignored is a defect even when the numbers are right (README, "How work gets done"); checked before any
 * work is done.
 */
final class UnusedOptions {
    private UnusedOptions() {
    }

    /**
     * Throws the error for the first of {@code options} given on the command line, saying {@code why} it has no
     * effect (for example "with --central-only the central path alone is judged: no Monte Carlo").
     */
    static void refuse(CommandSpec spec, String why, String... options) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return;
        }
        for (String name : options) {
            if (parsed.hasMatchedOption(name)) {
                throw InputException.of(SourceLocation.commandLine(), name, String.valueOf((Object) parsed.matchedOptionValue(name, null)),
                        "no " + name + " here: " + why + " (drop " + name + ")");
            }
        }
    }
}
