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
    static String line(SpreadCalibration inForce, SpreadCalibration scored, String rawLine, boolean zh) {
        io.plansim.tables.Dictionary d = io.plansim.tables.Dictionary.get();
        if (scored == null) {
            return d.format("text.backtest.scored", zh, rawLine);
        }
        boolean hadRegional = inForce.groups().stream().anyMatch(g -> g.id().equals(RegionSpreadFit.GROUP));
        return d.format("text.backtest.scored", zh, scored.describe(zh)
                + (hadRegional ? d.format("text.backtest.regional", zh, RegionSpreadFit.GROUP) : ""));
    }
}
