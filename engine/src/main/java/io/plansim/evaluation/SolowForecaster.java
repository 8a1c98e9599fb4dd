package io.plansim.evaluation;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.runner.PathDraws;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import java.util.List;
import java.util.Locale;

/**
 * plansim's own model as a forecaster of the panel: for an economy and an origin it writes a Solow scenario
 * (YAML, in memory) whose drivers and uncertainty come from the economy's {@link #WINDOW} years up to the origin
 * by the rules below, loads and compiles it like any user scenario and draws {@code paths} Monte Carlo paths
 * with the given seed (the same seed for every forecast: common random numbers).
 *
 * <p>Rules, for the years t = origin - 9 .. origin and their changes from the year before (PWT 9.1 columns):
 * <ul>
 *   <li>capital share alpha = 1 - mean labsh; depreciation = mean delta; savings rate = mean of
 *       (rnna_t - (1 - delta_t) rnna_t-1) / rgdpna_t-1, the rate at which the kernel's accumulation reproduces the
 *       window's capital; capital-output ratio = rnna / rgdpna at the origin;</li>
 *   <li>TFP growth = exp(mean a_t) - 1 with the Solow residual a_t = dln rgdpna - alpha dln rnna
 *       - (1 - alpha)(dln hc + dln emp); human-capital growth = exp(mean dln hc) - 1; population growth
 *       (naturalGrowth) = exp(mean dln pop) - 1, and labour grows with population (emp/pop held at the origin's);</li>
 *   <li>priors fitted on the training panel ({@link GrowthPrior}, {@link #fit}, up to the origin only): TFP and
 *       population growth are the panel's regression of the next decade's mean growth on the last decade's, applied
 *       to the window's (regression towards the panel mean), not the window's mean itself;</li>
 *   <li>uncertainty: an annual GDP shock with sd = sd(a_t) (no persistence) and a population shock with sd =
 *       sd(dln pop); the TFP and population trends shifted by a normal draw, once per path, whose sd is the
 *       prior's persistent shift (for TFP the larger of TFP's and real GDP's shift: the shift stands for every
 *       persistent surprise in output growth). With a population prior the population trend is not shifted: its
 *       decade-mean variance (shift^2 + sd^2 / 10) is carried by an AR(1) population shock of persistence
 *       {@link #POPULATION_PERSISTENCE}, which builds up as population growth does. Without a training panel (null) or with fewer than
 *       {@link GrowthPrior#MIN_PAIRS} pairs in it: the window's means, shifted by sd / sqrt(10), the standard
 *       error of the window's mean (parameter uncertainty only).</li>
 *   <li>with a training panel also (issue 18, docs/EVALUATION.md): the annual shocks Student-t ({@code tails: {df}})
 *       with the df fitted by maximum likelihood on the training panel's one-year-ahead residuals standardized by
 *       their window's sd ({@link StudentTFit}); population growth a path by horizon, regressed on the last year's
 *       growth and the decade's ({@link HorizonRegression}), its AR(1) shock sized on that regression's residual
 *       variance at one and ten years ({@link HorizonRegression#ar1}); and every GDP path moved by w(h) (m(h) - c(h)), the
 *       combination of the central path's log change c(h) with the global mean's m(h), w(h) fitted by least
 *       squares on the training panel ({@link #combinationWeights}).</li>
 *   <li>no demand channel (trade.outputElasticity 0): the panel gives no trade forecast, output is the supply side.</li>
 * </ul>
 * A driver outside its allowed range (docs/MODEL.md) is clamped to it. An economy lacking any of these columns in
 * any year of the window is not forecast.
 */
public final class SolowForecaster implements Forecaster {
    /** Years of history before the origin that set the drivers. */
    public static final int WINDOW = 10;
    /** The panel columns the forecaster reads. */
    public static final List<String> NEEDS = List.of("rgdpna", "rnna", "emp", "hc", "labsh", "delta", "pop");
    private static final double MIN_SD = 1e-4;

    private final int paths;
    private final long seed;
    private final boolean common;
    private final ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
    // the priors per (training panel, origin): every economy of a fold shares them
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Priors> priors = new java.util.concurrent.ConcurrentHashMap<>();

    private SolowForecaster(int paths, long seed, boolean common) {
        this.paths = paths;
        this.seed = seed;
        this.common = common;
    }

