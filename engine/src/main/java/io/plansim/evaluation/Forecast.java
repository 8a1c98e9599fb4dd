package io.plansim.evaluation;

import io.plansim.backtest.Scores;
import java.util.Arrays;

/** A probabilistic forecast of one number (a log level at one horizon), as the scores need it. */
public sealed interface Forecast permits Forecast.Ensemble, Forecast.Gaussian {

    /**
     * The probability integral transform of the outcome: F(y) for a continuous forecast; for an ensemble of
     * m draws, (number below y + u (number equal to y + 1)) / (m + 1) with u uniform on (0, 1), which is
     * uniform on (0, 1) when y is one more draw from the same distribution (the randomized rank).
     */
    double pit(double y, double u);

    /** The continuous ranked probability score of the outcome, in the unit of the forecast (log points). */
    double crps(double y);

    /** The forecast's median. */
    double median();

    /**
     * Draws of a Monte Carlo forecast, sorted, and the scenario's central value (its deterministic path: what a spread
     * recalibration scales deviations from; NaN when not known).
     */
    record Ensemble(double[] sorted, double centre) implements Forecast {
        public Ensemble(double[] sorted) {
            this(sorted, Double.NaN);
        }

        public Ensemble {
            if (sorted.length == 0) {
                throw new IllegalArgumentException("an ensemble needs at least one draw");
            }
            for (int i = 1; i < sorted.length; i++) {
                if (!(sorted[i] >= sorted[i - 1])) {
                    throw new IllegalArgumentException("ensemble draws must be finite and sorted; draw " + i + " is "
                            + sorted[i] + " after " + sorted[i - 1]);
                }
            }
        }

        /** An ensemble of the given draws (copied and sorted). */
        public static Ensemble of(double[] draws) {
            return of(draws, Double.NaN);
        }

        /** An ensemble of the given draws (copied and sorted) around the given central value. */
        public static Ensemble of(double[] draws, double centre) {
            double[] s = draws.clone();
            Arrays.sort(s);
            return new Ensemble(s, centre);
        }

        @Override
        public double pit(double y, double u) {
            int below = lowerBound(y);
            int upTo = below;
            while (upTo < sorted.length && sorted[upTo] == y) {
                upTo++;
            }
            return (below + u * (upTo - below + 1)) / (sorted.length + 1);
        }

        @Override
        public double crps(double y) {
            return Scores.crpsEnsemble(sorted, y);
        }

        @Override
        public double median() {
            int m = sorted.length;
            return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        }

        private int lowerBound(double y) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < y) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** A normal forecast N(mean, sd^2): the naive forecasters', and the true distribution of a synthetic panel. */
    record Gaussian(double mean, double sd) implements Forecast {
        private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

        public Gaussian {
            if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("a normal forecast needs a finite mean and a positive sd: mean "
                        + mean + ", sd " + sd);
            }
        }

        @Override
        public double pit(double y, double u) {
            return STANDARD.cumulativeProbability((y - mean) / sd);
        }

        @Override
        public double crps(double y) {
            return Scores.crpsNormal(mean, sd, y);
        }

        @Override
        public double median() {
            return mean;
        }
    }
}
