package io.plansim.app;

import io.plansim.runner.NumericFault;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Limits;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code plansim} command line. Exit codes: 0 success, 2 bad input or usage (a message, no stack
 * trace unless {@code --debug}), 1 internal failure.
 */
@Command(name = "plansim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scenario simulation and forecasting for city plan targets: can we hit this target, and what would it take?",
        subcommands = {RunCommand.class, TargetsCommand.class, McCommand.class, ReportCommand.class, SolveCommand.class, SensitivityCommand.class, CalibrateCommand.class, BatchCommand.class, BacktestCommand.class, EvaluateCommand.class, ListCommand.class, io.plansim.web.ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_INPUT = 2;
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            // an option setter's own input error (--limit) comes wrapped in picocli's "Could not invoke ...": say its message
            Throwable input = inputError(ex);
            err.println("error: " + (input != null ? input.getMessage() : ex.getMessage()));
            err.println("(see: plansim " + ex.getCommandLine().getCommandName() + " --help)");
            return EXIT_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            Throwable input = inputError(ex);
            if (input != null) {
                err.println("error: " + input.getMessage());
                return EXIT_INPUT;
            }
            err.println("internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            return EXIT_INTERNAL;
        });
        int code;
        Limits.use(Limits.DEFAULT); // --limit raises a limit for this command only
        try {
            code = cl.execute(args);
        } catch (Error e) {
            // picocli hands errors (not exceptions) back to the caller: still no stack trace unless asked for
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            code = EXIT_INTERNAL;
        } finally {
            Limits.use(Limits.DEFAULT);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The input error (bad input or a numeric fault of the user's scenario) in {@code t}'s cause chain, or null:
     * picocli wraps what an option's setter or a command throws (ParameterException, ExecutionException), and the
     * user is told the plansim message, never the Java wrapper's.
     */
    static Throwable inputError(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth++ < 32; c = c.getCause()) { // bounded: a cause chain may loop
            if (c instanceof InputException || c instanceof NumericFault) {
                return c;
            }
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"plansim " + version()};
        }
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