    /** Every forecast drawn with the same seed (common random numbers). */
    public static SolowForecaster of(int paths, long seed) {
        return of(paths, seed, true);
    }

    /**
     * @param common true: every forecast drawn with {@code seed} (common random numbers: differences between two
     *               evaluations are not noise, but the ensembles' sampling error is the same in every forecast and does
     *               not average out of the coverage); false: each forecast with its own seed derived from
     *               (seed, economy, origin)
     */
    public static SolowForecaster of(int paths, long seed, boolean common) {
        if (paths < 2) {
            throw new IllegalArgumentException("at least 2 paths per forecast: " + paths);
        }
        return new SolowForecaster(paths, seed, common);
    }

    @Override
    public String name() {
        return "plansim";
    }

    @Override
    public Forecast[][] forecast(Panel.Economy e, int origin, int horizons, List<PanelVariable> variables, Panel training) {
        Priors fitted = training == null ? null : priors.computeIfAbsent(List.of(training, origin), k -> fit(training, origin));
        String yaml = scenario(e, origin, horizons, fitted);
        if (yaml == null) {
            return null;
        }
        Scenario scenario = loader.load(ScenarioRepository.text("pwt/" + e.code() + "-" + origin, yaml), List.of());
        CompiledScenario c = ScenarioCompiler.compile(scenario);
        int[] rows = new int[variables.size()];
        for (int v = 0; v < rows.length; v++) {
            rows[v] = c.rowOf(variables.get(v).kernel());
        }
        long s0 = common ? seed : new java.util.SplittableRandom(seed ^ (e.code().hashCode() * 0x9E3779B97F4A7C15L + origin)).nextLong();
        double[][][] draws = PathDraws.draw(c, paths, s0, rows);
        double[][] central = PathDraws.central(c, rows);
        Forecast[][] out = new Forecast[variables.size()][horizons];
        for (int v = 0; v < rows.length; v++) {
            double level = variables.get(v).log(e, origin);
            double[] towardsGlobal = variables.get(v).equals(PanelVariable.GDP) ? combinationShift(fitted, training, origin, central[v], horizons) : new double[horizons];
            for (int h = 1; h <= horizons; h++) {
                double start = level + towardsGlobal[h - 1]; // every path moved by w (m - c) at this horizon
                double[] x = new double[paths];
                int n = 0;
                for (int p = 0; p < paths; p++) {
                    double r = Math.log(draws[v][p][h] / draws[v][p][0]);
                    if (Double.isFinite(r)) { // a path the kernel could not carry (capital below zero) is left out
                        x[n++] = start + r;
                    }
                }
                double centre = start + Math.log(central[v][h] / central[v][0]);
                out[v][h - 1] = n < 2 ? null : Forecast.Ensemble.of(java.util.Arrays.copyOf(x, n), centre);
            }
        }
        return out;
    }

    /**
     * The log shift w(h) (m(h) - c(h)) of every GDP path at horizons 1..horizons: the combination with the global
     * mean's change m(h) to the origin, c(h) the central path's (kernel) log change; zeros without weights.
     */
    static double[] combinationShift(Priors p, Panel training, int origin, double[] central, int horizons) {
        double[] shift = new double[horizons];
        if (p == null || p.combination() == null) {
            return shift;
        }
        for (int h = 1; h <= horizons; h++) {
            double[] ms = NaiveForecasters.changes(training, PanelVariable.GDP, origin, h);
            if (ms == null) {
                return new double[horizons];
            }
            double w = p.combination()[Math.min(h, p.combination().length) - 1];
            shift[h - 1] = w * (ms[0] - Math.log(central[h] / central[0]));
        }
        return shift;
    }

    /** What the {@link #WINDOW} years to {@code end} say, by the rules above. */
    record Window(double alpha, double delta, double invest, double tfp, double tfpSd, double pop, double popSd, double hc,
                  double gdp, double gdpSd) {
    }

