package io.plansim.aggregate;

import io.plansim.model.VariableInfo;
import io.plansim.target.Target;
import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * What a Monte Carlo run keeps: per variable and year the mean, sd and percentiles; per target the
 * number of paths that met it; numeric faults with the first faulty path so it can be replayed.
 */
public record McResult(String scenario, long seed, String sampler, int[] years, List<VariableInfo> variables,
                       Moments moments, Quantiles quantiles, List<Target> targets, long[] met, long paths,
                       long faults, long firstFaultPath, String firstFault) {
    /** The percentiles every result reports. */
    public static final double[] PERCENTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    public int index(int variable, int t) {
        return variable * years.length + t;
    }

    public double mean(int variable, int t) {
        return moments.mean(index(variable, t));
    }

    public double sd(int variable, int t) {
        return moments.sd(index(variable, t));
    }

    public double quantile(int variable, int t, double q) {
        return quantiles.quantile(index(variable, t), q);
    }

    /** True when every path gave the variable the same value that year: its percentiles are that value, without spread. */
    public boolean deterministic(int variable, int t) {
        return quantiles.deterministic(index(variable, t));
    }

    /**
     * A variable-year of the distribution as every long table writes it ({@code mc --format csv}, the report's and
     * the workbook's percentiles, a batch's results): the variable (with its unit and price basis), the year, mean,
     * sd, the {@link #PERCENTILES} and whether every path gave the same value.
     */
    public record Row(VariableInfo variable, int year, double mean, double sd, double[] percentiles, boolean deterministic) {
    }

    /**
     * The long table's rows, variable by variable and year by year; a variable-year without a mean (a growth
     * contribution in the base year) has no row.
     */
    public List<Row> rows() {
        List<Row> out = new java.util.ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            for (int t = 0; t < years.length; t++) {
                double m = mean(v, t);
                if (!Double.isFinite(m)) {
                    continue;
                }
                double[] q = new double[PERCENTILES.length];
                for (int i = 0; i < q.length; i++) {
                    q[i] = quantile(v, t, PERCENTILES[i]);
                }
                out.add(new Row(variables.get(v), years[t], m, sd(v, t), q, deterministic(v, t)));
            }
        }
        return out;
    }

    public int variableIndex(String id) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Share of the (fault-free) paths that met target i. */
    public double probability(int i) {
        return paths == 0 ? Double.NaN : (double) met[i] / paths;
    }

    /** Monte Carlo standard error of that share, sqrt(p(1-p)/n). */
    public double standardError(int i) {
        double p = probability(i);
        return Math.sqrt(p * (1 - p) / paths);
    }

    /** Wilson score 95% interval of that share. */
    public double[] wilson95(int i) {
        if (paths == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) Math.min(paths, Integer.MAX_VALUE),
                (int) Math.min(met[i], Integer.MAX_VALUE), 0.95);
        return new double[] {ci.getLowerBound(), ci.getUpperBound()};
    }

    public int targetIndex(String id) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
