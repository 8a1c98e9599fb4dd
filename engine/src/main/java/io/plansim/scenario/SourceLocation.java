package io.plansim.scenario;

/** Where a value came from: file, 1-based line and column. Line 0 means "not from a file" (a --set override). */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation commandLine() {
        return new SourceLocation("command line", 0, 0);
    }

    /** Whether this is {@link #commandLine()}: an option's value, which a front end without one names its own way. */
    public boolean isCommandLine() {
        return equals(commandLine());
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
