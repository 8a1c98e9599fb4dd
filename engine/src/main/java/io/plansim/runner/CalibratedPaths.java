package io.plansim.runner;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.SpreadCalibration;
import io.plansim.kernel.ProjectionKernel;
import io.plansim.model.LevelIdentities;
import io.plansim.model.Variable;
import java.util.Arrays;

/**
 * The spread recalibration of a compiled scenario bound to its kernel layout: the central path (all uncertain
 * inputs at their central values, as {@link DeterministicRunner} runs it) and, for every kernel cell whose factors
 * are not both 1, the factors k_lo and k_hi. A path's value x in such a cell moves to m exp(k ln(x / m)), m the
 * central value (x and m positive; otherwise m + k (x - m)), k = k_lo below the centre and k_hi at or above it, in
 * place and without allocating, before the path is counted against targets and aggregated. Both factors are
 * positive, so the map is increasing in x and fixes m.
 *
 * <p>A scaled level carries its ratio x' / x into every value of the same year that the kernel's identities compute
 * from it ({@link LevelIdentities}): real GDP into nominal GDP, GDP per capita, value added, energy, CO2 and, in the
 * Solow kind, TFP (growth accounting's residual takes the change of growth); real GDP growth and the trade sums are
 * computed again from their levels. The core rows are recalibrated before the satellites are projected
 * ({@link #applyCore}, then {@link ProjectionKernel#projectSatellites}), so a satellite linked to GDP follows the
 * calibrated GDP; a satellite's own factors apply after ({@link #applySatellites}). So every identity of the kernel
 * holds on every calibrated path as on a raw one (docs/MODEL.md "Recalibration").
 */
public final class CalibratedPaths {
    private static final int GDP_REAL = Variable.GDP_REAL.ordinal();
    private static final int GDP_REAL_GROWTH = Variable.GDP_REAL_GROWTH.ordinal();
    private static final int GA_TFP = Variable.GA_TFP.ordinal();
    private static final int EXPORTS = Variable.EXPORTS.ordinal();
    private static final int IMPORTS = Variable.IMPORTS.ordinal();
    private static final int DOMESTIC = Variable.DOMESTIC_TRADE.ordinal();
    private static final int FX = Variable.CNY_PER_USD.ordinal();

    private final int n;
    /** Core cells first ({@code coreCells} of them, each level's years in order), then satellite cells. */
    private final int[] cells;
    private final int coreCells;
    private final double[] centre;
    private final double[] below;
    private final double[] above;
    /** Per core cell: the kernel rows that scale with it, and those divided by it. */
    private final int[][] products;
    private final int[][] quotients;
    /** Whether real GDP is scaled (growth recomputed; in the Solow kind TFP's growth-accounting term takes the change). */
    private final boolean gdp;
    private final boolean solow;
    private final boolean trade;

    private CalibratedPaths(int n, int[] cells, int coreCells, double[] centre, double[] below, double[] above, int[][] products,
                            int[][] quotients, boolean gdp, boolean solow, boolean trade) {
        this.n = n;
        this.cells = cells;
        this.coreCells = coreCells;
        this.centre = centre;
        this.below = below;
        this.above = above;
        this.products = products;
        this.quotients = quotients;
        this.gdp = gdp;
        this.solow = solow;
        this.trade = trade;
    }

