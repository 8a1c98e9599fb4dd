package io.plansim.verdict;

import io.plansim.aggregate.McResult;
import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import java.util.Locale;

/**
 * What Monte Carlo paths with invalid numbers mean for a run (docs/ERRORS.md): none, nothing; more than
 * {@link #MAX_SHARE} of them (all included), an input error naming the scenario and the first fault (its
 * variable, year, path and how to replay it), since the survivors are no longer a sample of the scenario's
 * uncertainty; a few, a warning that every output of the run carries. One policy for every caller.
 */
public final class FailedPaths {
    /** Above this share of failed paths the results of the rest are not published. */
    public static final double MAX_SHARE = 0.01;

    private FailedPaths() {
    }

    /**
     * The warning for a run in which a few paths failed, null when none did.
     *
     * @param scenarioFile the scenario as a user named it (the error names it)
     * @throws InputException when more than {@link #MAX_SHARE} of the paths failed
     */
    public static String check(String scenarioFile, McResult mc) {
        if (mc.faults() == 0) {
            return null;
        }
        long total = mc.paths() + mc.faults();
        String share = String.format(Locale.ROOT, "%d of %d Monte Carlo paths (%.2f%%) with invalid numbers",
                mc.faults(), total, 100.0 * mc.faults() / total);
        if (mc.faults() > MAX_SHARE * total) {
            throw InputException.of(new SourceLocation(scenarioFile, 0, 0), "uncertainty",
                    share + (mc.paths() == 0 ? ", every one" : "") + "; first: " + mc.firstFault(),
                    "at most " + Math.round(MAX_SHARE * 100) + "% may fail for the rest to be published: "
                            + "check the drivers and the uncertainty that feed the variable named");
        }
        return share + " were left out of every figure; first: " + mc.firstFault();
    }
}
