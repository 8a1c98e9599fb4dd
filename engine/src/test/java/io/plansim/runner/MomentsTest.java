package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.aggregate.Moments;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Batched means and variances, combined across batches and blocks, equal the direct two-pass figures. */
class MomentsTest {
    @Test
    void unevenBatchesAndMergesGiveTheTwoPassMeanAndSd() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(3L);
        int n = 10_007;
        double[][] data = new double[2][n];
        for (int p = 0; p < n; p++) {
            data[0][p] = 1e6 + 3 * rng.nextDouble(); // a large mean and a small spread: cancellation would show
            data[1][p] = -5 + 40 * rng.nextDouble() * rng.nextDouble();
        }
        Moments a = new Moments(2);
        Moments b = new Moments(2);
        int p = 0;
        int batch = 0;
        while (p < n) {
            int lanes = Math.min(n - p, 1 + rng.nextInt(80)); // 1 to 80 paths side by side
            double[] columns = new double[2 * lanes];
            for (int l = 0; l < lanes; l++) {
                columns[l] = data[0][p + l];
                columns[lanes + l] = data[1][p + l];
            }
            (batch++ % 3 == 0 ? a : b).addLanes(columns, new int[] {0, lanes}, lanes);
            p += lanes;
        }
        a.merge(b);
        assertEquals(n, a.count());
        for (int i = 0; i < 2; i++) {
            double mean = new Mean().evaluate(data[i]);
            double sd = new StandardDeviation().evaluate(data[i]);
            assertEquals(mean, a.mean(i), Math.abs(mean) * 1e-14, "mean " + i);
            assertEquals(sd, a.sd(i), sd * 1e-10, "sd " + i);
        }
    }
}
