package io.plansim.priors;

import io.plansim.evaluation.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The annual shock of a series across a panel of economies: per economy an AR(1) fit ({@link Ar1#fit}) to
 * its log growth over the {@link #YEARS} years up to the origin (at most {@link #LAST}, the table's last year), then the mean of ln sd and of rho across economies and their
 * spread between economies (the variance of the estimates less their mean sampling variance, the
 * method-of-moments estimate of the between-economy variance tau^2, floored at a tenth of the sampling variance
 * so that it never vanishes). A group named "one economy ..." holds a single economy, whose spread is its own fit's
 * standard errors.
 */
public record PanelShocks(String series, String group, int from, int to, int economies, double meanLogSd, double tauLogSd,
                          double meanPersistence, double tauPersistence) {

    /** Growth rates used per economy: 27, 1991-2017 for an origin at or after the table's last year. */
    public static final int YEARS = 27;
    /** The last year of the Penn World Table 9.1. */
    public static final int LAST = 2017;

    /** The last panel year an origin may use: its own year, or the table's last. */
    public static int lastYear(int origin) {
        return Math.min(LAST, origin);
    }

    /** A level of an economy in a year (NaN or non-positive where missing). */
    public interface Level {
        double of(Panel.Economy e, int year);
    }

    public double sd() {
        return Math.exp(meanLogSd);
    }

    /** The shocks of {@code level} over the growth years from+1..to of the economies {@code keep} holds. */
    public static PanelShocks of(Panel panel, String series, String group, Predicate<Panel.Economy> keep, Level level, int from, int to) {
        List<Ar1.Fit> fits = new ArrayList<>();
        for (Panel.Economy e : panel.economies()) {
            if (!keep.test(e)) {
                continue;
            }
            double[] g = new double[to - from];
            boolean complete = true;
            for (int y = from + 1; y <= to && complete; y++) {
                double a = level.of(e, y - 1);
                double b = level.of(e, y);
                complete = a > 0 && b > 0;
                g[y - from - 1] = complete ? Math.log(b / a) : 0;
            }
            if (complete) {
                Ar1.Fit f = Ar1.fit(g);
                if (f.sd() > 0) {
                    fits.add(f);
                }
            }
        }
        if (fits.size() == 1 && group.startsWith("one economy")) {
            // one economy: the spread is the fit's own standard errors
            Ar1.Fit f = fits.get(0);
            return new PanelShocks(series, group, from, to, 1, Math.log(f.sd()), f.logSdSe(), f.persistence(), f.persistenceSe());
        }
        if (fits.size() < 3) {
            throw new IllegalStateException("fewer than 3 economies with complete " + series + " in " + from + "-" + to + " (" + group + ")");
        }
        int k = fits.size();
        double ms = 0;
        double mr = 0;
        double samplingS = 0;
        double samplingR = 0;
        for (Ar1.Fit f : fits) {
            ms += Math.log(f.sd());
            mr += f.persistence();
            samplingS += f.logSdSe() * f.logSdSe();
            samplingR += f.persistenceSe() * f.persistenceSe();
        }
        ms /= k;
        mr /= k;
        samplingS /= k;
        samplingR /= k;
        double vs = 0;
        double vr = 0;
        for (Ar1.Fit f : fits) {
            vs += Math.pow(Math.log(f.sd()) - ms, 2);
            vr += Math.pow(f.persistence() - mr, 2);
        }
        vs /= k - 1;
        vr /= k - 1;
        return new PanelShocks(series, group, from, to, k, ms, Math.sqrt(Math.max(vs - samplingS, samplingS / 10)),
                mr, Math.sqrt(Math.max(vr - samplingR, samplingR / 10)));
    }

    /**
     * Normal-normal shrinkage of a region's estimate x (standard error se) towards the panel mean m (spread tau
     * between economies): weight w = tau^2 / (tau^2 + se^2) on the region, estimate w x + (1 - w) m, standard
     * error sqrt(w) se (the posterior sd, 1 / sqrt(1/se^2 + 1/tau^2)). Without a regional estimate w = 0 and the
     * standard error is tau: how far a new economy's value strays from the panel's mean.
     */
    public record Shrunk(double value, double se, double weight) {
        public static Shrunk of(double regional, double regionalSe, double panelMean, double tau) {
            if (Double.isNaN(regional) || !(regionalSe > 0)) {
                return new Shrunk(panelMean, tau, 0);
            }
            double w = tau * tau / (tau * tau + regionalSe * regionalSe);
            return new Shrunk(w * regional + (1 - w) * panelMean, Math.sqrt(w) * regionalSe, w);
        }
    }
}