    /** The window of years end-9..end (and the year before, for the changes), null when it lacks data. */
    static Window window(Panel.Economy e, int end) {
        if (!e.complete(NEEDS, end - WINDOW, end)) {
            return null;
        }
        double labsh = 0;
        double delta = 0;
        double invest = 0;
        for (int y = end - WINDOW + 1; y <= end; y++) {
            labsh += e.value("labsh", y) / WINDOW;
            delta += e.value("delta", y) / WINDOW;
            // the investment rate the kernel's accumulation K_t = (1 - delta) K_t-1 + s Y_t-1 needs to reproduce the
            // window's capital series; csh_i (at current PPPs) understates it for most economies and biased every
            // forecast of capital, and through it of GDP, downwards (docs/EVALUATION.md)
            invest += (e.value("rnna", y) - (1 - e.value("delta", y)) * e.value("rnna", y - 1)) / e.value("rgdpna", y - 1) / WINDOW;
        }
        double alpha = clamp(1 - labsh, 0.05, 0.95);
        double[] residual = new double[WINDOW];
        double[] popGrowth = new double[WINDOW];
        double[] hcGrowth = new double[WINDOW];
        double[] gdpGrowth = new double[WINDOW];
        for (int k = 0; k < WINDOW; k++) {
            int y = end - k;
            double dy = dln(e, "rgdpna", y);
            gdpGrowth[k] = dy;
            double dk = dln(e, "rnna", y);
            hcGrowth[k] = dln(e, "hc", y);
            double dl = dln(e, "emp", y);
            popGrowth[k] = dln(e, "pop", y);
            residual[k] = dy - alpha * dk - (1 - alpha) * (hcGrowth[k] + dl);
        }
        double tfp = NaiveForecasters.mean(residual);
        double pop = NaiveForecasters.mean(popGrowth);
        double gdp = NaiveForecasters.mean(gdpGrowth);
        return new Window(alpha, delta, invest, tfp, Math.max(NaiveForecasters.sd(residual, tfp), MIN_SD), pop,
                Math.max(NaiveForecasters.sd(popGrowth, pop), MIN_SD), NaiveForecasters.mean(hcGrowth), gdp,
                Math.max(NaiveForecasters.sd(gdpGrowth, gdp), MIN_SD));
    }

    /** The TFP and population growth priors fitted on a training panel at an origin; either null with too few pairs. */
    public record Priors(GrowthPrior tfp, GrowthPrior pop, GrowthPrior gdp, StudentTFit tails, HorizonRegression popPath,
                         double[] combination) {
        /** The growth priors alone (normal shocks, population at the decade regression's rate, no combination). */
        public Priors(GrowthPrior tfp, GrowthPrior pop, GrowthPrior gdp) {
            this(tfp, pop, gdp, null, null, null);
        }

        Priors withCombination(double[] weights) {
            return new Priors(tfp, pop, gdp, tails, popPath, weights);
        }

        @Override
        public String toString() {
            return "Priors[tfp=" + tfp + ", pop=" + pop + ", gdp=" + gdp + ", tails=" + tails + ", combination="
                    + java.util.Arrays.toString(combination) + "]";
        }
    }

    /**
     * Weights w(h) of the combination of the model's central log-GDP change c(h) with the global mean's m(h) (the
     * training economies' mean log change over the h years to the origin): c + w (m - c), fitted on the training
     * panel by least squares, w = sum (y - c)(m - c) / sum (m - c)^2 clamped to [0, 1], over every training economy
     * and anchor t in origin-30..origin-h (outcome t + h &lt;= origin), the model's c from the same rules at t.
     * Null when a horizon has fewer than {@link GrowthPrior#MIN_PAIRS} pairs.
     */
    static double[] combinationWeights(Panel training, int origin, Priors base) {
        double[] num = new double[PATH_HORIZONS];
        double[] den = new double[PATH_HORIZONS];
        int[] n = new int[PATH_HORIZONS];
        double[][] global = new double[WINDOW + ANCHORS][];
        for (int t = origin - WINDOW - ANCHORS; t < origin; t++) {
            double[] m = new double[PATH_HORIZONS];
            for (int h = 1; h <= PATH_HORIZONS; h++) {
                double[] ms = t + h <= origin ? NaiveForecasters.changes(training, PanelVariable.GDP, t + h, h) : null;
                m[h - 1] = ms == null ? Double.NaN : ms[0];
            }
            global[t - (origin - WINDOW - ANCHORS)] = m;
        }
        for (Panel.Economy o : training.economies()) {
            for (int t = origin - WINDOW - ANCHORS; t < origin; t++) {
                Drivers d = drivers(o, t, base);
                if (d == null) {
                    continue;
                }
                double[] c = centralLogGdp(d, Math.min(PATH_HORIZONS, origin - t));
                double[] m = global[t - (origin - WINDOW - ANCHORS)];
                for (int h = 1; h <= c.length; h++) {
                    double y = PanelVariable.GDP.log(o, t + h) - PanelVariable.GDP.log(o, t);
                    if (Double.isFinite(y) && Double.isFinite(m[h - 1])) {
                        num[h - 1] += (y - c[h - 1]) * (m[h - 1] - c[h - 1]);
                        den[h - 1] += (m[h - 1] - c[h - 1]) * (m[h - 1] - c[h - 1]);
                        n[h - 1]++;
                    }
                }
            }
        }
        double[] w = new double[PATH_HORIZONS];
        for (int h = 0; h < PATH_HORIZONS; h++) {
            if (n[h] < GrowthPrior.MIN_PAIRS || !(den[h] > 0)) {
                return null;
            }
            w[h] = clamp(num[h] / den[h], 0, 1);
        }
        return w;
    }

