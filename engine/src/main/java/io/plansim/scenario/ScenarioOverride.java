package io.plansim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --set} override: {@code trade.exportTrend=0.04} replaces a driver's whole path (or any other
 * scalar in the file, {@code model=growth}); {@code "trade.exportTrend[2026-2030]=0.03"} replaces only the
 * years of the range and keeps the rest of the path.
 */
public record ScenarioOverride(String path, Integer from, Integer to, String value, String text) {
    private static final Pattern FORM =
            Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*(?:\\[\\s*(\\d{4})\\s*(?:-\\s*(\\d{4})\\s*)?])?\\s*=(.*)$");

    public static ScenarioOverride parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(4).isBlank()) {
            throw InputException.of(SourceLocation.commandLine(), "--set", "'" + text + "'",
                    "write path=value or \"path[Y1-Y2]=value\", e.g. trade.exportTrend=0.04");
        }
        Integer from = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer to = m.group(3) == null ? from : Integer.valueOf(m.group(3));
        return new ScenarioOverride(m.group(1), from, to, m.group(4).trim(), text);
    }

    public boolean ranged() {
        return from != null;
    }

    public SourceLocation location() {
        return new SourceLocation("--set " + text, 0, 0);
    }
}
