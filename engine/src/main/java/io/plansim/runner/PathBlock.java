package io.plansim.runner;

import io.plansim.aggregate.PathSink;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import io.plansim.compile.DriverPaths;
import io.plansim.kernel.ProjectionKernel;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The paths of one block: its own random stream (XoShiRo256++ seeded from (seed, block)), scratch arrays
 * allocated once per block, and per path: parameter draws, correlated AR(1) annual shocks with optional
 * Student-t tails, rare events, the kernel and a numeric check; each fault-free path goes to the run's
 * {@link PathSink}.
 */
final class PathBlock {
    private final CompiledScenario c;
    private final CompiledUncertainty u;
    private final McOptions o;
    private final long first;
    private final int count;
    private final UniformRandomProvider rng;
    private final ContinuousSampler normal;
    private final ContinuousSampler chiSquare;
    private final ParameterPoints.Cursor cursor;
    private final double[] params;
    private final double[] shocks;
    private final double[] out;
    private final double[] point;
    /** Each drawn parameter's value for the path: its distribution's inverse CDF at the point. */
    private final double[] drawn;
    private final AnnualShocks shockDraws;
    /** The observed levels with each path's draw of the nowcasts' spread; null when no nowcast has a spread. */
    private final double[] observed;
    private final int[] nowcastCells;
    /** The scenario's spread recalibration, applied to each drawn path; null when raw. */
    private final CalibratedPaths calibrated;
    /** Each path's nowcast normals, drawn or read before they are applied. */
    private final double[] nowcastZ;
    /**
     * The block's random inputs in a {@link DrawCache}, path after path ({@link DrawCache.Session#perPath} each):
     * read instead of drawn when {@link #replaying}, else filled as drawn; null when the run is not cached.
     */
    private final double[] slots;
    private final boolean replaying;
    /** Where the next path's random inputs start in {@link #slots}. */
    private int slot;

    PathBlock(CompiledScenario c, CompiledUncertainty u, McOptions o, ParameterPoints points, long block) {
        this(RunShared.of(c, u), o, points, block, null);
    }

    /**
     * A block of a run whose shared, read-only setup is {@code shared} (built once per run, not once per block),
     * reading or recording its random inputs in {@code draws} (null: drawn, not kept).
     */
    PathBlock(RunShared shared, McOptions o, ParameterPoints points, long block, DrawCache.Session draws) {
        CompiledScenario c = shared.compiled();
        CompiledUncertainty u = shared.uncertainty();
        this.c = c;
        this.u = u;
        this.o = o;
        this.first = block * o.blockSize();
        this.count = (int) Math.min(o.blockSize(), o.paths() - first);
        this.rng = RandomSource.XO_SHI_RO_256_PP.create(Seeds.mix(o.seed(), block));
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
        this.chiSquare = u.tailsDf > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(rng, u.tailsDf / 2, 2) : null;
        this.cursor = points.cursor(first, rng);
        this.params = c.params().clone();
        this.shocks = c.shocks().clone();
        this.out = new double[c.rows() * c.years()];
        this.point = new double[u.dimensions()];
        this.drawn = new double[u.dimensions()];
        this.shockDraws = shared.shocks().forBlock();
        this.nowcastCells = c.observations().uncertainCells();
        this.observed = nowcastCells.length == 0 ? null : c.observations().kernelLevels().clone();
        this.calibrated = shared.calibrated();
        this.nowcastZ = new double[nowcastCells.length];
        this.slots = draws == null ? null : draws.block(block, count);
        this.replaying = draws != null && !draws.recording();
    }

    /** Runs the block's paths into a new accumulator of {@code sink}, leaving out those that fail the numeric check. */
    <B extends PathSink.Block> MonteCarloRunner.Merge<B> run(PathSink<B> sink, PathCheck check) {
        B into = sink.block(first, count);
        long faults = 0;
        long firstFaultPath = -1;
        String firstFault = null;
        for (int p = 0; p < count; p++) {
            long path = first + p;
            draw(out);
            int fault = check.firstFault(out);
            if (fault >= 0) {
                if (faults++ == 0) {
                    firstFaultPath = path;
                    firstFault = check.fault(out, fault, "path " + path + " (replay: --seed " + o.seed()
                            + " --paths " + o.paths() + " --sampler " + o.sampler().name().toLowerCase(java.util.Locale.ROOT)
                            + " --replay-path " + path + ")").getMessage();
                }
                continue;
            }
            into.accept(path, out);
        }
        into.finish();
        return new MonteCarloRunner.Merge<>(into, count, faults, firstFaultPath, firstFault);
    }

