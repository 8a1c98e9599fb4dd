package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The sparse correlation product draws exactly what the dense k x k product drew. */
class AnnualShocksTest {
    /** Three correlated shocks and three uncorrelated ones, Student-t tails, a rare event. */
    private static CompiledScenario mixed(String tails) {
        return TestScenarios.compile("test/correlated", "uncertainty.shocks.population={sd: 0.01, persistence: 0.9}",
                "uncertainty.shocks.energy_intensity={sd: 0.03}", "uncertainty.shocks.gdp_deflator={sd: 0.02, persistence: 0.5}",
                "uncertainty.tails=" + tails);
    }

    /** The loop the runner ran until session 5: the dense product over every column of the factor. */
    private static void dense(CompiledUncertainty u, double[] shocks, int n, UniformRandomProvider rng, ContinuousSampler normal,
                              ContinuousSampler chiSquare) {
        int k = u.shocks();
        double[] z = new double[k];
        double[] state = new double[k];
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                z[j] = normal.sample();
            }
            double scale = chiSquare == null ? 1 : Math.sqrt((u.tailsDf - 2) / chiSquare.sample());
            for (int j = 0; j < k; j++) {
                double eps = 0;
                for (int l = 0; l < k; l++) {
                    eps += u.cholesky[j * k + l] * z[l];
                }
                state[j] = u.shockRho[j] * state[j] + u.shockSd[j] * eps * scale;
                shocks[u.shockRow[j] * n + t] *= Math.exp(state[j]);
            }
            for (int e = 0; e < u.eventProbability.length; e++) {
                if (rng.nextDouble() < u.eventProbability[e]) {
                    int[] rows = u.eventRows[e];
                    for (int x = 0; x < rows.length; x++) {
                        shocks[rows[x] * n + t] *= 1 + u.eventSize[e][x].inverseCdf(ParameterPoints.clamp(rng.nextDouble()));
                    }
                }
            }
        }
    }

    private static void sameDrawsAsTheDenseProduct(String tails) {
        CompiledScenario c = mixed(tails);
        CompiledUncertainty u = CompiledUncertainty.of(c);
        assertEquals(6, u.shocks());
        AnnualShocks sparse = new AnnualShocks(u).forBlock(); // as a run's blocks draw: the run's factor, scratch of their own
        // the 3 x 3 correlated block's factor and the identity on the rest: at most 6 + 3 of 36 entries
        assertTrue(sparse.factorEntries() <= 9, "entries kept: " + sparse.factorEntries());
        int n = c.years();
        UniformRandomProvider rngA = RandomSource.XO_SHI_RO_256_PP.create(Seeds.mix(11, 0));
        UniformRandomProvider rngB = RandomSource.XO_SHI_RO_256_PP.create(Seeds.mix(11, 0));
        ContinuousSampler normalA = ZigguratSampler.NormalizedGaussian.of(rngA);
        ContinuousSampler normalB = ZigguratSampler.NormalizedGaussian.of(rngB);
        ContinuousSampler chiA = u.tailsDf > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rngA, u.tailsDf / 2, 2) : null;
        ContinuousSampler chiB = u.tailsDf > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rngB, u.tailsDf / 2, 2) : null;
        for (int path = 0; path < 200; path++) {
            double[] a = c.shocks().clone();
            double[] b = c.shocks().clone();
            sparse.draw(a, n, rngA, normalA, chiA);
            dense(u, b, n, rngB, normalB, chiB);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(b[i]), Double.doubleToRawLongBits(a[i]), "path " + path + ", cell " + i);
            }
        }
    }

    @Test
    void normalShocksAreBitIdenticalToTheDenseProduct() {
        sameDrawsAsTheDenseProduct("null");
    }

    @Test
    void studentTailsAreBitIdenticalToTheDenseProduct() {
        sameDrawsAsTheDenseProduct("{df: 5}");
    }
}
