package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.Quantiles;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;
import io.plansim.runner.Projection;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** Closed-form and statistical checks of the Monte Carlo engine. */
class MonteCarloTest {
    private static final java.util.concurrent.ExecutorService ONE_THREAD = Workers.fixed(1);
    private static final java.util.concurrent.ExecutorService FOUR_THREADS = Workers.fixed(4);

    /** Paths of a block one after another, as the runner draws them. */
    private static double[][] paths(CompiledScenario c, McOptions o, int count, String variable) {
        CompiledUncertainty u = CompiledUncertainty.of(c);
        PathBlock block = new PathBlock(c, u, o, ParameterPoints.of(o, u.dimensions()), 0);
        int row = c.rowOf(variable);
        int n = c.years();
        double[][] series = new double[count][];
        for (int p = 0; p < count; p++) {
            double[] out = block.next();
            series[p] = java.util.Arrays.copyOfRange(out, row * n, row * n + n);
        }
        return series;
    }

    @Test
    void gdpWithNormalLogGrowthIsLognormalAtTheHorizon() {
        CompiledScenario c = TestScenarios.compile("test/lognormal");
        double y0 = 1000, mu = Math.log(1.05), sigma = 0.02;
        int years = 15;
        double[] xs = {1900, 2050, 2079, 2100, 2250};
        StringBuilder catalog = new StringBuilder("targets:\n");
        for (double x : xs) {
            catalog.append("  - {id: x").append((int) x).append(", plan: t, metric: gdp_real, year: 2035, kind: level, comparator: \">=\", value: ")
                    .append(x).append(", unit: 亿元, basis: real, source: {file: f, line: 1, quote: q}}\n");
        }
        TargetCatalog targets = TargetCatalog.parse("t.yaml", catalog.toString());
        McResult r = MonteCarloRunner.run(c, McOptions.of(200_000, 7), PathTargets.of(c, targets.targets(), History.empty()), null);
        NormalDistribution phi = new NormalDistribution();
        for (int i = 0; i < xs.length; i++) {
            double exact = 1 - phi.cumulativeProbability((Math.log(xs[i]) - Math.log(y0) - years * mu) / (sigma * Math.sqrt(years)));
            double p = r.probability(i);
            double se = Math.sqrt(exact * (1 - exact) / r.paths());
            assertTrue(Math.abs(p - exact) <= 4 * se, "X=" + xs[i] + ": " + p + " vs " + exact + " (se " + se + ")");
            double[] ci = r.wilson95(i);
            assertTrue(ci[0] <= p && p <= ci[1]);
        }
        // the median of the lognormal is the deterministic path
        int gdp = r.variableIndex("gdp_real");
        double median = y0 * Math.exp(years * mu);
        assertEquals(median, r.quantile(gdp, 15, 0.5), median * 0.006);
    }

