package io.plansim.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores of probabilities that plan targets are met: the Brier score, mean (p - o)^2 with o = 1 when met, and a
 * reliability table; and the base-rate forecaster, which gives each target the share of the other targets of the same
 * kind in the record that were met (leave one out).
 */
public final class PlanScores {
    /** Bins of the reliability table: [0, 0.2), [0.2, 0.4), ..., [0.8, 1]. */
    public static final int BINS = 5;

    private PlanScores() {
    }

    /** One bin: forecasts in it, their mean probability and the share met. */
    public record Bin(double from, double to, int n, double meanProbability, double shareMet) {
    }

    /**
     * The base rate of each row: the share met among the other rows of its kind, or among all other rows when no
     * other row has its kind.
     */
    public static double[] baseRates(List<PlanRecord.Row> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = shareMet(rows, i, true);
            if (Double.isNaN(out[i])) {
                out[i] = shareMet(rows, i, false);
            }
        }
        return out;
    }

    private static double shareMet(List<PlanRecord.Row> rows, int leftOut, boolean sameKind) {
        int n = 0;
        int met = 0;
        for (int j = 0; j < rows.size(); j++) {
            if (j != leftOut && (!sameKind || rows.get(j).kind().equals(rows.get(leftOut).kind()))) {
                n++;
                met += rows.get(j).met() ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) met / n;
    }

    /** Mean (p - o)^2 over the rows with a probability (not NaN); NaN when there are none. */
    public static double brier(List<PlanRecord.Row> rows, double[] p) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!Double.isNaN(p[i])) {
                double o = rows.get(i).met() ? 1 : 0;
                s += (p[i] - o) * (p[i] - o);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public static int count(double[] p) {
        int n = 0;
        for (double x : p) {
            n += Double.isNaN(x) ? 0 : 1;
        }
        return n;
    }

    /** The reliability table of the rows with a probability. */
    public static List<Bin> reliability(List<PlanRecord.Row> rows, double[] p) {
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double from = (double) b / BINS;
            double to = (double) (b + 1) / BINS;
            int n = 0;
            double sumP = 0;
            int met = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!Double.isNaN(p[i]) && p[i] >= from && (p[i] < to || b == BINS - 1)) {
                    n++;
                    sumP += p[i];
                    met += rows.get(i).met() ? 1 : 0;
                }
            }
            out.add(new Bin(from, to, n, n == 0 ? Double.NaN : sumP / n, n == 0 ? Double.NaN : (double) met / n));
        }
        return out;
    }
}
