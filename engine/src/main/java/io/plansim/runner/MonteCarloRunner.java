package io.plansim.runner;

import io.plansim.aggregate.McAggregates;
import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathSink;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs many paths of a compiled scenario on a host's executor and hands them to a {@link PathSink} without
 * keeping them.
 *
 * <p>Paths are cut into fixed blocks; each block has its own random stream derived from (seed, block), so a
 * path's numbers do not depend on which thread runs it, and blocks are merged into the sink in block order. With
 * {@link McAggregates} (means and variances combined block by block in order, sketches and target counts as sums
 * of whole numbers) the result is therefore bit-identical for any number of threads. At most
 * {@code 4 x threads} blocks are in flight; the {@link Cancellation} is checked before each block starts and
 * after each is merged.
 */
public final class MonteCarloRunner {
    /** Told after each merged block; {@code met} are the sink's counts so far. May stop the run by throwing. */
    public interface Progress {
        void update(long pathsDone, long pathsTotal, long[] met);
    }

    /** What the numeric check found: paths left out of the sink, and the first of them to replay. */
    public record Faults(long count, long firstPath, String first) {
    }

    private MonteCarloRunner() {
    }

    /** The run summarised ({@link McAggregates}) on the process's shared pool: for callers that host nothing. */
    public static McResult run(CompiledScenario c, McOptions o, PathTargets targets, Progress progress) {
        return summarise(c, o, targets, RunControl.on(Workers.shared()).withProgress(progress));
    }

    /** The run summarised ({@link McAggregates}: moments, percentiles and target counts) as its host controls it. */
    public static McResult summarise(CompiledScenario c, McOptions o, PathTargets targets, RunControl control) {
        return summarise(c, o, targets, control, null);
    }

    /**
     * As above, with the percentiles of the outputs named in {@code percentilesOf} only (null: all), for a front end
     * that reads a few ({@link McAggregates#of(CompiledScenario, long, int, PathTargets, java.util.Set)}).
     */
    public static McResult summarise(CompiledScenario c, McOptions o, PathTargets targets, RunControl control,
                                     java.util.Set<String> percentilesOf) {
        McAggregates sink = McAggregates.of(c, o.paths(), o.blockSize(), targets, percentilesOf);
        Faults f = run(c, o, sink, control);
        try {
            // every front end reads the percentiles next: selected on the pool, not one by one on the reader's thread
            sink.prepareReads(control.executor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        }
        return sink.result(o.seed(), o.sampler().name(), f.count(), f.firstPath(), f.first());
    }

    /** Runs every path into {@code sink}; on cancellation or failure throws, and the sink must be dropped. */
    public static <B extends PathSink.Block> Faults run(CompiledScenario c, McOptions o, PathSink<B> sink, RunControl control) {
        CompiledUncertainty u = CompiledUncertainty.of(c);
        Cancellation cancel = control.cancellation();
        Progress progress = control.progress();
        // a sink with leading paths (a binned sketch's pilot) sees them all merged before any later block starts
        long leadingBlocks = (sink.leadingPaths() + o.blockSize() - 1) / o.blockSize();
        ParameterPoints points = ParameterPoints.of(o, u.dimensions());
        RunShared shared = RunShared.of(c, u);
        DrawCache.Session draws = control.draws() == null ? null : control.draws().begin(c, u, o);
        PathCheck check = new PathCheck(c);
        long faults = 0;
        long firstFaultPath = -1;
        String firstFault = null;
        long done = 0;
        Deque<Future<Merge<B>>> window = new ArrayDeque<>();
        try {
            long next = 0;
            long merged = 0;
            long blocks = o.blocks();
            while (done < o.paths()) {
                cancel.check();
                while (window.size() < 4 * o.threads() && next < blocks && (next < leadingBlocks || merged >= leadingBlocks)) {
                    long b = next++;
                    window.add(control.executor().submit(() -> {
                        cancel.check(); // a block queued behind a cancelled run's others does not start
                        return new PathBlock(shared, o, points, b, draws).run(sink, check);
                    }));
                }
                Merge<B> r = window.poll().get();
                sink.merge(r.block);
                if (++merged == leadingBlocks) {
                    sink.leadingMerged();
                }
                if (r.faults > 0) {
                    if (firstFaultPath < 0) {
                        firstFaultPath = r.firstFaultPath;
                        firstFault = r.firstFault;
                    }
                    faults += r.faults;
                }
                done += r.paths; // faulty paths are run too, just left out of the sink
                if (progress != null) {
                    progress.update(done, o.paths(), sink.counts());
                }
            }
            cancel.check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            for (Future<?> f : window) { // nothing of a stopped run keeps the pool busy
                f.cancel(false);
            }
        }
        if (draws != null) {
            draws.finished();
        }
        sink.finish();
        return new Faults(faults, firstFaultPath, firstFault);
    }

    /** One path replayed exactly as the run drew it (to inspect a numeric fault). */
    public static Projection replay(CompiledScenario c, McOptions o, long path) {
        CompiledUncertainty u = CompiledUncertainty.of(c);
        double[] out = new PathBlock(c, u, o, ParameterPoints.of(o, u.dimensions()), path / o.blockSize()).replay(path);
        return DeterministicRunner.toProjection(c, out);
    }

    /** A finished block: the sink's accumulator, the paths run (faulty ones included) and its faults. */
    record Merge<B>(B block, long paths, long faults, long firstFaultPath, String firstFault) {
    }
}
