package io.plansim.scenario;

import java.util.List;
import java.util.Locale;

/**
 * How much work and input one command accepts before it refuses (exit 2, before any work): the size of an
 * input file, how deep its mappings and lists nest, how long an {@code extends} chain is, how many variants a
 * batch has (over all its runs), how many Monte Carlo paths a run has, and how many problems are printed
 * (the rest are counted). docs/ERRORS.md lists them; {@code --limit NAME=VALUE} raises one knowingly for one
 * command.
 *
 * <p>The limits in force are held for the running command ({@link #current()}); the command line sets them
 * before the command starts and {@code Main} restores the defaults for the next one.
 */
public record Limits(long fileBytes, int nestingDepth, int extendsDepth, long variants, long paths, int messages) {
    /** 1 MiB per file (the Yiwu baseline is 24 KB), 20 levels (it uses 5), 32 parents, 100,000 variants, 10^9 paths, 50 messages. */
    public static final Limits DEFAULT = new Limits(1L << 20, 20, 32, 100_000, 1_000_000_000L, 50);
    /** The names {@code --limit} takes, in component order. */
    public static final List<String> NAMES = List.of("file-bytes", "depth", "extends", "variants", "paths", "messages");

    private static volatile Limits current = DEFAULT;

    public Limits {
        if (fileBytes < 1 || nestingDepth < 1 || extendsDepth < 1 || variants < 1 || paths < 1 || messages < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    public static Limits current() {
        return current;
    }

    /** Puts limits in force for the command being run (and, with {@link #DEFAULT}, restores the defaults). */
    public static void use(Limits limits) {
        current = limits;
    }

    /** These limits with one raised (or lowered) by {@code NAME=VALUE}; an input error names the option otherwise. */
    public Limits with(String setting) {
        int eq = setting.indexOf('=');
        String name = eq < 0 ? setting : setting.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        long v;
        try {
            v = eq < 0 ? -1 : Long.parseLong(setting.substring(eq + 1).trim().replace("_", ""));
        } catch (NumberFormatException e) {
            v = -1;
        }
        int index = NAMES.indexOf(name);
        if (index < 0 || v < 1 || (index != 0 && index != 3 && index != 4 && v > Integer.MAX_VALUE)) {
            throw InputException.of(SourceLocation.commandLine(), "--limit", "'" + setting + "'",
                    "NAME=VALUE with a whole number from 1; names: " + String.join(", ", NAMES) + " (docs/ERRORS.md)");
        }
        int i = (int) Math.min(v, Integer.MAX_VALUE);
        return switch (index) {
            case 0 -> new Limits(v, nestingDepth, extendsDepth, variants, paths, messages);
            case 1 -> new Limits(fileBytes, i, extendsDepth, variants, paths, messages);
            case 2 -> new Limits(fileBytes, nestingDepth, i, variants, paths, messages);
            case 3 -> new Limits(fileBytes, nestingDepth, extendsDepth, v, paths, messages);
            case 4 -> new Limits(fileBytes, nestingDepth, extendsDepth, variants, v, messages);
            default -> new Limits(fileBytes, nestingDepth, extendsDepth, variants, paths, i);
        };
    }

    /** "raise it with --limit NAME=N": the end of every message that refuses input for a limit. */
    public static String raise(String name) {
        return "a documented limit (docs/ERRORS.md); raise it knowingly with --limit " + name + "=N";
    }

    /** Refuses a path count above the limit, naming where it was given. */
    public void checkPaths(long n, SourceLocation at, String field) {
        if (n > paths) {
            throw InputException.of(at, field, n + " paths", "at most " + paths + " paths; " + raise("paths"));
        }
    }
}
