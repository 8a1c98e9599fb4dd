package io.plansim.app;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.SpreadCalibration;
import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --raw} and {@code --calibration FILE}: the Monte Carlo distribution is recalibrated by the built-in spread
 * calibration ({@link SpreadCalibration#BUILT_IN}, docs/MODEL.md "Recalibration") unless the user asks for the raw
 * one or names another calibration file.
 */
final class CalibrationOptions {
    @Option(names = "--raw", description = "The uncalibrated Monte Carlo distribution (by default each path's spread around the "
            + "central path is scaled by the calibration fitted out of sample on the Penn World Table, docs/MODEL.md).")
    boolean raw;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "A calibration file written by plansim evaluate --fit-calibration (default: the built-in "
                    + SpreadCalibration.BUILT_IN + ").")
    Path file;

    private SpreadCalibration loaded;

    /** The calibration in force, null with --raw. */
    SpreadCalibration calibration() {
        if (raw) {
            if (file != null) {
                throw InputException.of(SourceLocation.commandLine(), "--raw", "with --calibration " + file, "one of --raw and --calibration");
            }
            return null;
        }
        if (loaded == null) {
            loaded = file == null ? SpreadCalibration.builtIn() : read(file);
        }
        return loaded;
    }

    /** c with the calibration in force (unchanged with --raw). */
    CompiledScenario apply(CompiledScenario c) {
        return c.withCalibration(calibration());
    }

    /** The prepared request with the calibration in force (the raw distribution with --raw). */
    io.plansim.service.Forecasts.Prepared apply(io.plansim.service.Forecasts.Prepared p) {
        return p.withCalibration(calibration());
    }

    /** The one line that says which distribution a command shows. */
    String line(boolean zh) {
        return io.plansim.service.Forecasts.calibrationLine(calibration(), zh);
    }

    /**
     * The calibration in force as a batch carries it to its executors: the file's name and text (the built-in's
     * resource), null with --raw. The file is read and validated here, so a bad one fails before any variant runs.
     */
    io.plansim.batch.BatchSettings.CalibrationText text() {
        if (calibration() == null) {
            return null;
        }
        return file == null ? io.plansim.batch.BatchSettings.CalibrationText.builtIn()
                : new io.plansim.batch.BatchSettings.CalibrationText(file.toString(), io.plansim.scenario.TextFiles.read(file, file.toString()));
    }

    static SpreadCalibration read(Path f) {
        if (!Files.isRegularFile(f)) {
            throw InputException.of(SourceLocation.commandLine(), "--calibration", "'" + f + "' (no such file)",
                    "a calibration file written by plansim evaluate --fit-calibration");
        }
        return SpreadCalibration.parse(f.toString(), io.plansim.scenario.TextFiles.read(f, f.toString()));
    }
}
