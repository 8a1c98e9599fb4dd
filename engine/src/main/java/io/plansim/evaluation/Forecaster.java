package io.plansim.evaluation;

import java.util.List;

/**
 * A forecaster evaluated from rolling origins. It may use the forecast economy's data up to the origin and the
 * training panel (the other economies, its own fold left out) up to the origin, nothing later.
 */
public interface Forecaster {
    /** The name in tables, e.g. {@code plansim} or {@code rw-drift-10}. */
    String name();

    /**
     * Forecasts of each variable's log level at horizons 1..{@code horizons} after {@code origin}:
     * {@code [variable][horizon - 1]}, an entry null where this forecaster does not forecast that variable;
     * the whole result null when the economy lacks the data the forecaster needs at this origin.
     *
     * @param training the panel with the forecast economy's fold left out, for whatever is fitted on the panel
     */
    Forecast[][] forecast(Panel.Economy economy, int origin, int horizons, List<PanelVariable> variables, Panel training);
}
