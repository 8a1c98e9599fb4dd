package io.plansim.runner;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The uniforms in (0,1)^d from which each path's parameter draws are made by inverse CDFs.
 * Plain Monte Carlo takes them from the block's stream; Latin hypercube uses one random permutation of
 * the N strata per dimension (made once from the seed) plus a jitter from the block's stream; Sobol uses
 * Commons Math's generator, skipped to the block's first point and shifted by a random vector per seed.
 */
abstract class ParameterPoints {
    private static final double TINY = 1e-12;

    final int dimensions;

    ParameterPoints(int dimensions) {
        this.dimensions = dimensions;
    }

    static ParameterPoints of(McOptions o, int dimensions) {
        return switch (o.sampler()) {
            case MC -> new Plain(dimensions);
            case LHS -> new Latin(dimensions, (int) o.paths(), o.seed());
            case SOBOL -> new Sobol(dimensions, o.seed());
        };
    }

    /** A cursor over the points of one block, starting at path {@code first}. */
    abstract Cursor cursor(long first, UniformRandomProvider rng);

    interface Cursor {
        /** Fills u with the point of the next path. */
        void next(double[] u);
    }

    static double clamp(double u) {
        return Math.min(1 - TINY, Math.max(TINY, u));
    }

    static final class Plain extends ParameterPoints {
        Plain(int d) {
            super(d);
        }

        @Override
        Cursor cursor(long first, UniformRandomProvider rng) {
            return u -> {
                for (int j = 0; j < dimensions; j++) {
                    u[j] = clamp(rng.nextDouble());
                }
            };
        }
    }

    static final class Latin extends ParameterPoints {
        private final int[][] strata;
        private final int n;

        Latin(int d, int n, long seed) {
            super(d);
            this.n = n;
            strata = new int[d][];
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.mix(seed, -1L));
            for (int j = 0; j < d; j++) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int k = rng.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[k];
                    perm[k] = tmp;
                }
                strata[j] = perm;
            }
        }

        /** The stratum path i falls in along dimension j (for tests). */
        int stratum(int j, int i) {
            return strata[j][i];
        }

        @Override
        Cursor cursor(long first, UniformRandomProvider rng) {
            long[] path = {first};
            return u -> {
                int i = (int) path[0]++;
                for (int j = 0; j < dimensions; j++) {
                    u[j] = clamp((strata[j][i] + rng.nextDouble()) / n);
                }
            };
        }
    }

    static final class Sobol extends ParameterPoints {
        private final double[] shift;

        Sobol(int d, long seed) {
            super(d);
            shift = new double[d];
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.mix(seed, -2L));
            for (int j = 0; j < d; j++) {
                shift[j] = rng.nextDouble();
            }
        }

        @Override
        Cursor cursor(long first, UniformRandomProvider rng) {
            if (dimensions == 0) {
                return u -> { };
            }
            SobolSequenceGenerator g = new SobolSequenceGenerator(dimensions);
            g.skipTo((int) first);
            return u -> {
                double[] x = g.nextVector();
                for (int j = 0; j < dimensions; j++) {
                    double v = x[j] + shift[j];
                    u[j] = clamp(v - Math.floor(v));
                }
            };
        }
    }
}
