package io.plansim.kernel;

import static io.plansim.model.Variable.*;

import io.plansim.compile.CompiledScenario;
import io.plansim.model.Variable;
import io.plansim.compile.Layout;

/**
 * The projection kernel: one path, base year to horizon, in annual steps, on primitive arrays only.
 * Every equation is stated in docs/MODEL.md. The kernel allocates nothing; the state of year t-1 is read
 * back from the output rows.
 *
 * <p>Shocks are level factors: a variable's growth factor (1 + g) is multiplied by its shock factor, 1 when
 * there is no shock, 0.96 for a one-off -4% shock, exp(e) for a random log shock e.
 *
 * <p>{@code params} and {@code shocks} have the layout of {@link CompiledScenario#params()} and
 * {@link CompiledScenario#shocks()}: the deterministic runner passes the compiled arrays, a Monte Carlo
 * runner passes perturbed per-thread copies. {@code out} holds {@code c.rows() * c.years()} values,
 * row-major by kernel row (core {@link Variable} ordinal, then satellites).
 */
public final class ProjectionKernel {
    private static final int SAT_GROWTH = Layout.SATELLITE_GROWTH;
    private static final int SAT_RATIO = Layout.SATELLITE_RATIO;

    private ProjectionKernel() {
    }

    public static void project(CompiledScenario c, double[] params, double[] shocks, double[] out) {
        project(c, params, shocks, c.observations().kernelLevels(), out);
    }

    /**
     * As above, with the paths conditioned on {@code observed} levels (layout of the output rows, NaN where
     * nothing is observed; null for none): in a year with an actual, the variable takes it, and the state it
     * implies carries forward (docs/MODEL.md, "Nowcast"). Output absorbs its surprise in TFP (Solow) or in the
     * growth path, so capital, the demand channel and everything downstream follow the observed level. After
     * a statistical break {@code observed} holds, from offset {@code rows * years}, growth ratios instead: the
     * variable takes last year's level times the ratio (levels on a revised basis are not chained onto the path).
     */
    public static void project(CompiledScenario c, double[] params, double[] shocks, double[] observed, double[] out) {
        projectCore(c, params, shocks, observed, out);
        projectSatellites(c, shocks, observed, out);
    }

    /**
     * The satellite rows of a path whose core rows {@link #projectCore} has written (and a recalibration may have
     * moved since: a satellite linked to a core variable follows the core row as it stands).
     */
    public static void projectSatellites(CompiledScenario c, double[] shocks, double[] observed, double[] out) {
        final int n = c.years();
        satellites(c, shocks, out, n, observed, observed == null ? 0 : c.observations().lastIndex(), c.rows() * n);
    }

