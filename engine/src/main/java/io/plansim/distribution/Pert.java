package io.plansim.distribution;

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

    public Pert(double min, double mode, double max) {
        Distribution.require(Double.isFinite(min) && Double.isFinite(max) && min < max,
                "pert needs finite min < max: " + min + ", " + max);
        Distribution.require(mode >= min && mode <= max, "pert mode must lie in [min, max]: " + mode);
        this.min = min;
        this.mode = mode;
        this.max = max;
        double range = max - min;
        this.beta = new BetaDistribution(null, 1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range);
        this.table = new double[TABLE + 1];
        for (int i = 0; i <= TABLE; i++) {
            table[i] = min + range * beta.inverseCumulativeProbability((double) i / TABLE);
        }
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
        return o instanceof Pert p && p.min == min && p.mode == mode && p.max == max;
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
