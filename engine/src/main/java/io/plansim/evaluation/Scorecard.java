package io.plansim.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of many forecasts, by forecaster, variable and horizon: coverage of the central 50, 80 and 90%
 * intervals, the PIT histogram and the mean CRPS. Coverage is read off the PIT: the outcome lies in the central
 * interval of level L when |PIT - 1/2| &lt;= L/2 (for a continuous forecast the same as lying between its
 * (1-L)/2 and (1+L)/2 quantiles). Add scores in a fixed order for results that do not depend on threads.
 */
public final class Scorecard {
    /** The interval levels scored. */
    public static final double[] LEVELS = {0.5, 0.8, 0.9};
    /** Bins of the PIT histogram, each 0.1 wide. */
    public static final int PIT_BINS = 10;

    private final Map<Key, Cell> cells = new LinkedHashMap<>();

    /** A group of scores. {@code horizon} 0 stands for "all horizons" in {@link #overall}. */
    public record Key(String forecaster, String variable, int horizon) {
    }

    /**
     * The scores of one group.
     *
     * @param n        forecasts scored
     * @param covered  how many outcomes lay in the central interval, per {@link #LEVELS}
     * @param pit      the PIT histogram: outcomes per tenth of (0, 1)
     * @param crpsSum  the sum of the CRPS (log points)
     */
    public record Cell(Key key, long n, long[] covered, long[] pit, double crpsSum) {
        /** Share of outcomes in the central interval of the given level (0.5, 0.8 or 0.9). */
        public double coverage(double level) {
            for (int i = 0; i < LEVELS.length; i++) {
                if (LEVELS[i] == level) {
                    return (double) covered[i] / n;
                }
            }
            throw new IllegalArgumentException("coverage level " + level + ": one of 0.5, 0.8, 0.9");
        }

        /** Binomial standard error of the coverage of a calibrated forecaster, sqrt(L (1 - L) / n). */
        public double coverageSe(double level) {
            return Math.sqrt(level * (1 - level) / n);
        }

        public double meanCrps() {
            return crpsSum / n;
        }

        /** The PIT histogram as densities (1 everywhere when flat). */
        public double[] pitDensity() {
            double[] d = new double[PIT_BINS];
            for (int b = 0; b < PIT_BINS; b++) {
                d[b] = (double) pit[b] * PIT_BINS / n;
            }
            return d;
        }

        /** Pearson's chi-square of the PIT histogram against flat (9 degrees of freedom: 16.9 is its 95th percentile). */
        public double pitChiSquare() {
            double e = (double) n / PIT_BINS;
            double s = 0;
            for (long c : pit) {
                s += (c - e) * (c - e) / e;
            }
            return s;
        }
    }

    /** Adds one scored forecast. */
    public void add(String forecaster, String variable, int horizon, double pit, double crps) {
        if (!(pit >= 0 && pit <= 1) || !Double.isFinite(crps)) {
            throw new IllegalArgumentException("a PIT in [0, 1] and a finite CRPS: " + pit + ", " + crps);
        }
        Key k = new Key(forecaster, variable, horizon);
        Cell c = cells.computeIfAbsent(k, x -> new Cell(x, 0, new long[LEVELS.length], new long[PIT_BINS], 0));
        long[] covered = c.covered().clone();
        for (int i = 0; i < LEVELS.length; i++) {
            if (Math.abs(pit - 0.5) <= LEVELS[i] / 2) {
                covered[i]++;
            }
        }
        long[] hist = c.pit().clone();
        hist[Math.min(PIT_BINS - 1, (int) (pit * PIT_BINS))]++;
        cells.put(k, new Cell(k, c.n() + 1, covered, hist, c.crpsSum() + crps));
    }

    /** Every group, in the order first scored. */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    public Cell cell(String forecaster, String variable, int horizon) {
        return cells.get(new Key(forecaster, variable, horizon));
    }

    /** One forecaster's scores of one variable over all horizons (key horizon 0). */
    public Cell overall(String forecaster, String variable) {
        long n = 0;
        long[] covered = new long[LEVELS.length];
        long[] pit = new long[PIT_BINS];
        double crps = 0;
        for (Cell c : cells.values()) {
            if (c.key().forecaster().equals(forecaster) && c.key().variable().equals(variable)) {
                n += c.n();
                crps += c.crpsSum();
                for (int i = 0; i < covered.length; i++) {
                    covered[i] += c.covered()[i];
                }
                for (int b = 0; b < pit.length; b++) {
                    pit[b] += c.pit()[b];
                }
            }
        }
        return n == 0 ? null : new Cell(new Key(forecaster, variable, 0), n, covered, pit, crps);
    }

    /** The forecasters, variables and horizons scored, in order. */
    public List<String> forecasters() {
        return distinct(k -> k.forecaster());
    }

    public List<String> variables() {
        return distinct(k -> k.variable());
    }

    public List<Integer> horizons() {
        return cells.keySet().stream().map(Key::horizon).distinct().sorted().toList();
    }

    private List<String> distinct(java.util.function.Function<Key, String> f) {
        List<String> out = new ArrayList<>();
        for (Key k : cells.keySet()) {
            if (!out.contains(f.apply(k))) {
                out.add(f.apply(k));
            }
        }
        return out;
    }
}
