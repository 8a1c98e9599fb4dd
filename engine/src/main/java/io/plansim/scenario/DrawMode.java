package io.plansim.scenario;

import java.util.Locale;

/**
 * How a parameter draw meets the scenario's own value of a driver ({@code apply:} in an uncertainty entry).
 * The relative modes keep the spread around whatever value the scenario, a child, {@code --set} or a batch
 * grid gives the driver, so a what-if moves the whole distribution, not only the central path.
 */
public enum DrawMode {
    /** The draw is added to the driver's path: value + x (a distribution centred on 0). */
    SHIFT("added to the scenario's path", "叠加于设定路径"),
    /** The driver's path is multiplied by the draw: value * x (a positive distribution centred near 1). */
    SCALE("multiplies the scenario's path", "按比例缩放设定路径"),
    /**
     * The draw is the driver's value, whatever the scenario says. Only where a user asks for it explicitly;
     * an override of such a driver is refused, since Monte Carlo would ignore it.
     */
    REPLACE("replaces the scenario's path", "替换设定路径");

    private final String english;
    private final String chinese;

    DrawMode(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The key as written in a scenario file: shift, scale, replace. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean relative() {
        return this != REPLACE;
    }

    /** What the mode does, for reports. */
    public String describe(boolean zh) {
        return zh ? chinese : english;
    }

    /** x applied to a driver's value v under this mode. */
    public double apply(double v, double x) {
        return switch (this) {
            case SHIFT -> v + x;
            case SCALE -> v * x;
            case REPLACE -> x;
        };
    }
}
