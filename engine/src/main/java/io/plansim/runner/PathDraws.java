package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;

/**
 * Individual Monte Carlo paths of a compiled scenario, kept (the runner keeps only aggregates): what a
 * forecast evaluation needs to place each actual in its forecast distribution. The paths are those a
 * {@link MonteCarloRunner} run with the same seed, {@link Sampler#MC} and one block of {@code paths} would
 * draw, so two scenarios with the same uncertainty structure drawn with the same seed share their random
 * numbers (common random numbers).
 */
public final class PathDraws {
    private PathDraws() {
    }

    /**
     * Draws {@code paths} paths and returns, for each kernel row asked for ({@link CompiledScenario#rowOf}),
     * the values path by path and year by year: {@code [row][path][year]}.
     */
    public static double[][][] draw(CompiledScenario c, int paths, long seed, int[] rows) {
        McOptions o = new McOptions(paths, seed, Sampler.MC, 1, paths);
        CompiledUncertainty u = CompiledUncertainty.of(c);
        PathBlock block = new PathBlock(c, u, o, ParameterPoints.of(o, u.dimensions()), 0);
        int n = c.years();
        double[][][] out = new double[rows.length][paths][n];
        for (int p = 0; p < paths; p++) {
            double[] path = block.next();
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(path, rows[r] * n, out[r][p], 0, n);
            }
        }
        return out;
    }

    /** The central path (every uncertain input at its central value) of the kernel rows asked for: {@code [row][year]}. */
    public static double[][] central(CompiledScenario c, int[] rows) {
        int n = c.years();
        double[] out = new double[c.rows() * n];
        io.plansim.kernel.ProjectionKernel.project(c, c.params(), c.shocks(), out);
        double[][] r = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            r[i] = java.util.Arrays.copyOfRange(out, rows[i] * n, rows[i] * n + n);
        }
        return r;
    }
}
