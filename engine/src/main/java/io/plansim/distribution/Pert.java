package io.plansim.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * PERT(min, mode, max): a Beta distribution scaled to [min, max] with shape a = 1 + 4 (mode-min)/(max-min),
 * b = 1 + 4 (max-mode)/(max-min), the form @RISK uses; its mean is (min + 4 mode + max)/6.
 *
 * <p>The Beta inverse CDF is a root search (Commons Math), about a microsecond a call; since a Monte Carlo
 * run draws it once per path, it is tabulated once here at {@link #TABLE} equally spaced levels and read
 * by linear interpolation. With a, b >= 1 the quantile function is smooth inside (0, 1), and the first and
 * last 16 table intervals are evaluated exactly, so the error is far below the sampling error of any run.
 */
public final class Pert implements Distribution {
    static final int TABLE = 4096;
    /** Table intervals at each end evaluated exactly, where the quantile function bends most (0.8% of draws). */
    static final int EXACT = 16;
    private final double min;
    private final double mode;
    private final double max;
    private final BetaDistribution beta;
    private final double[] table;
    /** Unit tables by shape (a, b); read-only once stored. */
    private static final Map<List<Double>, double[]> UNIT_TABLES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Double>, double[]> eldest) {
            return size() > 64;
        }
    };

    public Pert(double min, double mode, double max) {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "pert needs finite min < max: " + min + ", " + max);
        Distribution.require(mode >= min && mode <= max, "pert mode must lie in [min, max]: " + mode);
        this.min = min;
        this.mode = mode;
        this.max = max;
        double range = max - min;
        this.beta = new BetaDistribution(null, 1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range);
        double[] unit = unitTable(beta);
        this.table = new double[TABLE + 1];
        for (int i = 0; i <= TABLE; i++) {
            table[i] = min + range * unit[i];
        }
    }

    /**
     * The Beta quantiles at the table's levels, shared by every PERT of one shape: 4,097 root searches take
     * tens of milliseconds, which every load of a scenario paid again (a what-if on the page, a batch variant)
     * although a what-if shifts or scales a PERT around the scenario's value and leaves its shape alone.
     * Bounded, least recently used first out; the values are the same doubles as computed afresh, so a table
     * built from them is bit-identical.
     */
    private static double[] unitTable(BetaDistribution beta) {
        List<Double> shape = List.of(beta.getAlpha(), beta.getBeta());
        synchronized (UNIT_TABLES) {
            double[] cached = UNIT_TABLES.get(shape);
            if (cached != null) {
                return cached;
            }
        }
        double[] unit = new double[TABLE + 1];
        for (int i = 0; i <= TABLE; i++) {
            unit[i] = beta.inverseCumulativeProbability((double) i / TABLE);
        }
        synchronized (UNIT_TABLES) {
            UNIT_TABLES.put(shape, unit);
        }
        return unit;
    }

    public static Pert of(double min, double mode, double max) {
        return new Pert(min, mode, max);
    }

    public double min() {
        return min;
    }

    public double mode() {
        return mode;
    }

    public double max() {
        return max;
    }

    @Override
    public double inverseCdf(double u) {
        double x = u * TABLE;
        int i = (int) x;
        if (i < EXACT || i >= TABLE - EXACT) {
            return min + (max - min) * beta.inverseCumulativeProbability(u); // the curved ends, exactly
        }
        double w = x - i;
        return table[i] + w * (table[i + 1] - table[i]);
    }

    @Override
    public double mean() {
        return (min + 4 * mode + max) / 6;
    }

    @Override
    public String describe() {
        return "pert(" + min + ", " + mode + ", " + max + ")";
    }

    @Override
    public boolean equals(Object o) {
        // to the last bit, as a record's equals (0.0 and -0.0 differ)
        return o instanceof Pert p && Double.compare(p.min, min) == 0 && Double.compare(p.mode, mode) == 0
                && Double.compare(p.max, max) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(min, mode, max);
    }

    @Override
    public String toString() {
        return describe();
    }
}
