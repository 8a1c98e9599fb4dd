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
 *   <li>uncertainty: an annual GDP shock with sd = sd(a_t) (no persistence) and a population shock with sd =
 *       sd(dln pop); the TFP and population trends shifted by a normal draw with sd = sd / sqrt(10), the standard
 *       error of the window's mean. Nothing is fitted on the panel, so the training panel is not used.</li>
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
        String yaml = scenario(e, origin, horizons);
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
        Forecast[][] out = new Forecast[variables.size()][horizons];
        for (int v = 0; v < rows.length; v++) {
            double level = variables.get(v).log(e, origin);
            for (int h = 1; h <= horizons; h++) {
                double[] x = new double[paths];
                int n = 0;
                for (int p = 0; p < paths; p++) {
                    double r = Math.log(draws[v][p][h] / draws[v][p][0]);
                    if (Double.isFinite(r)) { // a path the kernel could not carry (capital below zero) is left out
                        x[n++] = level + r;
                    }
                }
                out[v][h - 1] = n < 2 ? null : Forecast.Ensemble.of(java.util.Arrays.copyOf(x, n));
            }
        }
        return out;
    }

    /** The scenario of an economy at an origin, null when the window lacks data. */
    String scenario(Panel.Economy e, int origin, int horizons) {
        if (!e.complete(NEEDS, origin - WINDOW, origin)) {
            return null;
        }
        double labsh = 0;
        double delta = 0;
        double invest = 0;
        for (int y = origin - WINDOW + 1; y <= origin; y++) {
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
        for (int k = 0; k < WINDOW; k++) {
            int y = origin - k;
            double dy = dln(e, "rgdpna", y);
            double dk = dln(e, "rnna", y);
            hcGrowth[k] = dln(e, "hc", y);
            double dl = dln(e, "emp", y);
            popGrowth[k] = dln(e, "pop", y);
            residual[k] = dy - alpha * dk - (1 - alpha) * (hcGrowth[k] + dl);
        }
        double tfp = NaiveForecasters.mean(residual);
        double tfpSd = Math.max(NaiveForecasters.sd(residual, tfp), MIN_SD);
        double pop = NaiveForecasters.mean(popGrowth);
        double popSd = Math.max(NaiveForecasters.sd(popGrowth, pop), MIN_SD);
        double hc = NaiveForecasters.mean(hcGrowth);
        double ky = clamp(e.value("rnna", origin) / e.value("rgdpna", origin), 0.2, 10);
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
                "    tfpGrowth: " + num(clamp(Math.expm1(tfp), -0.1, 0.1)),
                "    humanCapitalGrowth: " + num(clamp(Math.expm1(hc), -0.05, 0.05)),
                "    savingsRate: " + num(clamp(invest, 0, 0.9)),
                "    depreciation: " + num(clamp(delta, 0, 0.3)),
                "    capitalShare: " + num(alpha),
                "    capitalOutputRatio: " + num(ky),
                "  trade:",
                "    outputElasticity: 0    # the panel has no trade forecast: output is the supply side alone",
                "  population:",
                "    naturalGrowth: " + num(clamp(Math.expm1(pop), -0.05, 0.05)),
                "    netMigration: 0",
                "uncertainty:",
                "  parameters:",
                "    production.tfpGrowth: {dist: normal, mean: 0, sd: " + num(tfpSd / Math.sqrt(WINDOW)) + ", apply: shift}",
                "    population.naturalGrowth: {dist: normal, mean: 0, sd: " + num(popSd / Math.sqrt(WINDOW)) + ", apply: shift}",
                "  shocks:",
                "    gdp_real: {sd: " + num(tfpSd) + "}",
                "    population: {sd: " + num(popSd) + "}",
                "");
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
