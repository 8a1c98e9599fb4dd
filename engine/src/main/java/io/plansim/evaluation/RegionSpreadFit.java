package io.plansim.evaluation;

import io.plansim.aggregate.McResult;
import io.plansim.backtest.Backtest;
import io.plansim.backtest.BacktestRow;
import io.plansim.backtest.Scores;
import io.plansim.runner.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spread recalibration of the region-level variables the panel cannot speak for (trade, income, budget revenue,
 * ...), fitted on the regional backtest rows and scored leaving one origin out: the rows of the backtests from one
 * origin are scored with the factor fitted on the other origins' rows only. With so few rows (two origins, about
 * fifteen rows) one factor is fitted for all horizons. Each row's forecast is its Monte Carlo quantile function on a
 * grid of {@link #GRID} levels, as an ensemble of equally likely points, around the backtest's central path.
 */
public final class RegionSpreadFit {
    /** Quantile levels (i + 1/2) / GRID that stand for a row's forecast distribution. */
    public static final int GRID = 200;
    /** Group id in the calibration file. */
    public static final String GROUP = "region";

    /** One backtest row: its origin's block, metric, actual, and whether it is in the group (else its raw PIT stands). */
    private record Row(int block, String metric, double actual, double[] levels, double centre, boolean inGroup, double pitRaw,
                       double crpsRaw) {
    }

    private final Set<String> panelVariables;
    private final List<Integer> origins = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    /** @param panelVariables variables the panel's groups recalibrate: their rows are not in the regional group */
    public RegionSpreadFit(Set<String> panelVariables) {
        this.panelVariables = Set.copyOf(panelVariables);
    }

    /** Adds a backtest's scored rows (those not across a statistical break), as {@link RegionScores} scores them. */
    public void add(McResult mc, Projection central, Backtest.Result result) {
        int origin = mc.years()[0];
        if (!origins.contains(origin)) {
            origins.add(origin);
        }
        int block = origins.indexOf(origin);
        for (BacktestRow r : result.rows()) {
            if (r.acrossBreak()) {
                continue;
            }
            int v = mc.variableIndex(r.metric());
            int t = r.year() - origin;
            double y = r.actual();
            double pit = RegionScores.pit(mc, r);
            int row = central.indexOf(r.metric());
            double m = row < 0 ? Double.NaN : central.values()[row][t];
            double[] levels = new double[GRID];
            boolean positive = y > 0 && m > 0;
            for (int j = 0; j < GRID && positive; j++) {
                levels[j] = mc.quantile(v, t, (j + 0.5) / GRID);
                positive = levels[j] > 0 && (j == 0 || levels[j] >= levels[j - 1]);
            }
            // a value derived from levels (goods trade, dollar figures) follows its levels' factor, and a share may not be
            // scaled at all (io.plansim.model.LevelIdentities): a group with either would be refused when its file is read
            boolean in = r.hasSpread() && positive && !panelVariables.contains(r.metric())
                    && io.plansim.compile.SpreadCalibration.mayScaleAlone(r.metric());
            rows.add(new Row(block, r.metric(), y, levels, m, in, pit, r.crps() / Math.abs(y)));
        }
    }

    /** What the fit gives: the group's factor, and the rows' scores raw and recalibrated out of sample. */
    public record Result(List<String> variables, int groupRows, double k, double se, double[] leftOut, List<Integer> origins,
                         double[] coverageRaw, double[] coverage, double crpsRaw, double crps, double groupCrpsRaw,
                         double groupCrps, int rows) {
        /**
         * Whether the group earns its place: its leave-one-origin-out mean CRPS over all rows is below the rows' CRPS
         * without it. A scaling that makes the held-out origin's forecasts worse by a proper score is not applied (the
         * choice between the two is made on these rows: say so where the figures are reported).
         */
        public boolean improvesOutOfSample() {
            return crps < crpsRaw;
        }
    }

    /** Fits the factor and scores every row (levels 0.5, 0.8, 0.9); null when no row is in the group or one origin only. */
    public Result fit(long seed) {
        if (origins.size() < 2) {
            return null;
        }
        SpreadFit fit = new SpreadFit(1, 1, origins.size());
        Set<String> variables = new TreeSet<>();
        for (Row r : rows) {
            if (r.inGroup()) {
                double[] logs = new double[GRID];
                for (int j = 0; j < GRID; j++) {
                    logs[j] = Math.log(r.levels()[j]);
                }
                fit.add(0, 1, r.block(), logs, Math.log(r.centre()), Math.log(r.actual()));
                variables.add(r.metric());
            }
        }
        List<SpreadFit.HorizonFit> fits = fit.fit(0);
        if (fits.isEmpty()) {
            return null;
        }
        SpreadFit.Factor f = fits.get(0).below(); // a symmetric fit: the same factor above
        List<double[]> scored = fit.scored(0, fits.get(0), seed);
        double[] levels = Scorecard.LEVELS;
        double[] covRaw = new double[levels.length];
        double[] cov = new double[levels.length];
        double crpsRaw = 0;
        double crps = 0;
        double groupRaw = 0;
        double group = 0;
        int k = 0;
        for (Row r : rows) {
            double pitRaw = r.pitRaw();
            double pit = pitRaw;
            double c = r.crpsRaw();
            double cRaw = r.crpsRaw();
            if (r.inGroup()) {
                pit = scored.get(k++)[1];
                double factor = f.leftOut()[r.block()];
                c = relativeCrps(r, factor);
                cRaw = relativeCrps(r, 1);
                groupRaw += cRaw;
                group += c;
            }
            for (int i = 0; i < levels.length; i++) {
                covRaw[i] += Math.abs(pitRaw - 0.5) <= levels[i] / 2 ? 1 : 0;
                cov[i] += Math.abs(pit - 0.5) <= levels[i] / 2 ? 1 : 0;
            }
            crpsRaw += r.crpsRaw();
            crps += r.inGroup() ? c - cRaw + r.crpsRaw() : r.crpsRaw();
        }
        int n = rows.size();
        for (int i = 0; i < levels.length; i++) {
            covRaw[i] /= n;
            cov[i] /= n;
        }
        return new Result(List.copyOf(variables), (int) fits.get(0).n(), f.k(), f.se(), f.leftOut(), List.copyOf(origins),
                covRaw, cov, crpsRaw / n, crps / n, k == 0 ? Double.NaN : groupRaw / k, k == 0 ? Double.NaN : group / k, n);
    }

    /** CRPS / actual of the row's quantile-grid ensemble scaled by k around the central value, in levels. */
    private static double relativeCrps(Row r, double k) {
        double[] x = new double[GRID];
        for (int j = 0; j < GRID; j++) {
            x[j] = r.centre() * Math.exp(k * Math.log(r.levels()[j] / r.centre()));
        }
        return Scores.crpsEnsemble(x, r.actual()) / Math.abs(r.actual());
    }
}
