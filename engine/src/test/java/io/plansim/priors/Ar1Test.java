package io.plansim.priors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.evaluation.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The shock estimates recover a synthetic AR(1) with known sd and persistence, within their standard errors. */
class Ar1Test {
    static final double SD = 0.03;
    static final double RHO = 0.4;
    static final double TREND = 0.06;

    /** Log levels of a region growing at TREND with an AR(1) log-growth shock started from its stationary law. */
    static double[] levels(UniformRandomProvider rng, int years, double sd, double rho) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] level = new double[years];
        double e = sd / Math.sqrt(1 - rho * rho) * z.sample();
        level[0] = 100;
        for (int t = 1; t < years; t++) {
            e = rho * e + sd * z.sample();
            level[t] = level[t - 1] * Math.exp(TREND + e);
        }
        return level;
    }

    @Test
    void aSyntheticRegionalHistoryIsRecoveredWithinItsStandardErrors() {
        // one region, 60 consecutive years as a history would hold them (levels by year)
        double[] l = levels(RandomSource.XO_RO_SHI_RO_128_PP.create(20261201L), 61, SD, RHO);
        TreeMap<Integer, Double> history = new TreeMap<>();
        for (int i = 0; i < l.length; i++) {
            history.put(1960 + i, l[i]);
        }
        Ar1.Fit f = UncertaintyPriors.regional(history, false, 0);
        assertEquals(60, f.n());
        assertTrue(Math.abs(f.sd() - SD) <= 2 * f.sdSe(), "sd " + f.sd() + " se " + f.sdSe());
        assertTrue(Math.abs(f.persistence() - RHO) <= 2 * f.persistenceSe(), "rho " + f.persistence() + " se " + f.persistenceSe());
    }

    @Test
    void theStandardErrorsAreHonest() {
        // over 400 synthetic histories of 40 years, the 95% intervals estimate +- 1.96 se cover the truth about 95% of the time
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int reps = 400;
        int coverSd = 0;
        int coverRho = 0;
        for (int r = 0; r < reps; r++) {
            double[] l = levels(rng, 41, SD, RHO);
            double[] g = new double[40];
            for (int t = 0; t < 40; t++) {
                g[t] = Math.log(l[t + 1] / l[t]);
            }
            Ar1.Fit f = Ar1.fit(g);
            coverSd += Math.abs(f.sd() - SD) <= 1.96 * f.sdSe() ? 1 : 0;
            coverRho += Math.abs(f.persistence() - RHO) <= 1.96 * f.persistenceSe() ? 1 : 0;
        }
        assertTrue(coverSd >= 0.90 * reps && coverSd <= 0.99 * reps, "sd coverage " + coverSd + " of " + reps);
        assertTrue(coverRho >= 0.90 * reps && coverRho <= 0.99 * reps, "rho coverage " + coverRho + " of " + reps);
    }

    @Test
    void levelsWithGapsGiveAnUnbiasedVariance() {
        // levels every 1, 4 and 5 years (as the region's history: 2010, 2014, 2015, 2020): the mean of the variance
        // estimates over many histories is the true sd^2 within its Monte Carlo error
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int[] years = {0, 4, 5, 10, 11, 15, 20};
        int reps = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < reps; r++) {
            double[] l = levels(rng, 21, SD, RHO);
            double[] v = new double[years.length];
            for (int i = 0; i < years.length; i++) {
                v[i] = l[years[i]];
            }
            double var = Math.pow(Ar1.fitIntervals(years, v, RHO).sd(), 2);
            sum += var;
            sumSq += var * var;
        }
        double mean = sum / reps;
        double mcSe = Math.sqrt((sumSq / reps - mean * mean) / reps);
        assertTrue(Math.abs(mean - SD * SD) <= 3 * mcSe, "mean variance " + mean + " against " + SD * SD + " (MC se " + mcSe + ")");
    }

    @Test
    void annualRatesInScatteredYearsGiveAnUnbiasedVariance() {
        // rates observed in 2015, 2017, 2018, 2020 (as Yiwu's real growth): correlated through rho, still unbiased
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        int[] years = {5, 7, 8, 10};
        int reps = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < reps; r++) {
            double[] l = levels(rng, 11, SD, RHO);
            double[] g = new double[years.length];
            for (int i = 0; i < years.length; i++) {
                g[i] = Math.log(l[years[i]] / l[years[i] - 1]);
            }
            double var = Math.pow(UncertaintyPriors.fromRates(years, g, RHO).sd(), 2);
            sum += var;
            sumSq += var * var;
        }
        double mean = sum / reps;
        double mcSe = Math.sqrt((sumSq / reps - mean * mean) / reps);
        assertTrue(Math.abs(mean - SD * SD) <= 3 * mcSe, "mean variance " + mean + " against " + SD * SD + " (MC se " + mcSe + ")");
    }

    @Test
    void aPanelOfEconomiesSharingOneAr1RecoversItAndShrinkageWeighsByPrecision() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        List<Panel.Economy> economies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double[] l = levels(rng, 28, SD, RHO);
            economies.add(new Panel.Economy("E" + i, "economy " + i, 1990, Map.of("y", l)));
        }
        PanelShocks p = PanelShocks.of(Panel.of(List.of("y"), economies), "y", "synthetic", e -> true, (e, y) -> e.value("y", y), 1990, 2017);
        assertEquals(60, p.economies());
        // the mean of 60 estimates: its standard error is about the single-economy se over sqrt(60)
        double seLogSd = 1 / Math.sqrt(2.0 * 24) / Math.sqrt(60);
        assertTrue(Math.abs(p.meanLogSd() - Math.log(SD)) <= 3 * seLogSd + 0.01, "ln sd " + p.meanLogSd());
        assertTrue(Math.abs(p.meanPersistence() - RHO) <= 0.05, "rho " + p.meanPersistence()); // Kendall-corrected
        // identical economies: the between-economy spread is only the floor, a tenth of the sampling variance
        assertTrue(p.tauLogSd() < 0.1, "tau " + p.tauLogSd());

        PanelShocks.Shrunk s = PanelShocks.Shrunk.of(1.0, 0.5, 0.0, 0.5);
        assertEquals(0.5, s.weight(), 1e-12);
        assertEquals(0.5, s.value(), 1e-12);
        assertEquals(Math.sqrt(1 / (1 / 0.25 + 1 / 0.25)), s.se(), 1e-12);
        PanelShocks.Shrunk none = PanelShocks.Shrunk.of(Double.NaN, Double.NaN, 0.2, 0.3);
        assertEquals(0, none.weight());
        assertEquals(0.2, none.value());
        assertEquals(0.3, none.se());
    }
}