    @Test
    void shockCorrelationsMatchTheMatrix() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "uncertainty.shocks.gdp_real.persistence=0",
                "uncertainty.shocks.imports.persistence=0", "uncertainty.events=null", "uncertainty.parameters=null",
                "trade.importElasticity=0");
        McOptions o = new McOptions(20_000, 3, Sampler.MC, 1, 20_000);
        int count = 20_000;
        double[][] gdp = paths(c, o, count, "gdp_real");
        double[][] exp = paths(c, o, count, "exports");
        double[][] imp = paths(c, o, count, "imports");
        double[] g = new double[count];
        double[] x = new double[count];
        double[] m = new double[count];
        for (int p = 0; p < count; p++) {
            g[p] = Math.log(gdp[p][5] / gdp[p][4]);
            x[p] = Math.log(exp[p][5] / exp[p][4]);
            m[p] = Math.log(imp[p][5] / imp[p][4]);
        }
        PearsonsCorrelation pc = new PearsonsCorrelation();
        // sampling sd of a correlation estimate is about (1 - r^2)/sqrt(n) < 0.007 here
        assertEquals(0.5, pc.correlation(g, x), 0.03);
        assertEquals(0.3, pc.correlation(g, m), 0.03);
        assertEquals(0.6, pc.correlation(x, m), 0.03);
        assertEquals(0.05, new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(x), 0.002);
    }

    @Test
    void ar1ShocksReachTheirStationaryVariance() {
        double sd = 0.02, rho = 0.6;
        CompiledScenario c = TestScenarios.compile("test/correlated", "uncertainty.events=null", "uncertainty.parameters=null");
        McOptions o = new McOptions(20_000, 5, Sampler.MC, 1, 20_000);
        double[][] gdp = paths(c, o, 20_000, "gdp_real");
        double[] late = new double[gdp.length];
        double[] early = new double[gdp.length];
        for (int p = 0; p < gdp.length; p++) {
            late[p] = Math.log(gdp[p][100] / gdp[p][99]);
            early[p] = Math.log(gdp[p][1] / gdp[p][0]);
        }
        var var = new org.apache.commons.math3.stat.descriptive.moment.Variance();
        double stationary = sd * sd / (1 - rho * rho);
        assertEquals(stationary, var.evaluate(late), stationary * 0.04);
        assertEquals(sd * sd, var.evaluate(early), sd * sd * 0.04); // the first year has only its own innovation
    }

    @Test
    void latinHypercubeHitsEveryStratumOncePerDimension() {
        int n = 1000;
        McOptions o = new McOptions(n, 11, Sampler.LHS, 1, 128);
        ParameterPoints points = ParameterPoints.of(o, 3);
        boolean[][] hit = new boolean[3][n];
        for (long b = 0; b < o.blocks(); b++) {
            var rng = org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(Seeds.mix(11, b));
            ParameterPoints.Cursor cur = points.cursor(b * 128, rng);
            double[] u = new double[3];
            for (long i = b * 128; i < Math.min(n, (b + 1) * 128); i++) {
                cur.next(u);
                for (int j = 0; j < 3; j++) {
                    int s = (int) Math.floor(u[j] * n);
                    assertTrue(!hit[j][s], "stratum " + s + " of dimension " + j + " hit twice");
                    hit[j][s] = true;
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            for (int s = 0; s < n; s++) {
                assertTrue(hit[j][s], "stratum " + s + " of dimension " + j + " missed");
            }
        }
    }

    @Test
    void resultsAreIdenticalWhateverTheNumberOfThreads() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        for (Sampler s : Sampler.values()) {
            for (long paths : new long[] {5_000, 30_000}) {
                McOptions one = new McOptions(paths, 42, s, 1, 1024);
                McResult a = MonteCarloRunner.summarise(c, one, PathTargets.none(), RunControl.on(ONE_THREAD));
                McResult b = MonteCarloRunner.summarise(c, one.withThreads(4), PathTargets.none(), RunControl.on(FOUR_THREADS));
                for (int v = 0; v < a.variables().size(); v++) {
                    for (int t = 0; t < a.years().length; t++) {
                        assertEquals(a.mean(v, t), b.mean(v, t), 0.0, s + " mean");
                        assertEquals(a.sd(v, t), b.sd(v, t), 0.0, s + " sd");
                        for (double q : McResult.PERCENTILES) {
                            assertEquals(a.quantile(v, t, q), b.quantile(v, t, q), 0.0, s + " quantile");
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyPercentileOfABinnedRunIsWithinTheStatedAccuracyOfAllItsPaths() {
        // every variable and year of a full model run of 20,000 paths (bins from its first 4,096), against exact
        // order statistics of all its paths, replayed block by block as the runner drew them
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        McOptions o = new McOptions(20_000, 3, Sampler.LHS, 2, 1000);
        McResult r = MonteCarloRunner.run(c, o, PathTargets.none(), null);
        assertEquals(0, r.faults());
        int n = c.years();
        int outputs = c.outputs().size();
        double[][] values = new double[outputs * n][(int) o.paths()];
        CompiledUncertainty u = CompiledUncertainty.of(c);
        ParameterPoints points = ParameterPoints.of(o, u.dimensions());
        for (long b = 0; b < o.blocks(); b++) {
            PathBlock block = new PathBlock(c, u, o, points, b);
            for (long p = b * o.blockSize(); p < Math.min(o.paths(), (b + 1) * o.blockSize()); p++) {
                double[] out = block.next();
                for (int v = 0; v < outputs; v++) {
                    for (int t = 0; t < n; t++) {
                        values[v * n + t][(int) p] = out[c.outputRow(v) * n + t];
                    }
                }
            }
        }
        int fixed = 0;
        for (int v = 0; v < outputs; v++) {
            for (int t = 0; t < n; t++) {
                double[] sorted = values[v * n + t];
                java.util.Arrays.sort(sorted);
                if (Double.isNaN(sorted[0])) {
                    continue; // growth accounting has no base-year value
                }
                QuantilesTest.assertWithinStatedAccuracy(r.quantiles(), v * n + t, sorted, r.variables().get(v).id() + " " + r.years()[t]);
                fixed += sorted[0] == sorted[sorted.length - 1] ? 1 : 0;
            }
        }
        assertTrue(fixed > 0, "the run holds deterministic variable-years (the base year at least)");
        assertEquals(Quantiles.Binned.class, r.quantiles().getClass());
    }

    @Test
    void percentilesOfALargeRunAreThoseOfItsFirstCountedPathsAlone() {
        // blocks of 1000 paths: one block straddles the 2^18th path, half counted, half not
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035");
        long first = Quantiles.COUNTED_PATHS;
        McResult longer = MonteCarloRunner.run(c, new McOptions(first + 3_000, 7, Sampler.MC, 2, 1000), PathTargets.none(), null);
        McResult exactly = MonteCarloRunner.run(c, new McOptions(first, 7, Sampler.MC, 2, 1000), PathTargets.none(), null);
        assertEquals(first, longer.quantiles().paths());
        assertEquals(first + 3_000, longer.paths());
        for (int v = 0; v < longer.variables().size(); v++) {
            for (int t = 0; t < longer.years().length; t++) {
                for (double q : McResult.PERCENTILES) {
                    assertEquals(exactly.quantile(v, t, q), longer.quantile(v, t, q), 0.0, longer.variables().get(v).id() + " " + t);
                }
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentPathsAndParameterDrawsFollowTheirDistribution() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "horizon=2035", "uncertainty.shocks=null",
                "uncertainty.correlation=null", "uncertainty.events=null");
        McResult r = MonteCarloRunner.run(c, new McOptions(50_000, 1, Sampler.SOBOL, 2, 2048), PathTargets.none(), null);
        // with shocks off, 2021 real growth is the triangular(0.02, 0.05, 0.06) draw: mean 0.0433
        int g = r.variableIndex("gdp_real_growth");
        assertEquals(100 * (0.02 + 0.05 + 0.06) / 3, r.mean(g, 1), 0.01);
        McResult other = MonteCarloRunner.run(c, new McOptions(50_000, 2, Sampler.SOBOL, 2, 2048), PathTargets.none(), null);
        assertTrue(r.mean(g, 1) != other.mean(g, 1));
        assertArrayEquals(new int[] {2020, 2035}, new int[] {r.years()[0], r.years()[r.years().length - 1]});
    }

    @Test
    void studentTailsKeepTheVarianceAndFattenTheTails() {
        CompiledScenario c = TestScenarios.compile("test/correlated", "uncertainty.events=null", "uncertainty.parameters=null",
                "uncertainty.shocks.gdp_real.persistence=0", "uncertainty.tails={df: 5}");
        McOptions o = new McOptions(40_000, 13, Sampler.MC, 1, 40_000);
        double[][] gdp = paths(c, o, 40_000, "gdp_real");
        double[] g = new double[gdp.length];
        for (int p = 0; p < gdp.length; p++) {
            g[p] = Math.log(gdp[p][3] / gdp[p][2]);
        }
        double var = new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(g);
        double kurt = new org.apache.commons.math3.stat.descriptive.moment.Kurtosis().evaluate(g);
        assertEquals(0.02 * 0.02, var, 0.0004 * 0.06);
        // excess kurtosis of a t(5) is 6; a normal would give 0
        assertTrue(kurt > 2, "excess kurtosis " + kurt);
    }

    @Test
    void faultyPathsAreCountedLeftOutAndReplayable() {
        CompiledScenario c = TestScenarios.compile("test/lognormal", "satellites.express_parcels.trend=0.5",
                "satellites.express_parcels.elasticity=-20", "uncertainty.shocks.gdp_real.sd=0.05");
        McOptions o = new McOptions(4000, 17, Sampler.MC, 2, 512);
        McResult r = MonteCarloRunner.run(c, o, PathTargets.none(), null);
        assertTrue(r.faults() > 0 && r.faults() < 4000, "faults " + r.faults());
        assertEquals(4000, r.paths() + r.faults(), "every path is either aggregated or counted as a fault");
        assertTrue(r.firstFault().contains("express_parcels") && r.firstFault().contains("--replay-path " + r.firstFaultPath()),
                r.firstFault());
        Projection replayed = MonteCarloRunner.replay(c, o, r.firstFaultPath());
        double min = java.util.Arrays.stream(replayed.series("express_parcels")).min().orElseThrow();
        assertTrue(min < 0 || Double.isNaN(min), "the replayed path shows the fault: " + min);
        int v = r.variableIndex("express_parcels");
        for (int t = 0; t < r.years().length; t++) {
            assertTrue(r.quantile(v, t, 0.05) >= 0, "no faulty value in the aggregates");
        }
    }
}