    /** The core rows of a path (as {@link #project}, without the satellites). */
    public static void projectCore(CompiledScenario c, double[] params, double[] shocks, double[] observed, double[] out) {
        final int n = c.years();
        final int lastObserved = observed == null ? 0 : c.observations().lastIndex();
        final int ratios = c.rows() * n; // where the growth ratios across statistical breaks start in observed
        final boolean solow = c.solow();
        final double alpha = params[Layout.CAPITAL_SHARE * n];

        // ---- base year (t = 0): the state as observed ----
        double realGdp = c.base(Layout.BASE_GDP_NOMINAL); // constant prices of the base year
        double pop = c.base(Layout.BASE_POPULATION);
        double urban = c.base(Layout.BASE_URBANIZATION_RATE) / 100;
        double primary = c.base(Layout.BASE_PRIMARY_SHARE) / 100;
        double secondary = c.base(Layout.BASE_SECONDARY_SHARE) / 100;
        double labour = pop * p(params, Layout.WORKING_AGE_SHARE, 0, n) * p(params, Layout.PARTICIPATION, 0, n);
        double deflator = 1.0;
        double exports = c.base(Layout.BASE_EXPORTS);
        double imports = c.base(Layout.BASE_IMPORTS);
        double domestic = c.base(Layout.BASE_DOMESTIC_TRADE);
        double intensity = c.base(Layout.BASE_ENERGY_INTENSITY);
        double income = c.base(Layout.BASE_INCOME_PER_CAPITA);
        double capital = 0;
        double tfp = 0;
        double tfp0 = 1;
        double human = 1;
        // Solow-Swan output in logs, ln Y = ln A + alpha ln K + (1 - alpha)(ln h + ln L): the same logs give the
        // growth-accounting terms, so a year costs a few logarithms and one exponential instead of powers
        // (the kernel's largest cost; JMH ProjectionBenchmark)
        double lnCapital = 0;
        double lnLabour = 0;
        double lnHuman = 0;
        // Demand channel (docs/MODEL.md, "Trade and output"): ln Y = ln Y_supply + demand, where demand accumulates
        // the elasticity times the market turnover's log growth beyond the supply side's nominal log growth. The
        // logs are carried from year to year; a region without turnover has no channel.
        final boolean channel = exports + domestic > 0;
        double demand = 0;
        double turnover = exports + domestic; // last year's, for the channel's growth ratio
        double lnSupply = Math.log(realGdp); // the supply side's real output (Solow or growth path), in logs
        double lnTfp = 0;
        if (solow) {
            capital = p(params, Layout.CAPITAL_OUTPUT_RATIO, 0, n) * realGdp;
            lnCapital = Math.log(capital);
            lnLabour = Math.log(labour);
            tfp0 = realGdp / Math.exp(alpha * lnCapital + (1 - alpha) * (lnHuman + lnLabour));
            tfp = tfp0;
            lnTfp = Math.log(tfp0);
        }
        set(out, GDP_REAL_GROWTH, 0, n, c.base(Layout.BASE_GDP_REAL_GROWTH));
        // the base year's exchange rate: the recorded one (Observations), else the driver's
        double fx0 = observed == null ? Double.NaN : observed[CNY_PER_USD.ordinal() * n];
        writeLevels(c, params, out, 0, n, fx0 == fx0 ? fx0 : p(params, Layout.CNY_PER_USD, 0, n), realGdp, deflator, pop, urban,
                labour, primary, secondary, exports, imports, domestic, intensity, income);
        if (solow) {
            set(out, CAPITAL_STOCK, 0, n, capital);
            set(out, TFP, 0, n, 1.0);
            set(out, HUMAN_CAPITAL, 0, n, 1.0);
            set(out, GA_CAPITAL, 0, n, Double.NaN); // growth accounting starts with the first projected year
            set(out, GA_LABOUR, 0, n, Double.NaN);
            set(out, GA_HUMAN_CAPITAL, 0, n, Double.NaN);
            set(out, GA_TFP, 0, n, Double.NaN);
            set(out, GA_TRADE, 0, n, Double.NaN);
        }
        final int sats = c.satellites();
        for (int s = 0; s < sats; s++) {
            out[(CompiledScenario.CORE_ROWS + s) * n] = c.satelliteBase(s);
        }

        // ---- annual steps ----
        for (int t = 1; t < n; t++) {
            double prevReal = realGdp;
            double prevPop = pop;
            double prevNominal = realGdp * deflator;
            double prevUrban = urban;

            final boolean known = t <= lastObserved; // a year with actuals: each observed variable takes its value
            pop *= (1 + p(params, Layout.NATURAL_GROWTH, t, n) + p(params, Layout.NET_MIGRATION, t, n))
                    * shock(shocks, POPULATION, t, n);
            double ceiling = p(params, Layout.URBAN_CEILING, t, n);
            urban = ceiling / (1 + (ceiling / urban - 1) * Math.exp(-p(params, Layout.URBAN_SPEED, t, n)));
            if (known) {
                pop = actual(observed, ratios, POPULATION, t, n, prevPop, pop);
                urban = actual(observed, ratios, URBANIZATION_RATE, t, n, 100 * prevUrban, 100 * urban) / 100;
            }
            labour = pop * p(params, Layout.WORKING_AGE_SHARE, t, n) * p(params, Layout.PARTICIPATION, t, n);

            // trade first: exports and domestic trade do not depend on this year's output, output does on them
            double prevExports = exports;
            double prevDomestic = domestic;
            exports *= (1 + p(params, Layout.EXPORT_TREND, t, n)
                    + p(params, Layout.EXPORT_ELASTICITY, t, n) * p(params, Layout.WORLD_DEMAND_GROWTH, t, n))
                    * shock(shocks, EXPORTS, t, n);
            domestic *= (1 + p(params, Layout.DOMESTIC_TRADE_GROWTH, t, n)) * shock(shocks, DOMESTIC_TRADE, t, n);
            if (known) {
                exports = actual(observed, ratios, EXPORTS, t, n, prevExports, exports);
                domestic = actual(observed, ratios, DOMESTIC_TRADE, t, n, prevDomestic, domestic);
            }
            double deflatorFactor = (1 + p(params, Layout.DEFLATOR_GROWTH, t, n)) * shock(shocks, GDP_DEFLATOR, t, n);
            deflator *= deflatorFactor;

            double gdpShock = shock(shocks, GDP_REAL, t, n);
            double lnSupplyBefore = lnSupply;
            if (solow) {
                double tfpFactor = (1 + p(params, Layout.TFP_GROWTH, t, n)) * gdpShock;
                capital = (1 - p(params, Layout.DEPRECIATION, t, n)) * capital + p(params, Layout.SAVINGS_RATE, t, n) * prevReal;
                tfp *= tfpFactor;
                human *= 1 + p(params, Layout.HUMAN_CAPITAL_GROWTH, t, n);
                double lnK = Math.log(capital);
                double lnL = Math.log(labour);
                double lnH = Math.log(human);
                double lnTfpStep = Math.log(tfpFactor);
                lnTfp += lnTfpStep;
                lnSupply = lnTfp + alpha * lnK + (1 - alpha) * (lnH + lnL);
                set(out, CAPITAL_STOCK, t, n, capital);
                set(out, TFP, t, n, tfp / tfp0);
                set(out, HUMAN_CAPITAL, t, n, human);
                set(out, GA_CAPITAL, t, n, 100 * alpha * (lnK - lnCapital));
                set(out, GA_LABOUR, t, n, 100 * (1 - alpha) * (lnL - lnLabour));
                set(out, GA_HUMAN_CAPITAL, t, n, 100 * (1 - alpha) * (lnH - lnHuman));
                set(out, GA_TFP, t, n, 100 * lnTfpStep);
                lnCapital = lnK;
                lnLabour = lnL;
                lnHuman = lnH;
            } else {
                lnSupply += Math.log((1 + p(params, Layout.REAL_GROWTH, t, n)) * gdpShock);
            }
            double demandStep = 0;
            double beta = p(params, Layout.OUTPUT_ELASTICITY, t, n);
            if (channel && beta != 0) {
                // one logarithm: ln(T(t) / (T(t-1) * deflator factor)) is turnover growth less the price part of
                // the supply side's nominal growth; its real part is already in lnSupply's step
                demandStep = beta * (Math.log((exports + domestic) / (turnover * deflatorFactor)) - (lnSupply - lnSupplyBefore));
                demand += demandStep;
            }
            turnover = exports + domestic;
            realGdp = Math.exp(lnSupply + demand);
            if (known) {
                // observed output: real from the real growth rate, nominal with the path's deflator, or both
                double growth = observed[GDP_REAL_GROWTH.ordinal() * n + t];
                double nominal = actual(observed, ratios, GDP_NOMINAL, t, n, prevNominal, Double.NaN);
                double target = growth == growth ? prevReal * (1 + growth / 100) : nominal == nominal ? nominal / deflator : realGdp;
                if (growth == growth && nominal == nominal) {
                    deflator = nominal / target;
                }
                if (target != realGdp) {
                    double surprise = Math.log(target / realGdp);
                    lnSupply += surprise; // the year's surprise is the supply side's: TFP, or the growth path
                    if (solow) {
                        lnTfp += surprise;
                        tfp *= Math.exp(surprise);
                        set(out, TFP, t, n, tfp / tfp0);
                        set(out, GA_TFP, t, n, out[GA_TFP.ordinal() * n + t] + 100 * surprise);
                    }
                    realGdp = target;
                }
            }
            if (solow) {
                set(out, GA_TRADE, t, n, 100 * demandStep);
            }
            set(out, GDP_REAL_GROWTH, t, n, 100 * (realGdp / prevReal - 1));
            double nominalGrowth = realGdp * deflator / prevNominal - 1;

            double speed = p(params, Layout.CONVERGENCE_SPEED, t, n);
            primary += speed * (p(params, Layout.PRIMARY_LONG_RUN, t, n) - primary);
            secondary += speed * (p(params, Layout.SECONDARY_LONG_RUN, t, n) - secondary);

            double prevImports = imports;
            imports *= (1 + p(params, Layout.IMPORT_TREND, t, n)
                    + p(params, Layout.IMPORT_ELASTICITY, t, n) * nominalGrowth)
                    * shock(shocks, IMPORTS, t, n);
            if (known) {
                imports = actual(observed, ratios, IMPORTS, t, n, prevImports, imports);
            }

            double prevIntensity = intensity;
            double prevIncome = income;
            intensity *= (1 - p(params, Layout.INTENSITY_DECLINE, t, n)) * shock(shocks, ENERGY_INTENSITY, t, n);

            double perCapitaGrowth = (realGdp / pop) / (prevReal / prevPop) - 1;
            income *= (1 + p(params, Layout.INCOME_PASS_THROUGH, t, n) * perCapitaGrowth)
                    * (1 + p(params, Layout.CPI_INFLATION, t, n));
            if (known) {
                intensity = actual(observed, ratios, ENERGY_INTENSITY, t, n, prevIntensity, intensity);
                income = actual(observed, ratios, INCOME_PER_CAPITA, t, n, prevIncome, income);
            }

            // the exchange rate: the year's known rate (Observations), else the driver's
            double fx = known ? actual(observed, ratios, CNY_PER_USD, t, n, Double.NaN, p(params, Layout.CNY_PER_USD, t, n))
                    : p(params, Layout.CNY_PER_USD, t, n);
            writeLevels(c, params, out, t, n, fx, realGdp, deflator, pop, urban, labour, primary, secondary,
                    exports, imports, domestic, intensity, income);
        }
    }

