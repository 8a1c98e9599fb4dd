package io.plansim.scenario;

import io.plansim.distribution.Distribution;
import java.util.List;

/**
 * What a scenario leaves uncertain, for Monte Carlo: parameters drawn once per path, annual shocks drawn
 * every year of every path (correlated, with AR(1) persistence and optional Student-t tails), and rare
 * events. Empty when the scenario states none. Each entry keeps its {@code source:} (the data and command that
 * sized it, or "judgement: ..."; empty when the file gives none) so that reports can say what a spread rests on.
 */
public record Uncertainty(List<Parameter> parameters, List<AnnualShock> shocks, double[][] correlation,
                          double tailsDf, List<RareEvent> events) {

    public Uncertainty {
        parameters = List.copyOf(parameters);
        shocks = List.copyOf(shocks);
        events = List.copyOf(events);
    }

    public static Uncertainty none() {
        return new Uncertainty(List.of(), List.of(), new double[0][0], 0, List.of());
    }

    public boolean isEmpty() {
        return parameters.isEmpty() && shocks.isEmpty() && events.isEmpty();
    }

    /**
     * A driver drawn once per path in years {@code from..to}; {@code mode} says how the draw meets the
     * scenario's value (added to it, multiplying it, or, only where asked for, replacing it).
     */
    public record Parameter(Driver driver, Distribution distribution, int from, int to, DrawMode mode, String source) {
        public Parameter {
            source = source == null ? "" : source;
        }

        public Parameter(Driver driver, Distribution distribution, int from, int to, DrawMode mode) {
            this(driver, distribution, from, to, mode, "");
        }
    }

    /** A yearly log shock on a variable: e(t) = rho e(t-1) + sd z(t), the level factor is exp(e). */
    public record AnnualShock(String variable, double sd, double persistence, String source) {
        public AnnualShock {
            source = source == null ? "" : source;
        }

        public AnnualShock(String variable, double sd, double persistence) {
            this(variable, sd, persistence, "");
        }
    }

    /** With {@code probability} each year, the named variables' levels move by (1 + a draw of each effect). */
    public record RareEvent(String name, double probability, List<Effect> effects, String source) {
        public RareEvent {
            effects = List.copyOf(effects);
            source = source == null ? "" : source;
        }

        public RareEvent(String name, double probability, List<Effect> effects) {
            this(name, probability, effects, "");
        }
    }

    public record Effect(String variable, Distribution size) {
    }
}
