package io.plansim.evaluation;

import java.util.List;

/** The two naive forecasters plansim is measured against. */
public final class NaiveForecasters {
    private NaiveForecasters() {
    }

    /**
     * Random walk with drift: the log level at the origin plus h times the average annual change of the
     * {@code window} years before it; normal, with the predictive variance of a random walk whose drift is
     * estimated from those {@code window} changes, s^2 (h + h^2 / window), s the sample sd of the changes.
     */
    public static Forecaster randomWalkWithDrift(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a drift needs a window of at least 2 years: " + window);
        }
        return new Forecaster() {
            @Override
            public String name() {
                return "rw-drift-" + window;
            }

            @Override
            public Forecast[][] forecast(Panel.Economy e, int origin, int horizons, List<PanelVariable> variables, Panel training) {
                Forecast[][] out = new Forecast[variables.size()][];
                for (int v = 0; v < out.length; v++) {
                    PanelVariable x = variables.get(v);
                    double[] diffs = new double[window];
                    boolean complete = true;
                    for (int k = 0; k < window && complete; k++) {
                        diffs[k] = x.log(e, origin - k) - x.log(e, origin - k - 1);
                        complete = Double.isFinite(diffs[k]);
                    }
                    if (!complete) {
                        return null;
                    }
                    double drift = mean(diffs);
                    double s = Math.max(sd(diffs, drift), MIN_SD);
                    double level = x.log(e, origin);
                    out[v] = new Forecast[horizons];
                    for (int h = 1; h <= horizons; h++) {
                        out[v][h - 1] = new Forecast.Gaussian(level + h * drift, s * Math.sqrt(h + (double) h * h / window));
                    }
                }
                return out;
            }
        };
    }

    /**
     * Global mean growth: the log level at the origin plus the mean h-year log change over the training
     * economies' last h years before the origin (x(origin) - x(origin - h)); normal, with the sd of those
     * changes across the training economies. Needs at least {@link #MIN_ECONOMIES} training economies with both
     * years.
     */
    public static Forecaster globalMeanGrowth() {
        return new Forecaster() {
            // {mean, sd} per (training panel, origin, variable, horizon): every economy of a fold shares them
            private final java.util.concurrent.ConcurrentHashMap<List<Object>, double[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public String name() {
                return "global-mean";
            }

            @Override
            public Forecast[][] forecast(Panel.Economy e, int origin, int horizons, List<PanelVariable> variables, Panel training) {
                Forecast[][] out = new Forecast[variables.size()][];
                for (int v = 0; v < out.length; v++) {
                    PanelVariable x = variables.get(v);
                    double level = x.log(e, origin);
                    if (!Double.isFinite(level)) {
                        return null;
                    }
                    out[v] = new Forecast[horizons];
                    for (int h = 1; h <= horizons; h++) {
                        double[] ms = cache.computeIfAbsent(List.of(training, origin, x.id(), h), k -> changes(training, x, origin, k));
                        if (ms == null) {
                            return null;
                        }
                        out[v][h - 1] = new Forecast.Gaussian(level + ms[0], ms[1]);
                    }
                }
                return out;
            }
        };
    }

    /** {mean, sd} of the training economies' log changes over the h years to the origin; null with too few. */
    private static double[] changes(Panel training, PanelVariable x, int origin, List<Object> key) {
        return changes(training, x, origin, (int) (Integer) key.get(3));
    }

    /** {mean, sd} of the training economies' log changes of x over the h years to the origin; null with too few. */
    static double[] changes(Panel training, PanelVariable x, int origin, int h) {
        double[] changes = new double[training.economies().size()];
        int n = 0;
        for (Panel.Economy o : training.economies()) {
            double c = x.log(o, origin) - x.log(o, origin - h);
            if (Double.isFinite(c)) {
                changes[n++] = c;
            }
        }
        if (n < MIN_ECONOMIES) {
            return null;
        }
        double[] used = java.util.Arrays.copyOf(changes, n);
        double m = mean(used);
        return new double[] {m, Math.max(sd(used, m), MIN_SD)};
    }

    /** Fewest training economies the global mean is taken over. */
    public static final int MIN_ECONOMIES = 10;
    /** Floor of a forecast sd (log points): a series constant over its window would otherwise give sd 0. */
    static final double MIN_SD = 1e-4;

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (n - 1) around the given mean. */
    static double sd(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