    /**
     * The observed value of v in year t; else, after a statistical break, {@code previous} (the path's level of the
     * year before) times the observed growth ratio; else {@code modelled}.
     */
    private static double actual(double[] observed, int ratios, Variable v, int t, int n, double previous, double modelled) {
        return observedOr(observed, ratios, v.ordinal() * n + t, previous, modelled);
    }

    /** Writes every level that follows from the state of year t by identities. */
    private static void writeLevels(CompiledScenario c, double[] params, double[] out, int t, int n, double fx,
                                    double realGdp, double deflator, double pop, double urban, double labour,
                                    double primary, double secondary, double exports, double imports,
                                    double domestic, double intensity, double income) {
        double nominal = realGdp * deflator;
        double tertiary = 1 - primary - secondary;
        set(out, GDP_REAL, t, n, realGdp);
        set(out, GDP_NOMINAL, t, n, nominal);
        set(out, GDP_DEFLATOR, t, n, deflator);
        set(out, GDP_PER_CAPITA, t, n, nominal / pop * 1e4); // 亿元 / 万人 = 1e4 元 per person
        set(out, PRIMARY_SHARE, t, n, 100 * primary);
        set(out, SECONDARY_SHARE, t, n, 100 * secondary);
        set(out, TERTIARY_SHARE, t, n, 100 * tertiary);
        set(out, PRIMARY_VA, t, n, primary * nominal);
        set(out, SECONDARY_VA, t, n, secondary * nominal);
        set(out, TERTIARY_VA, t, n, tertiary * nominal);
        set(out, EXPORTS, t, n, exports);
        set(out, IMPORTS, t, n, imports);
        set(out, GOODS_TRADE, t, n, exports + imports);
        set(out, DOMESTIC_TRADE, t, n, domestic);
        set(out, TOTAL_TRADE, t, n, exports + imports + domestic);
        set(out, EXPORTS_USD, t, n, exports / fx);
        set(out, IMPORTS_USD, t, n, imports / fx);
        set(out, GOODS_TRADE_USD, t, n, (exports + imports) / fx);
        set(out, CNY_PER_USD, t, n, fx);
        set(out, POPULATION, t, n, pop);
        set(out, URBAN_POPULATION, t, n, pop * urban);
        set(out, URBANIZATION_RATE, t, n, 100 * urban);
        set(out, LABOUR, t, n, labour);
        double energy = realGdp * intensity; // 亿元 x 吨标准煤/万元 = 万吨标准煤
        double nonFossil = p(params, Layout.NON_FOSSIL_SHARE, t, n);
        set(out, ENERGY_CONSUMPTION, t, n, energy);
        set(out, ENERGY_INTENSITY, t, n, intensity);
        set(out, NON_FOSSIL_SHARE, t, n, 100 * nonFossil);
        set(out, CO2, t, n, energy * (1 - nonFossil) * p(params, Layout.FOSSIL_CARBON_FACTOR, t, n));
        set(out, INCOME_PER_CAPITA, t, n, income);
    }