    /** Horizons the population path is fitted for; beyond the last the path is flat. */
    static final int PATH_HORIZONS = 15;


    /**
     * Persistence of the population shock when a prior is fitted (judgement, checked on the whole panel: population
     * 80% coverage 0.80-0.83 at every horizon with 0.9, 0.94 at 1 year and 0.78 at 15 with 0.7, docs/EVALUATION.md).
     */
    static final double POPULATION_PERSISTENCE = 0.9;

    /** Decades of anchors before the origin the priors are fitted on: anchors t = origin - 10 - ANCHORS .. origin - 10. */
    static final int ANCHORS = 20;

    /**
     * Fits the priors on the training panel with nothing after the origin: for every training economy and anchor t
     * in origin-30..origin-10 with both its window to t and the next one (to t + 10 &lt;= origin) complete, the pair
     * (last decade's mean growth, next decade's), for TFP (the Solow residual) and population ({@link GrowthPrior}).
     */
    static Priors fitPriors(Panel training, int origin) {
        int max = training.economies().size() * (ANCHORS + 1);
        double[][] x = new double[3][max];
        double[][] y = new double[3][max];
        double[][] s2 = new double[3][max];
        int n = 0;
        for (Panel.Economy o : training.economies()) {
            for (int t = origin - WINDOW - ANCHORS; t <= origin - WINDOW; t++) {
                Window before = window(o, t);
                Window after = before == null ? null : window(o, t + WINDOW);
                if (after != null) {
                    x[0][n] = before.tfp();
                    y[0][n] = after.tfp();
                    s2[0][n] = after.tfpSd() * after.tfpSd();
                    x[1][n] = before.pop();
                    y[1][n] = after.pop();
                    s2[1][n] = after.popSd() * after.popSd();
                    x[2][n] = before.gdp();
                    y[2][n] = after.gdp();
                    s2[2][n] = after.gdpSd() * after.gdpSd();
                    n++;
                }
            }
        }
        return new Priors(GrowthPrior.fit(x[0], y[0], s2[0], n, WINDOW), GrowthPrior.fit(x[1], y[1], s2[1], n, WINDOW),
                GrowthPrior.fit(x[2], y[2], s2[2], n, WINDOW), StudentTFit.fit(standardizedResiduals(training, origin), residualSlots(training)),
                populationPath(training, origin), null);
    }

    /** {@link #fitPriors} with the combination weights fitted on top ({@link #combinationWeights}). */
    public static Priors fit(Panel training, int origin) {
        Priors p = fitPriors(training, origin);
        return p.withCombination(combinationWeights(training, origin, p));
    }

    /** Room for one standardized residual per training economy and anchor ({@link #standardizedResiduals}). */
    private static int residualSlots(Panel training) {
        return training.economies().size() * (ANCHORS + WINDOW);
    }

    /**
     * The next year's Solow residual standardized by the window's: z = (a_t+1 - mean a) / sd a over the window to t,
     * for every training economy and anchor t in origin-30..origin-1 (so t + 1 &lt;= origin). What a one-year
     * forecast with normal shocks of the window's sd meets; non-finite entries where the data lack.
     */
    static double[] standardizedResiduals(Panel training, int origin) {
        double[] z = new double[residualSlots(training)];
        java.util.Arrays.fill(z, Double.NaN);
        int n = 0;
        for (Panel.Economy o : training.economies()) {
            for (int t = origin - WINDOW - ANCHORS; t < origin; t++) {
                Window w = window(o, t);
                if (w != null && o.complete(NEEDS, t, t + 1)) {
                    double a = dln(o, "rgdpna", t + 1) - w.alpha() * dln(o, "rnna", t + 1)
                            - (1 - w.alpha()) * (dln(o, "hc", t + 1) + dln(o, "emp", t + 1));
                    z[n] = (a - w.tfp()) / w.tfpSd();
                }
                n++;
            }
        }
        return z;
    }

