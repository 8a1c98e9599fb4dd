package io.plansim.app;

import io.plansim.compile.SpreadCalibration;
import io.plansim.evaluation.RegionSpreadFit;

/**
 * Which distribution {@code plansim backtest} scores: the calibration in force (the built-in one, a
 * {@code --calibration} file, or none with {@code --raw}) without its regional group, which is fitted on the backtests'
 * own rows and would score them in sample ({@code plansim evaluate --regions} scores that group leaving one origin out).
 */
final class BacktestCalibration {
    private BacktestCalibration() {
    }

    /** The calibration a backtest scores with: {@code inForce} without the regional group; null (raw) for null. */
    static SpreadCalibration scored(SpreadCalibration inForce) {
        return inForce == null ? null : inForce.withoutGroup(RegionSpreadFit.GROUP);
    }

    /**
     * The line that says which distribution is scored ({@code scored}, from {@code inForce}); {@code rawLine} is what
     * the options print for the raw one. The regional group's omission is said only where the file has one.
     */
    static String line(SpreadCalibration inForce, SpreadCalibration scored, String rawLine) {
        if (scored == null) {
            return "scored: " + rawLine;
        }
        boolean hadRegional = inForce.groups().stream().anyMatch(g -> g.id().equals(RegionSpreadFit.GROUP));
        return "scored: " + scored.describe(false) + (hadRegional ? "; the regional group (" + RegionSpreadFit.GROUP + ") left out: it is fitted "
                + "on the backtests' rows (in sample here; plansim evaluate --regions scores it leaving one origin out)" : "");
    }
}
