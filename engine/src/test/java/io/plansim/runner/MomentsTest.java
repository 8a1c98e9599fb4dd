package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.aggregate.Moments;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Welford updates within blocks and Chan merges across uneven blocks equal the direct two-pass figures. */
class MomentsTest {
    @Test
    void unevenBlocksMergedGiveTheTwoPassMeanAndSd() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(3L);
        int n = 10_007;
        double[][] data = new double[2][n];
        for (int p = 0; p < n; p++) {
            data[0][p] = 1e6 + 3 * rng.nextDouble(); // a large mean and a small spread: cancellation would show
            data[1][p] = -5 + 40 * rng.nextDouble() * rng.nextDouble();
        }
        Moments total = new Moments(2);
        int p = 0;
        while (p < n) {
            int size = Math.min(n - p, 1 + rng.nextInt(3000)); // blocks of 1 to 3000 paths
            Moments block = new Moments(2);
            for (int i = p; i < p + size; i++) {
                block.add(new double[] {data[0][i], data[1][i]});
            }
            total.merge(block);
            p += size;
        }
        assertEquals(n, total.count());
        for (int i = 0; i < 2; i++) {
            double mean = new Mean().evaluate(data[i]);
            double sd = new StandardDeviation().evaluate(data[i]);
            assertEquals(mean, total.mean(i), Math.abs(mean) * 1e-14, "mean " + i);
            assertEquals(sd, total.sd(i), sd * 1e-10, "sd " + i);
        }
    }
}