    private static final List<String> POP = List.of("pop");

    /**
     * The population path's horizon regressions ({@link HorizonRegression}) on the training panel: for horizon h,
     * every training economy and anchor t in origin-30..origin-h with population from t-10 to t+h.
     */
    static HorizonRegression populationPath(Panel training, int origin) {
        int max = training.economies().size() * (ANCHORS + WINDOW + 1);
        double[] recent = new double[max];
        double[] decade = new double[max];
        double[] y = new double[max];
        double[][] coefficients = new double[PATH_HORIZONS][];
        int[] pairs = new int[PATH_HORIZONS];
        double[] variance = new double[PATH_HORIZONS];
        for (int h = 1; h <= PATH_HORIZONS; h++) {
            int n = 0;
            for (Panel.Economy o : training.economies()) {
                for (int t = origin - WINDOW - ANCHORS; t <= origin - h; t++) {
                    if (o.complete(POP, t, t + h) && window(o, t) != null) {
                        double p = Math.log(o.value("pop", t));
                        recent[n] = (p - Math.log(o.value("pop", t - HorizonRegression.RECENT))) / HorizonRegression.RECENT;
                        decade[n] = (p - Math.log(o.value("pop", t - WINDOW))) / WINDOW;
                        y[n] = (Math.log(o.value("pop", t + h)) - p) / h;
                        n++;
                    }
                }
            }
            double[] fit = HorizonRegression.fitHorizon(recent, decade, y, n);
            if (fit == null) {
                return null;
            }
            coefficients[h - 1] = java.util.Arrays.copyOf(fit, 3);
            variance[h - 1] = h * h * fit[3];
            pairs[h - 1] = n;
        }
        return new HorizonRegression(coefficients, pairs, variance);
    }

    /**
     * The scenario's drivers for an economy at an origin, as written to the YAML (rates as the scenario takes them,
     * after clamping to their allowed ranges): what {@link #scenario} writes and {@link #centralLogGdp} projects.
     *
     * @param popGrowth naturalGrowth in each year 1..n after the origin (flat after the last)
     */
    record Drivers(double alpha, double tfp, double hc, double savings, double delta, double ky, double[] popGrowth,
                   double tfpShift, String tfpSource, double tfpSd, double popShift, String popSource, double popSd,
                   double popPersistence, double tailsDf) {
    }

