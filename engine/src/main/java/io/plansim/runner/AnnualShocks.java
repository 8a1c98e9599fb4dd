package io.plansim.runner;

import io.plansim.compile.CompiledUncertainty;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * One block's annual shocks and rare events, drawn year by year into a path's shock factors: k standard normals,
 * the correlation factor's product, the AR(1) recurrence and one {@code exp} per shock and year, then the events.
 *
 * <p>The correlation factor is kept sparse, row by row, with its exact zeros left out: a scenario whose shocks are
 * mostly uncorrelated (the Yiwu baseline: 27 shocks, 5 of them correlated) has a factor that is the identity
 * outside one block, and the dense k x k product (729 multiply-adds a year instead of 37) was the largest single
 * cost of a path (JFR, docs/PERFORMANCE.md "Session 5"). Leaving out a term 0 x z changes no sum (adding a zero
 * leaves a sum as it is, and the terms kept are added in the same order), so the draws are bit-identical to the
 * dense product's.
 */
final class AnnualShocks {
    private final CompiledUncertainty u;
    /** Row j of the factor is {@code value[start[j] .. start[j + 1])} in the columns {@code column[...]}. */
    private final int[] start;
    private final int[] column;
    private final double[] value;
    private final double[] z;
    private final double[] state;

    AnnualShocks(CompiledUncertainty u) {
        this.u = u;
        int k = u.shocks();
        double[] dense = u.cholesky;
        int nonZero = 0;
        for (double b : dense) {
            nonZero += b != 0 ? 1 : 0;
        }
        start = new int[k + 1];
        column = new int[nonZero];
        value = new double[nonZero];
        int at = 0;
        for (int j = 0; j < k; j++) {
            start[j] = at;
            for (int l = 0; l < k; l++) {
                double b = dense[j * k + l];
                if (b != 0) {
                    column[at] = l;
                    value[at++] = b;
                }
            }
        }
        start[k] = at;
        z = new double[k];
        state = new double[k];
    }

    /** The same factor with scratch arrays of its own: one run builds the factor once, each block takes a copy. */
    private AnnualShocks(AnnualShocks shared) {
        this.u = shared.u;
        this.start = shared.start;
        this.column = shared.column;
        this.value = shared.value;
        this.z = new double[shared.z.length];
        this.state = new double[shared.state.length];
    }

    /** A drawer for one block (one thread) that shares this one's factor, which nothing writes after construction. */
    AnnualShocks forBlock() {
        return new AnnualShocks(this);
    }

    /** Non-zero entries of the correlation factor (for tests). */
    int factorEntries() {
        return value.length;
    }

    /**
     * Multiplies the shock factors of years 1 .. n-1 of {@code shocks} (rows reset by the caller) by one path's
     * draws, in the order the runner has always drawn them: per year the k normals, the tails' chi-square, then
     * each event's uniforms.
     */
    void draw(double[] shocks, int n, UniformRandomProvider rng, ContinuousSampler normal, ContinuousSampler chiSquare) {
        final int k = z.length;
        final CompiledUncertainty u = this.u;
        final double[] rho = u.shockRho;
        final double[] sd = u.shockSd;
        final int[] row = u.shockRow;
        java.util.Arrays.fill(state, 0);
        final int events = u.eventProbability.length;
        for (int t = 1; t < n; t++) {
            if (k > 0) {
                for (int j = 0; j < k; j++) {
                    z[j] = normal.sample();
                }
                double scale = chiSquare == null ? 1 : Math.sqrt((u.tailsDf - 2) / chiSquare.sample());
                for (int j = 0; j < k; j++) {
                    double eps = 0;
                    for (int e = start[j], end = start[j + 1]; e < end; e++) {
                        eps += value[e] * z[column[e]];
                    }
                    state[j] = rho[j] * state[j] + sd[j] * eps * scale;
                    shocks[row[j] * n + t] *= Math.exp(state[j]);
                }
            }
            for (int e = 0; e < events; e++) {
                if (rng.nextDouble() < u.eventProbability[e]) {
                    int[] rows = u.eventRows[e];
                    for (int x = 0; x < rows.length; x++) {
                        shocks[rows[x] * n + t] *= 1 + u.eventSize[e][x].inverseCdf(ParameterPoints.clamp(rng.nextDouble()));
                    }
                }
            }
        }
    }
}
