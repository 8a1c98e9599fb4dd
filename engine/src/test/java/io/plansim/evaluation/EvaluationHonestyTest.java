package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation is honest: on a synthetic panel from a known process (log GDP a random walk with drift, drift
 * and volatility drawn per economy) the process's own distribution scores nominal coverage within Monte Carlo
 * error and a flat PIT, as a normal forecast and as an ensemble of its draws; a forecaster with half the true
 * spread shows low coverage and a U-shaped PIT.
 */
class EvaluationHonestyTest {
    private static final int ECONOMIES = 400;
    private static final RollingOrigin.Design DESIGN = new RollingOrigin.Design(1970, 2015, 5, 15, 10, 7);
    private static final List<PanelVariable> GDP = List.of(PanelVariable.GDP);
    private static Scorecard card;
    private static RollingOrigin.Evaluation evaluation;

    /** The true process, known to the oracle through two extra columns (drift and volatility). */
    static Panel synthetic(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Panel.Economy> out = new ArrayList<>();
        int years = 2017 - 1950 + 1;
        for (int i = 0; i < ECONOMIES; i++) {
            double mu = 0.02 + 0.015 * gaussian(rng);
            double sigma = 0.01 + 0.05 * rng.nextDouble();
            double[] gdp = new double[years];
            double[] mus = new double[years];
            double[] sigmas = new double[years];
            double x = Math.log(1000) + rng.nextDouble();
            for (int t = 0; t < years; t++) {
                if (t > 0) {
                    x += mu + sigma * gaussian(rng);
                }
                gdp[t] = Math.exp(x);
                mus[t] = mu;
                sigmas[t] = sigma;
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            values.put("rgdpna", gdp);
            values.put("mu", mus);
            values.put("sigma", sigmas);
            out.add(new Panel.Economy(String.format("E%03d", i), "economy " + i, 1950, values));
        }
        return Panel.of(List.of("rgdpna", "mu", "sigma"), out);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: enough for test data
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** The process's distribution with its spread times {@code scale}; as an ensemble of {@code draws} draws if > 0. */
    static Forecaster oracle(String name, double scale, int draws) {
        return new Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Forecast[][] forecast(Panel.Economy e, int origin, int horizons, List<PanelVariable> variables, Panel training) {
                double level = Math.log(e.value("rgdpna", origin));
                double mu = e.value("mu", origin);
                double sd = scale * e.value("sigma", origin);
                SplittableRandom rng = new SplittableRandom(e.code().hashCode() * 31L + origin);
                Forecast[] f = new Forecast[horizons];
                for (int h = 1; h <= horizons; h++) {
                    if (draws == 0) {
                        f[h - 1] = new Forecast.Gaussian(level + h * mu, sd * Math.sqrt(h));
                    } else {
                        double[] x = new double[draws];
                        for (int p = 0; p < draws; p++) {
                            x[p] = level + h * mu + sd * Math.sqrt(h) * gaussian(rng);
                        }
                        f[h - 1] = Forecast.Ensemble.of(x);
                    }
                }
                return new Forecast[][] {f};
            }
        };
    }

    @BeforeAll
    static void evaluate() {
        evaluation = RollingOrigin.run(synthetic(2024), List.of(oracle("truth", 1, 0), oracle("truth-ensemble", 1, 199),
                        oracle("too-narrow", 0.5, 0), NaiveForecasters.randomWalkWithDrift(10), NaiveForecasters.globalMeanGrowth()),
                GDP, DESIGN, 2, null);
        card = evaluation.scores();
    }

    @Test
    void everyCaseWithAnOutcomeIsScored() {
        // origins 1970..2015: each has an outcome in 2016-2017 at least; 400 economies x 10 origins
        assertEquals(ECONOMIES * 10, evaluation.cases());
        assertEquals(ECONOMIES * 10, card.cell("truth", "log_gdp", 1).n());
        // horizon 15 from 2005 ends in 2020, past the panel: origins 1970..2000 only
        assertEquals(ECONOMIES * 7, card.cell("truth", "log_gdp", 15).n());
    }

    @Test
    void theTrueDistributionCoversAtNominalRatesWithinMonteCarloError() {
        for (String f : List.of("truth", "truth-ensemble")) {
            for (int h : List.of(1, 5)) { // origins 5 years apart: at h <= 5 the cases share no shocks
                Scorecard.Cell c = card.cell(f, "log_gdp", h);
                for (double level : Scorecard.LEVELS) {
                    assertEquals(level, c.coverage(level), 4 * c.coverageSe(level), f + " h=" + h + " " + level);
                }
                // flat: chi-square (9 df) below its 99.9th percentile, 27.9
                assertTrue(c.pitChiSquare() < 27.9, f + " h=" + h + " PIT chi-square " + c.pitChiSquare());
            }
            // over all horizons, with the error of the 400 independent economies only (conservative)
            Scorecard.Cell all = card.overall(f, "log_gdp");
            assertEquals(0.8, all.coverage(0.8), 4 * Math.sqrt(0.16 / ECONOMIES), f);
        }
    }

    @Test
    void aTooNarrowForecasterShowsLowCoverageAndAUShapedPit() {
        for (int h : List.of(1, 5, 15)) {
            Scorecard.Cell c = card.cell("too-narrow", "log_gdp", h);
            // half the spread: P(|Z| < 1.28 / 2) = 0.48 instead of 0.80
            assertEquals(0.48, c.coverage(0.8), 0.05, "h=" + h);
            double[] d = c.pitDensity();
            assertTrue(d[0] > 2 && d[9] > 2, "U: outer tenths " + d[0] + ", " + d[9]);
            assertTrue(d[4] < 0.7 && d[5] < 0.7, "U: middle tenths " + d[4] + ", " + d[5]);
        }
        Scorecard.Cell wide = card.cell("truth", "log_gdp", 5);
        Scorecard.Cell narrow = card.cell("too-narrow", "log_gdp", 5);
        assertTrue(wide.meanCrps() < narrow.meanCrps(), "CRPS is proper: the truth scores best");
    }

    @Test
    void theTruthBeatsBothNaiveForecastersOnCrps() {
        for (int h : List.of(1, 5, 15)) {
            double truth = card.cell("truth", "log_gdp", h).meanCrps();
            assertTrue(truth < card.cell("rw-drift-10", "log_gdp", h).meanCrps(), "h=" + h);
            assertTrue(truth < card.cell("global-mean", "log_gdp", h).meanCrps(), "h=" + h);
        }
    }
}