    /** The drivers by the rules above, null when the window lacks data; priors null: the window's own rules. */
    static Drivers drivers(Panel.Economy e, int origin, Priors priors) {
        Window w = window(e, origin);
        if (w == null) {
            return null;
        }
        double tfpSd = w.tfpSd();
        double popSd = w.popSd();
        // without a prior fitted on the panel: the window's mean, uncertain by its standard error
        double tfp = w.tfp();
        double tfpShift = tfpSd / Math.sqrt(WINDOW);
        double pop = w.pop();
        double popShift = popSd / Math.sqrt(WINDOW);
        double popPersistence = 0;
        String tfpSource = "the standard error of the window's mean";
        String popSource = tfpSource;
        if (priors != null && priors.tfp() != null) {
            tfp = priors.tfp().mean(w.tfp());
            // the shift is the model's one channel for every persistent surprise in output growth: besides TFP's,
            // those of saving, employment and schooling, which the scenario holds at the window's rates. So it is
            // the larger of TFP's and real GDP's unexplained decade shift (the GDP one, in PWT 9.1: log-GDP 80%
            // coverage 0.76-0.77 at 5-15 years, against 0.64-0.66 with TFP's alone; docs/EVALUATION.md)
            tfpShift = Math.max(priors.tfp().shiftSd(), MIN_SD);
            if (priors.gdp() != null) {
                tfpShift = Math.max(tfpShift, priors.gdp().shiftSd());
            }
            tfpSource = "GrowthPrior fitted on the training panel, slope " + num(priors.tfp().slope()) + ", " + priors.tfp().pairs()
                    + " pairs; shift the larger of TFP's and real GDP's";
        }
        double[] popGrowth = {pop};
        if (priors != null && priors.pop() != null) {
            pop = priors.pop().mean(w.pop());
            popGrowth = new double[] {pop};
            popShift = Math.max(priors.pop().shiftSd(), MIN_SD);
            // population growth drifts rather than jumps: the decade's surprise (shift and annual shocks) is carried
            // by a persistent annual shock of the same decade-mean variance, which starts small and builds up
            popPersistence = POPULATION_PERSISTENCE;
            popSd = Math.sqrt((popShift * popShift + popSd * popSd / WINDOW) / decadeMeanVariance(popPersistence));
            popShift = MIN_SD * 1e-3; // a normal needs sd > 0: the AR(1) shock carries the trend's uncertainty
            popSource = "GrowthPrior fitted on the training panel, slope " + num(priors.pop().slope()) + ", " + priors.pop().pairs()
                    + " pairs; carried by the persistent population shock";
            if (priors.popPath() != null) {
                // the median path: recent drift and the decade weighed by horizon on the training panel
                double recent = Math.log(e.value("pop", origin) / e.value("pop", origin - HorizonRegression.RECENT)) / HorizonRegression.RECENT;
                popGrowth = priors.popPath().path(recent, w.pop());
                // the spread by horizon too: an AR(1) shock whose cumulative variance is the path's residual variance
                // at one year and at ten (population 80% coverage 0.77-0.79 at every horizon, against 0.74 at one year
                // with the shock sized on the decade regression; docs/EVALUATION.md)
                double[] ar = priors.popPath().ar1(WINDOW);
                popSd = Math.max(ar[0], MIN_SD);
                popPersistence = ar[1];
                popSource = "HorizonRegression fitted on the training panel: path and its residual spread at 1 and " + WINDOW + " years";
            }
        }
        double[] rates = new double[popGrowth.length];
        for (int h = 0; h < rates.length; h++) {
            rates[h] = clamp(Math.expm1(popGrowth[h]), -0.05, 0.05);
        }
        double savings = w.invest();
        double df = priors != null && priors.tails() != null && !priors.tails().normal() ? priors.tails().df() : 0;
        return new Drivers(w.alpha(), clamp(Math.expm1(tfp), -0.1, 0.1), clamp(Math.expm1(w.hc()), -0.05, 0.05),
                clamp(savings, 0, 0.9), clamp(w.delta(), 0, 0.3), clamp(e.value("rnna", origin) / e.value("rgdpna", origin), 0.2, 10),
                rates, tfpShift, tfpSource, tfpSd, popShift, popSource, popSd, popPersistence, df);
    }

    /**
     * The central path's log change of real GDP over 1..horizons years: the kernel's Solow equations (docs/MODEL.md)
     * with every uncertain input at its centre and labour growing with population, Y_0 = 1, K_0 = K/Y, A_0 = K_0^-alpha.
     * The same numbers as the kernel's central path of the scenario ({@code SolowForecasterTest} checks it); used
     * to fit the combination weights on the training panel without compiling a scenario per training case.
     */
    static double[] centralLogGdp(Drivers d, int horizons) {
        double[] out = new double[horizons];
        double y = 1;
        double k = d.ky();
        double lnA = -d.alpha() * Math.log(k);
        double lnHL = 0;
        for (int h = 1; h <= horizons; h++) {
            k = (1 - d.delta()) * k + d.savings() * y;
            lnA += Math.log1p(d.tfp());
            double n = d.popGrowth()[Math.min(h, d.popGrowth().length) - 1];
            lnHL += Math.log1p(d.hc()) + Math.log1p(n);
            double lnY = lnA + d.alpha() * Math.log(k) + (1 - d.alpha()) * lnHL;
            y = Math.exp(lnY);
            out[h - 1] = lnY;
        }
        return out;
    }