    /** Draws the block's next path and returns it, alone in a new buffer (for tests). */
    double[] next() {
        double[] one = new double[c.rows() * c.years()];
        draw(one);
        return one;
    }

    /** The shock factors of the path drawn last (for tests). */
    double[] lastShocks() {
        return shocks.clone();
    }

    /** Runs the block up to {@code path} and returns that path's kernel output. */
    double[] replay(long path) {
        double[] one = new double[c.rows() * c.years()];
        for (long p = first; p <= path; p++) {
            draw(one);
        }
        return one;
    }

    /** Draws one path and projects it into {@code into}, recalibrated when the scenario carries a calibration. */
    private void draw(double[] into) {
        project(into);
    }

    /**
     * Sets one path's parameters in {@code params} from its drawn values. A method of its own, as the shocks' year
     * are ({@link AnnualShocks}), so that no per-path method runs loops long enough in one call to be compiled
     * on-stack before it is compiled whole (docs/PERFORMANCE.md, session 7).
     */
    private void setParameters(int n) {
        for (int row : u.drawnParamRows) { // every other row still holds the compiled path
            System.arraycopy(c.params(), row * n, params, row * n, n);
        }
        for (int j = 0; j < drawn.length; j++) {
            DriverPaths.set(params, u.paramRow[j] * n, u.paramFrom[j], u.paramTo[j], drawn[j], u.paramMode[j]);
        }
    }

    /**
     * One path's random inputs in the order the runner has always drawn them from the block's stream (the sampler's
     * point and the parameter values drawn from it by inverse CDFs, the annual shocks and events into the drawn shock
     * rows, the nowcasts' normals), recorded when cached.
     */
    private void drawInputs(int n) {
        cursor.next(point);
        for (int j = 0; j < point.length; j++) {
            drawn[j] = u.paramDist[j].inverseCdf(point[j]);
        }
        for (int row : u.drawnShockRows) {
            System.arraycopy(c.shocks(), row * n, shocks, row * n, n);
        }
        shockDraws.draw(shocks, n, rng, normal, chiSquare);
        for (int k = 0; k < nowcastZ.length; k++) {
            nowcastZ[k] = normal.sample();
        }
        if (slots != null) {
            copyInputs(n, true);
        }
    }

    /** Copies one path's random inputs into the block's slots ({@code record}) or out of them, and moves to the next path. */
    private void copyInputs(int n, boolean record) {
        int at = slot;
        at = copy(drawn, 0, drawn.length, at, record);
        for (int row : u.drawnShockRows) {
            at = copy(shocks, row * n, n, at, record);
        }
        slot = copy(nowcastZ, 0, nowcastZ.length, at, record);
    }

    private int copy(double[] values, int from, int length, int at, boolean record) {
        if (record) {
            System.arraycopy(values, from, slots, at, length);
        } else {
            System.arraycopy(slots, at, values, from, length);
        }
        return at + length;
    }

    /** Draws (or reads) one path's random inputs, sets its parameters and projects it into {@code into}. */
    private void project(double[] into) {
        final int n = c.years();
        if (replaying) {
            copyInputs(n, false);
        } else {
            drawInputs(n);
        }
        setParameters(n);
        double[] actuals = c.observations().kernelLevels();
        if (observed != null) {
            // a partial-year figure's full year is known only to its spread: each path draws it (docs/MODEL.md "Nowcast")
            io.plansim.compile.Observations obs = c.observations();
            for (int k = 0; k < nowcastCells.length; k++) {
                int cell = nowcastCells[k];
                double z = nowcastZ[k];
                observed[cell] = obs.rateCell(cell) ? actuals[cell] + obs.spread(cell) * z : actuals[cell] * Math.exp(obs.spread(cell) * z);
            }
            actuals = observed;
        }
        if (calibrated == null) {
            ProjectionKernel.project(c, params, shocks, actuals, into);
            return;
        }
        // recalibrated between the core and the satellites, so that a satellite follows its recalibrated link
        ProjectionKernel.projectCore(c, params, shocks, actuals, into);
        calibrated.applyCore(into);
        ProjectionKernel.projectSatellites(c, shocks, actuals, into);
        calibrated.applySatellites(into);
    }
}
