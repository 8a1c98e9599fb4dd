package io.plansim.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line that reproduces what a command wrote (a report's "Reproduce this report", summary.json's
 * {@code command}, the header of a file calibrate writes), built from what picocli parsed rather than from a list of
 * options kept by hand: the scenario arguments, then every option the user gave, as typed, in declaration order. Only
 * the options of {@link #NOT_RESULT} are left out, so an option added later is carried unless someone decides it
 * cannot change the result.
 */
final class Reproduction {
    /** Options that never change what is written: where it goes, progress, speed, error detail, help. */
    static final Set<String> NOT_RESULT = Set.of("--out", "--quiet", "--threads", "--debug", "--help", "--version");

    private Reproduction() {
    }

    /**
     * {@code plansim <command> ARGS OPTIONS} for the command {@code spec} just parsed. The options named in
     * {@code stated} are written with their value even when the user left them at the default (a report states
     * its paths and seed, so the command gives the same numbers after a default changes).
     */
    static String command(CommandSpec spec, Collection<String> stated) {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> words = new ArrayList<>();
        words.add(spec.qualifiedName(" "));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (parsed != null && parsed.hasMatchedPositional(p)) {
                p.originalStringValues().forEach(v -> words.add(quote(v)));
            }
        }
        for (OptionSpec o : spec.options()) {
            if (NOT_RESULT.contains(o.longestName())) {
                continue;
            }
            if (parsed != null && parsed.hasMatchedOption(o)) {
                if (o.arity().max() == 0) {
                    words.add(o.longestName()); // a flag: its presence is its value
                } else {
                    o.originalStringValues().forEach(v -> {
                        words.add(o.longestName());
                        words.add(quote(v));
                    });
                }
            } else if (stated.contains(o.longestName())) {
                words.add(o.longestName());
                words.add(quote(String.valueOf((Object) o.getValue())));
            }
        }
        return String.join(" ", words);
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** A word as a POSIX shell reads it back: as it is when safe, else in single quotes. */
    static String quote(String s) {
        return SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
