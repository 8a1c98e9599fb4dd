package io.plansim.benchmarks;

import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import io.plansim.runner.McOptions;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.Projection;
import io.plansim.runner.Sampler;
import io.plansim.scenario.Scenario;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;

/**
 * The workload every benchmark measures: the built-in Yiwu baseline 2020-2035 (scenarios/yiwu/baseline.yaml)
 * with its targets catalog and history, prepared by the forecast service as every front end's run is.
 */
final class Yiwu {
    static final String ID = "yiwu/baseline";
    /** Projected years per path (2021-2035); the base year is observed, not drawn. A constant for JMH's per-year scores. */
    static final int STEPS = 15;

    final Scenario scenario;
    final CompiledScenario compiled;
    final CompiledUncertainty uncertainty;
    final PathTargets targets;

    private Yiwu(Forecasts.Prepared p) {
        this.scenario = p.scenario();
        this.compiled = p.compiled();
        this.uncertainty = CompiledUncertainty.of(compiled);
        this.targets = p.judged();
    }

    /** The baseline as the forecast service prepares it for {@code plansim mc} (conditioned on its history, which ends in its base year). */
    static Yiwu load() {
        Yiwu y = new Yiwu(Forecasts.onClasspath().prepare(Forecasts.Request.of(ScenarioSource.builtIn(ID))));
        y.checkShape();
        return y;
    }

    /** Number of values aggregated per path: output variables x years (the size of a run's sketches and moments). */
    int valuesPerPath() {
        return compiled.outputs().size() * compiled.years();
    }

    /**
     * The first {@code count} Monte Carlo paths of {@code plansim mc --seed seed} (block 0), replayed exactly as
     * the runner draws them, each as a kernel output buffer ({@code rows x years}, kernel row order).
     */
    double[][] kernelPaths(int count, long seed) {
        McOptions o = new McOptions(McOptions.DEFAULT_BLOCK, seed, Sampler.MC, 1, McOptions.DEFAULT_BLOCK);
        int n = compiled.years();
        double[][] paths = new double[count][];
        for (int p = 0; p < count; p++) {
            Projection pr = MonteCarloRunner.replay(compiled, o, p);
            double[] out = new double[compiled.rows() * n];
            for (int i = 0; i < pr.values().length; i++) {
                System.arraycopy(pr.values()[i], 0, out, compiled.outputRow(i) * n, n);
            }
            paths[p] = out;
        }
        return paths;
    }

    /** The same paths as the runner hands them to the aggregators: output variables in order, then years. */
    double[][] outputValues(double[][] kernelPaths) {
        int n = compiled.years();
        int k = compiled.outputs().size();
        double[][] values = new double[kernelPaths.length][k * n];
        for (int p = 0; p < kernelPaths.length; p++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(kernelPaths[p], compiled.outputRow(i) * n, values[p], i * n, n);
            }
        }
        return values;
    }

    /** The same values in batches of {@code count} paths, one after the other, as the runner hands them to the sketches. */
    static double[][] batches(double[][] values, int count) {
        int size = values[0].length;
        double[][] batches = new double[values.length / count][size * count];
        for (int p = 0; p < batches.length * count; p++) {
            System.arraycopy(values[p], 0, batches[p / count], p % count * size, size);
        }
        return batches;
    }

    /** JMH's per-path-year scores divide by {@link #STEPS}; fail loudly if the horizon changes. */
    private void checkShape() {
        if (compiled.years() - 1 != STEPS) {
            throw new IllegalStateException("the Yiwu baseline projects " + (compiled.years() - 1) + " years, not " + STEPS
                    + ": update " + Yiwu.class.getName() + ".STEPS");
        }
    }
}
