package io.plansim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --set} override: {@code trade.exportTrend=0.04} replaces a driver's whole path (or any other
 * scalar in the file, {@code model=growth}); {@code "trade.exportTrend[2026-2030]=0.03"} replaces only the
 * years of the range and keeps the rest of the path. {@code trade.exportTrend+=-0.03} adds to the path the
 * scenario has and {@code energy.intensityDecline*=1.5} multiplies it (drivers and satellite paths; with a
 * year range, only those years): a what-if relative to the scenario, whatever its path looks like.
 *
 * @param op how the value meets the path: {@link DrawMode#REPLACE} for {@code =}, {@link DrawMode#SHIFT} for
 *           {@code +=}, {@link DrawMode#SCALE} for {@code *=}
 */
public record ScenarioOverride(String path, Integer from, Integer to, DrawMode op, String value, String text) {
    private static final Pattern FORM =
            Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(?:\\[\\s*(\\d{4})\\s*(?:-\\s*(\\d{4})\\s*)?])?\\s*([+*]?)=(.*)$");
    /** How {@link #location()} begins: the option that gives an override on the command line. */
    private static final String AT = "--set ";

    public static ScenarioOverride parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(5).isBlank()) {
            throw InputException.of(SourceLocation.commandLine(), "--set", "'" + text + "'",
                    "write path=value, \"path[Y1-Y2]=value\", path+=value (added to the path) or path*=value "
                            + "(multiplying it), e.g. trade.exportTrend=0.04 or \"trade.exportTrend+=-0.03\"");
        }
        Integer from = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer to = m.group(3) == null ? from : Integer.valueOf(m.group(3));
        DrawMode op = switch (m.group(4)) {
            case "+" -> DrawMode.SHIFT;
            case "*" -> DrawMode.SCALE;
            default -> DrawMode.REPLACE;
        };
        return new ScenarioOverride(m.group(1), from, to, op, m.group(5).trim(), text);
    }

    public boolean ranged() {
        return from != null;
    }

    /**
     * Applied to the parsed path (a year range, a relative change, or a driver whose base-year value is observed,
     * {@link Driver#observedInBaseYear}) rather than written into the file's tree.
     */
    public boolean onPath() {
        return ranged() || op != DrawMode.REPLACE || keepsBaseYear();
    }

    /** Whether the override leaves the base year as recorded: a driver whose base-year value is observed. */
    boolean keepsBaseYear() {
        return Driver.byPath(path).map(Driver::observedInBaseYear).orElse(false);
    }

    /** The override as a short label for titles and file names: {@code trade.exportTrend+=-0.03}. */
    public String label() {
        return path + (ranged() ? "[" + from + (to.equals(from) ? "" : "-" + to) + "]" : "")
                + switch (op) {
                    case SHIFT -> "+=";
                    case SCALE -> "*=";
                    case REPLACE -> "=";
                } + value;
    }

    /** Where the override's value comes from, in messages: {@code --set TEXT}, as the command line gives it. */
    public SourceLocation location() {
        return new SourceLocation(AT + text, 0, 0);
    }

    /** The text of the override that {@code where} is the {@link #location()} of, if it is one's. */
    public static java.util.Optional<String> textAt(SourceLocation where) {
        return where.file().startsWith(AT) ? java.util.Optional.of(where.file().substring(AT.length())) : java.util.Optional.empty();
    }
}
