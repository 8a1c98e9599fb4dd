package io.plansim.batch;

import io.plansim.compile.SpreadCalibration;
import io.plansim.target.History;
import java.io.Serializable;
import java.util.List;

/**
 * What every variant of a batch shares besides the batch file: the {@code --set} overrides applied before each
 * variant's own, the extra actuals ({@code --history} files, by name and text, so that a cluster's executors
 * parse the same rows without reading the driver's disk), {@code --as-of}, the plansim version and the identity
 * of the engine code ({@link EngineCode#id()}, taken on the driver) that go into every variant's definition, and
 * the spread calibration every variant's distribution is recalibrated by (its file name and text, so that a
 * cluster's executors apply the same one; null for the raw distribution, {@code --raw}). Serializable: a Spark task
 * carries it.
 */
public record BatchSettings(List<String> sets, List<HistoryText> history, Integer asOf, String version, String code,
                            CalibrationText calibration) implements Serializable {
    private static final long serialVersionUID = 3L;

    public BatchSettings {
        sets = List.copyOf(sets);
        history = List.copyOf(history);
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a batch needs the plansim version its results are defined by, got '" + version + "'");
        }
        if (code == null || !code.startsWith("sha256:")) {
            throw new IllegalArgumentException("a batch needs the identity of the engine code its results are computed by "
                    + "(EngineCode.id(), sha256:...), got '" + code + "'");
        }
    }

    /** A spread calibration file as the user named it (or the built-in's resource name) and its text. */
    public record CalibrationText(String name, String text) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The built-in calibration ({@link SpreadCalibration#BUILT_IN}) as text. */
        public static CalibrationText builtIn() {
            return new CalibrationText(SpreadCalibration.BUILT_IN, SpreadCalibration.builtInText());
        }

        /** What a variant's definition says of it: the calibration's id and the SHA-256 of its text. */
        public String definition() {
            return parse().id() + " sha256:" + BatchPlan.sha256(text);
        }

        /** The calibration, parsed (its errors name the file); the built-in one is parsed once per JVM. */
        public SpreadCalibration parse() {
            return SpreadCalibration.BUILT_IN.equals(name) && SpreadCalibration.builtInText().equals(text)
                    ? SpreadCalibration.builtIn() : SpreadCalibration.parse(name, text);
        }
    }

    /** The calibration in force, null for the raw distribution. */
    public SpreadCalibration spreadCalibration() {
        return calibration == null ? null : calibration.parse();
    }

    /** The calibration as a variant's definition and the run log state it: its id and text's SHA-256, or "raw". */
    public String calibrationDefinition() {
        return calibration == null ? "raw" : calibration.definition();
    }

    /** A history file as the user named it and its text. */
    public record HistoryText(String name, String text) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The {@code --history} files as a variant's definition and the run log state them: each file's name and the
     * SHA-256 of its text, in the order given (later files win), so an edited file runs the variants again.
     */
    public com.fasterxml.jackson.databind.node.ArrayNode historyDefinition() {
        com.fasterxml.jackson.databind.node.ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        history.forEach(h -> a.addObject().put("file", h.name()).put("sha256", BatchPlan.sha256(h.text())));
        return a;
    }

    /** The extra actuals laid over each scenario's own history, later files winning (as {@code --history} reads them). */
    public History extraActuals() {
        History h = History.empty();
        for (HistoryText t : history) {
            h = h.with(History.parse(t.name(), t.text()));
        }
        return h;
    }
}
