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
        java.util.Arrays.fill(state, 0);
        for (int t = 1; t < n; t++) {
            drawYear(shocks, n, t, rng, normal, chiSquare);
        }
    }

    /*
     * A path's draws are split into a year (drawYear) and a shock's step (step) so that each call runs short
     * loops: a method whose loops run long in each call is compiled by C2 on-stack, for the loop it is in, before
     * it is compiled whole (draw was compiled so 4 times in a million-path run, docs/PERFORMANCE.md, sessions 6
     * and 7). The arithmetic and the order of the draws are as they were.
     */

    /** Year {@code t}'s k normals, the tails' chi-square, the k shocks' steps, then each event's uniforms. */
    private void drawYear(double[] shocks, int n, int t, UniformRandomProvider rng, ContinuousSampler normal, ContinuousSampler chiSquare) {
        final int k = z.length;
        final CompiledUncertainty u = this.u;
        if (k > 0) {
            for (int j = 0; j < k; j++) {
                z[j] = normal.sample();
            }
            double scale = chiSquare == null ? 1 : Math.sqrt((u.tailsDf - 2) / chiSquare.sample());
            for (int j = 0; j < k; j++) {
                step(j, scale, shocks, n, t);
            }
        }
        for (int e = 0, events = u.eventProbability.length; e < events; e++) {
            if (rng.nextDouble() < u.eventProbability[e]) {
                int[] rows = u.eventRows[e];
                for (int x = 0; x < rows.length; x++) {
                    shocks[rows[x] * n + t] *= 1 + u.eventSize[e][x].inverseCdf(ParameterPoints.clamp(rng.nextDouble()));
                }
            }
        }
    }

    /** Shock j's AR(1) step in year t: its correlated normal (a sparse row of the factor), the state, the factor. */
    private void step(int j, double scale, double[] shocks, int n, int t) {
        double eps = 0;
        for (int e = start[j], end = start[j + 1]; e < end; e++) {
            eps += value[e] * z[column[e]];
        }
        state[j] = u.shockRho[j] * state[j] + u.shockSd[j] * eps * scale;
        shocks[u.shockRow[j] * n + t] *= Math.exp(state[j]);
    }
}
