package io.plansim.analysis;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * First-order and total Sobol indices of a model of d inputs in [0,1]^d, by Saltelli sampling: two
 * N x d matrices A and B from one 2d-dimensional Sobol sequence, and for each input i the matrix AB_i
 * (A with column i from B), N (d + 2) model runs in all. Estimators (Saltelli et al. 2010, Table 2):
 * first order S_i = mean((f_B - mean f) (f_ABi - f_A)) / V, total (Jansen) ST_i = mean((f_A - f_ABi)^2) / (2 V).
 * Confidence intervals: percentile bootstrap over the N rows.
 */
public final class SobolIndices {
    /** Indices with 95% bootstrap intervals, one entry per input. */
    public record Result(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
                         double[] totalHigh, double variance, int runs) {
    }

    private SobolIndices() {
    }

    public static Result analyse(int d, ToDoubleFunction<double[]> model, int n, int bootstrap, long seed) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        sobol.skipTo(1); // the first Sobol point is all zeros
        double[][] a = new double[n][d];
        double[][] b = new double[n][d];
        for (int j = 0; j < n; j++) {
            double[] x = sobol.nextVector();
            a[j] = Arrays.copyOfRange(x, 0, d);
            b[j] = Arrays.copyOfRange(x, d, 2 * d);
        }
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[d][n];
        for (int j = 0; j < n; j++) {
            fa[j] = model.applyAsDouble(a[j]);
            fb[j] = model.applyAsDouble(b[j]);
            for (int i = 0; i < d; i++) {
                double[] x = a[j].clone();
                x[i] = b[j][i];
                fab[i][j] = model.applyAsDouble(x);
            }
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] point = estimate(d, fa, fb, fab, all);
        double[][] firstDraws = new double[d][bootstrap];
        double[][] totalDraws = new double[d][bootstrap];
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        int[] rows = new int[n];
        for (int k = 0; k < bootstrap; k++) {
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            double[][] e = estimate(d, fa, fb, fab, rows);
            for (int i = 0; i < d; i++) {
                firstDraws[i][k] = e[0][i];
                totalDraws[i][k] = e[1][i];
            }
        }
        double[] fl = new double[d];
        double[] fh = new double[d];
        double[] tl = new double[d];
        double[] th = new double[d];
        for (int i = 0; i < d; i++) {
            Arrays.sort(firstDraws[i]);
            Arrays.sort(totalDraws[i]);
            fl[i] = firstDraws[i][(int) Math.floor(0.025 * (bootstrap - 1))];
            fh[i] = firstDraws[i][(int) Math.ceil(0.975 * (bootstrap - 1))];
            tl[i] = totalDraws[i][(int) Math.floor(0.025 * (bootstrap - 1))];
            th[i] = totalDraws[i][(int) Math.ceil(0.975 * (bootstrap - 1))];
        }
        return new Result(point[0], fl, fh, point[1], tl, th, point[2][0], n * (d + 2));
    }

    /** [first[], total[], {variance}] over the given rows. */
    private static double[][] estimate(int d, double[] fa, double[] fb, double[][] fab, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += fa[j] + fb[j];
        }
        mean /= 2.0 * n;
        double var = 0;
        for (int j : rows) {
            var += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        }
        var /= 2.0 * n - 1;
        double[] first = new double[d];
        double[] total = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            double st = 0;
            for (int j : rows) {
                s += (fb[j] - mean) * (fab[i][j] - fa[j]); // centred: same expectation, far less noise when the mean is large
                double diff = fa[j] - fab[i][j];
                st += diff * diff;
            }
            first[i] = var > 0 ? s / n / var : 0;
            total[i] = var > 0 ? st / (2.0 * n) / var : 0;
        }
        return new double[][] {first, total, {var}};
    }
}
