package io.plansim.batch;

import io.plansim.target.History;
import java.io.Serializable;
import java.util.List;

/**
 * What every variant of a batch shares besides the batch file: the {@code --set} overrides applied before each
 * variant's own, the extra actuals ({@code --history} files, by name and text, so that a cluster's executors
 * parse the same rows without reading the driver's disk), {@code --as-of}, and the plansim version that goes
 * into every variant's definition. Serializable: a Spark task carries it.
 */
public record BatchSettings(List<String> sets, List<HistoryText> history, Integer asOf, String version) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BatchSettings {
        sets = List.copyOf(sets);
        history = List.copyOf(history);
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a batch needs the plansim version its results are defined by, got '" + version + "'");
        }
    }

    /** A history file as the user named it and its text. */
    public record HistoryText(String name, String text) implements Serializable {
        private static final long serialVersionUID = 1L;
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