    /** The transform of c's calibration, null when c has none or it changes no cell of c. */
    public static CalibratedPaths of(CompiledScenario c) {
        SpreadCalibration cal = c.calibration();
        if (cal == null) {
            return null;
        }
        int n = c.years();
        double[] central = new double[c.rows() * n];
        ProjectionKernel.project(c, c.params(), c.shocks(), central);
        int size = c.outputs().size() * n;
        int[] cells = new int[size];
        double[] m = new double[size];
        double[] lo = new double[size];
        double[] hi = new double[size];
        int[][] products = new int[size][];
        int[][] quotients = new int[size][];
        int count = 0;
        int coreCount = 0;
        boolean gdp = false;
        boolean trade = false;
        // core rows first, then satellites: the satellites are projected from the recalibrated core in between
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < c.outputs().size(); i++) {
                String id = c.outputs().get(i).id();
                int row = c.outputRow(i);
                boolean core = row < CompiledScenario.CORE_ROWS;
                if (core != (pass == 0)) {
                    continue;
                }
                Variable v = core ? Variable.values()[row] : null;
                if (core && !LevelIdentities.scalable(v)) {
                    // a derived value listed beside its level follows it (SpreadCalibration refuses any other)
                    continue;
                }
                // the level's products and quotients, one array shared by its years' cells
                int[] times = core ? rows(LevelIdentities.productsOf(v), c.solow()) : null;
                int[] over = core ? rows(LevelIdentities.quotientsOf(v), c.solow()) : null;
                for (int t = 1; t < n; t++) {
                    double fLo = cal.factorBelow(id, t);
                    double fHi = cal.factorAbove(id, t);
                    if (fLo != 1 || fHi != 1) {
                        cells[count] = row * n + t;
                        m[count] = central[row * n + t];
                        lo[count] = fLo;
                        hi[count] = fHi;
                        if (core) {
                            products[count] = times;
                            quotients[count] = over;
                            gdp |= row == GDP_REAL;
                            trade |= LevelIdentities.tradeTerm(v);
                        }
                        count++;
                    }
                }
            }
            if (pass == 0) {
                coreCount = count;
            }
        }
        if (count == 0) {
            return null;
        }
        return new CalibratedPaths(n, Arrays.copyOf(cells, count), coreCount, Arrays.copyOf(m, count), Arrays.copyOf(lo, count),
                Arrays.copyOf(hi, count), Arrays.copyOf(products, count), Arrays.copyOf(quotients, count), gdp, c.solow(), trade);
    }

    private static int[] rows(java.util.Set<Variable> vs, boolean solow) {
        return vs.stream().filter(v -> solow || !v.solowOnly()).mapToInt(Variable::ordinal).toArray();
    }

    /**
     * Scales the path's deviations from the central path in {@code out} (a kernel buffer) by the factors of their side,
     * in the core rows, and carries each scaled level into the values computed from it. The satellites are projected
     * after this, from the recalibrated core.
     */
    public void applyCore(double[] out) {
        final int n = this.n;
        for (int j = 0; j < coreCells; j++) {
            int cell = cells[j];
            double x = out[cell];
            double scaled = scale(x, j);
            out[cell] = scaled;
            if (x != 0 && scaled != x) {
                carry(out, j, cell, scaled / x);
            }
        }
        if (gdp) {
            // real GDP growth from the recalibrated levels (the kernel's expression: the same bits where nothing moved)
            for (int t = 1; t < n; t++) {
                out[GDP_REAL_GROWTH * n + t] = 100 * (out[GDP_REAL * n + t] / out[GDP_REAL * n + t - 1] - 1);
            }
        }
        if (trade) {
            for (int t = 1; t < n; t++) {
                double exports = out[EXPORTS * n + t];
                double imports = out[IMPORTS * n + t];
                double fx = out[FX * n + t];
                out[Variable.GOODS_TRADE.ordinal() * n + t] = exports + imports;
                out[Variable.TOTAL_TRADE.ordinal() * n + t] = exports + imports + out[DOMESTIC * n + t];
                out[Variable.EXPORTS_USD.ordinal() * n + t] = exports / fx;
                out[Variable.IMPORTS_USD.ordinal() * n + t] = imports / fx;
                out[Variable.GOODS_TRADE_USD.ordinal() * n + t] = (exports + imports) / fx;
            }
        }
    }

    /** Scales the satellites' deviations that a group of the calibration names (after they are projected). */
    public void applySatellites(double[] out) {
        for (int j = coreCells; j < cells.length; j++) {
            out[cells[j]] = scale(out[cells[j]], j);
        }
    }

    /** Cell j's value x recalibrated: m exp(k ln(x / m)), or linearly where x or m is not positive. */
    private double scale(double x, int j) {
        double m = centre[j];
        double k = x < m ? below[j] : above[j];
        return x > 0 && m > 0 ? m * Math.exp(k * Math.log(x / m)) : m + k * (x - m);
    }

    /** Carries a level's ratio r into its year's products and quotients, and real GDP's into TFP's growth term. */
    private void carry(double[] out, int j, int cell, double r) {
        int t = cell % n;
        for (int row : products[j]) {
            out[row * n + t] *= r;
        }
        for (int row : quotients[j]) {
            out[row * n + t] /= r;
        }
        if (solow && cell - t == GDP_REAL * n) {
            // TFP is the residual of the production function: its growth term takes the change of this year's log
            // level, and gives it back the year after (whose level is measured from this one)
            double d = 100 * Math.log(r);
            out[GA_TFP * n + t] += d;
            if (t + 1 < n) {
                out[GA_TFP * n + t + 1] -= d;
            }
        }
    }

    /** Kernel cells the transform changes. */
    public int cells() {
        return cells.length;
    }
}