    /**
     * Satellite rows, each over the whole horizon once the core rows are done (satellites link only to core
     * variables): each row is then one tight loop, where interleaving 18 satellites year by year cost more
     * than the rest of the kernel (JFR profile, docs/PERFORMANCE.md).
     */
    private static void satellites(CompiledScenario c, double[] shocks, double[] out, int n, double[] observed, int lastObserved,
                                   int ratios) {
        double[] sp = c.satelliteParams();
        for (int s = 0, sats = c.satellites(); s < sats; s++) {
            satellite(c, sp, s, shocks, out, n, observed, lastObserved, ratios);
        }
    }

    /**
     * One satellite row over the horizon. A method of its own so that each call runs a short loop (the years):
     * the JIT then compiles it once, whole, where one loop over all satellites' years ran long enough in each
     * call to be compiled on-stack three times before the whole method was (docs/PERFORMANCE.md, session 7).
     */
    private static void satellite(CompiledScenario c, double[] sp, int s, double[] shocks, double[] out, int n, double[] observed,
                                  int lastObserved, int ratios) {
        int row = (CompiledScenario.CORE_ROWS + s) * n;
        int primary = 2 * s * n;
        int mode = c.satelliteMode(s);
        if (mode == SAT_GROWTH) {
            int link = c.satelliteLink(s) * n;
            int elasticity = (2 * s + 1) * n;
            // the running level and the link's last value in locals: read back from out, each year would
            // wait for the store of the year before
            double level = out[row];
            double linkBefore = out[link];
            for (int t = 1; t < n; t++) {
                double linkNow = out[link + t];
                double linkGrowth = linkNow / linkBefore - 1;
                linkBefore = linkNow;
                double before = level;
                level = level * (1 + sp[primary + t] + sp[elasticity + t] * linkGrowth) * shocks[row + t];
                if (t <= lastObserved) {
                    level = observedOr(observed, ratios, row + t, before, level);
                }
                out[row + t] = level;
            }
        } else {
            // a ratio or a given path, times the accumulated shocks of the satellite (1 on the central path):
            // the deviation persists, as a growth satellite's level shift does, and restarts at an actual
            // (an observed level, or the level before times an observed growth ratio across a break)
            boolean ratioMode = mode == SAT_RATIO;
            int link = ratioMode ? c.satelliteLink(s) * n : 0;
            double baseRatio = ratioMode ? c.satelliteBase(s) / out[link] : 0;
            double deviation = 1;
            for (int t = 1; t < n; t++) {
                deviation *= shocks[row + t];
                double value = sp[primary + t];
                if (ratioMode) {
                    value = (value == value ? value : baseRatio) * out[link + t];
                }
                value *= deviation;
                if (t <= lastObserved) {
                    double known = observedOr(observed, ratios, row + t, out[row + t - 1], Double.NaN);
                    if (known == known) {
                        deviation = 1;
                        value = known;
                    }
                }
                out[row + t] = value;
            }
        }
    }

    /** A satellite cell: its observed level, or the level before times its observed growth ratio, or as modelled. */
    private static double observedOr(double[] observed, int ratios, int cell, double previous, double modelled) {
        double o = observed[cell];
        if (o == o) {
            return o;
        }
        double ratio = observed[ratios + cell];
        return ratio == ratio ? previous * ratio : modelled;
    }

    private static double p(double[] params, int driverRow, int t, int n) {
        return params[driverRow * n + t];
    }

    private static double shock(double[] shocks, Variable v, int t, int n) {
        return shocks[v.ordinal() * n + t];
    }

    private static void set(double[] out, Variable v, int t, int n, double value) {
        out[v.ordinal() * n + t] = value;
    }
}
