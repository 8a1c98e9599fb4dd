package io.plansim.app;

import io.plansim.runner.MonteCarloRunner;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error for runs longer than about two seconds: paths done, the
 * largest Monte Carlo standard error among the target probabilities so far, and the time left.
 */
final class ProgressBar implements MonteCarloRunner.Progress {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean shown;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar on {@code err}, or none (null, which the runner takes as "no progress") when asked to be quiet. */
    static ProgressBar unlessQuiet(boolean quiet, PrintWriter err) {
        return quiet ? null : new ProgressBar(err);
    }

    @Override
    public void update(long done, long total, long[] met) {
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || (now - lastPrint < 200_000_000L && done < total)) {
            return;
        }
        lastPrint = now;
        shown = true;
        double maxSe = 0;
        for (long m : met) {
            double p = (double) m / done;
            maxSe = Math.max(maxSe, Math.sqrt(p * (1 - p) / done));
        }
        double frac = (double) done / total;
        int width = 30;
        int filled = (int) (frac * width);
        double elapsed = (now - start) / 1e9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : Double.NaN;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%%  %,d/%,d paths  max SE %.4f  %.0fs left   ",
                "#".repeat(filled), ".".repeat(width - filled), 100 * frac, done, total, maxSe, eta));
        err.flush();
    }

    void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