    /** The scenario of an economy at an origin, null when the window lacks data; priors null: the window's own rules. */
    String scenario(Panel.Economy e, int origin, int horizons, Priors priors) {
        Drivers d = drivers(e, origin, priors);
        if (d == null) {
            return null;
        }
        String popGrowth = num(d.popGrowth()[0]);
        // the path is fitted for PATH_HORIZONS years whatever the design's horizon; a scenario takes anchors only
        // up to its horizon, and the years the horizon cuts off are not projected anyway
        int anchors = Math.min(d.popGrowth().length, horizons);
        if (anchors > 1) {
            StringBuilder b = new StringBuilder("{anchors: {");
            for (int h = 1; h <= anchors; h++) {
                b.append(h > 1 ? ", " : "").append(origin + h).append(": ").append(num(d.popGrowth()[h - 1]));
            }
            popGrowth = b.append("}}").toString();
        }
        String tails = d.tailsDf() > 0 ? "  tails: {df: " + num(d.tailsDf()) + "}    # fitted on the training panel's standardized one-year residuals" : "";
        String src = "{note: \"PWT 9.1 (scenarios/reference/pwt/pwt91.csv), " + e.code() + " " + (origin - WINDOW) + "-" + origin
                + "; rule in io.plansim.evaluation.SolowForecaster\"}";
        String index = "{value: 100, unit: 亿元, source: {note: \"index: the kernel is scale-free, only log changes are scored\"}}";
        return String.join("\n",
                "name: " + e.code() + " from " + origin,
                "region: \"" + e.name().replace("\"", "'") + "\"",
                "baseYear: " + origin,
                "horizon: " + (origin + horizons),
                "currency: CNY",
                "model: solow",
                "base:",
                "  gdpNominal: " + index,
                "  gdpRealGrowth: {value: 0, unit: \"%\", source: {note: \"not used by the evaluation\"}}",
                "  population: {value: " + num(100 * e.value("pop", origin)) + ", unit: 万人, source: " + src + "}",
                "  urbanizationRate: {value: 50, unit: \"%\", source: {note: \"not used by the evaluation\"}}",
                "  primaryShare: {value: 10, unit: \"%\", source: {note: \"not used by the evaluation\"}}",
                "  secondaryShare: {value: 40, unit: \"%\", source: {note: \"not used by the evaluation\"}}",
                "  tertiaryShare: {value: 50, unit: \"%\", source: {note: \"not used by the evaluation\"}}",
                "  exports: {value: 10, unit: 亿元, source: {note: \"not used by the evaluation\"}}",
                "  imports: {value: 10, unit: 亿元, source: {note: \"not used by the evaluation\"}}",
                "  domesticTrade: {value: 10, unit: 亿元, source: {note: \"not used by the evaluation\"}}",
                "  energyIntensity: {value: 0.5, unit: 吨标准煤/万元, source: {note: \"not used by the evaluation\"}}",
                "  incomePerCapita: {value: 10000, unit: 元, source: {note: \"not used by the evaluation\"}}",
                "drivers:",
                "  production:",
                "    tfpGrowth: " + num(d.tfp()),
                "    humanCapitalGrowth: " + num(d.hc()),
                "    savingsRate: " + num(d.savings()),
                "    depreciation: " + num(d.delta()),
                "    capitalShare: " + num(d.alpha()),
                "    capitalOutputRatio: " + num(d.ky()),
                "  trade:",
                "    outputElasticity: 0    # the panel has no trade forecast: output is the supply side alone",
                "  population:",
                "    naturalGrowth: " + popGrowth,
                "    netMigration: 0",
                "uncertainty:",
                "  parameters:",
                "    production.tfpGrowth: {dist: normal, mean: 0, sd: " + num(d.tfpShift()) + ", apply: shift}    # " + d.tfpSource(),
                "    population.naturalGrowth: {dist: normal, mean: 0, sd: " + num(d.popShift()) + ", apply: shift}    # " + d.popSource(),
                "  shocks:",
                "    gdp_real: {sd: " + num(d.tfpSd()) + "}",
                "    population: {sd: " + num(d.popSd()) + ", persistence: " + num(d.popPersistence()) + "}",
                tails,
                "");
    }
    /** Variance of the mean of e_1..e_WINDOW for e_t = rho e_t-1 + innovation (unit variance), e_0 = 0. */
    static double decadeMeanVariance(double rho) {
        return HorizonRegression.cumulativeVariance(rho, WINDOW) / (WINDOW * WINDOW);
    }

    private static double dln(Panel.Economy e, String series, int year) {
        return Math.log(e.value(series, year) / e.value(series, year - 1));
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.8g", x);
    }
}
