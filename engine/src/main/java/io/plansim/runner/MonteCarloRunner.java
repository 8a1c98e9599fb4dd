package io.plansim.runner;

import io.plansim.aggregate.McResult;
import io.plansim.aggregate.Moments;
import io.plansim.aggregate.PathTargets;
import io.plansim.aggregate.Quantiles;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.CompiledUncertainty;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs many paths of a compiled scenario in parallel and aggregates them without keeping them.
 *
 * <p>Paths are cut into fixed blocks; each block has its own random stream derived from (seed, block),
 * so a path's numbers do not depend on which thread runs it. Means and variances are combined block by
 * block in block order; sketches and target counts are sums of whole numbers. The result is therefore
 * bit-identical for any number of threads.
 */
public final class MonteCarloRunner {
    /** Told after each merged block; may stop the run by throwing. */
    public interface Progress {
        void update(long pathsDone, long pathsTotal, long[] met);
    }

    private MonteCarloRunner() {
    }

    public static McResult run(CompiledScenario c, McOptions o, PathTargets targets, Progress progress) {
        CompiledUncertainty u = CompiledUncertainty.of(c);
        int outputs = c.outputs().size();
        int size = outputs * c.years();
        Moments moments = new Moments(size);
        Quantiles quantiles = Quantiles.create(size, o.paths(), o.blockSize());
        // a binned run lays out its bins from its first blocks: no later block starts before that
        long pilotBlocks = (quantiles.pilotPaths() + o.blockSize() - 1) / o.blockSize();
        java.util.List<Quantiles> perThread = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ThreadLocal<Quantiles> local = ThreadLocal.withInitial(() -> {
            Quantiles q = quantiles.emptyCopy();
            perThread.add(q);
            return q;
        });
        ParameterPoints points = ParameterPoints.of(o, u.dimensions());
        PathCheck check = new PathCheck(c);
        long[] met = new long[targets.size()];
        long faults = 0;
        long firstFaultPath = -1;
        String firstFault = null;
        long done = 0;
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "plansim-mc");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<BlockResult>> window = new ArrayDeque<>();
            long next = 0;
            long merged = 0;
            long blocks = o.blocks();
            while (done < o.paths()) {
                while (window.size() < 4 * o.threads() && next < blocks && (next < pilotBlocks || merged >= pilotBlocks)) {
                    long b = next++;
                    window.add(pool.submit(() -> new PathBlock(c, u, o, points, targets, b).run(size, local.get(), check)));
                }
                BlockResult r = window.poll().get();
                if (++merged == pilotBlocks) {
                    quantiles.layOut();
                }
                moments.merge(r.moments);
                for (int i = 0; i < met.length; i++) {
                    met[i] += r.met[i];
                }
                if (r.faults > 0) {
                    if (firstFaultPath < 0) {
                        firstFaultPath = r.firstFaultPath;
                        firstFault = r.firstFault;
                    }
                    faults += r.faults;
                }
                done += r.paths + r.faults; // faulty paths are run too, just left out of the aggregates
                if (progress != null) {
                    progress.update(done, o.paths(), met);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        for (Quantiles q : perThread) {
            quantiles.merge(q);
        }
        int[] years = new int[c.years()];
        for (int t = 0; t < years.length; t++) {
            years[t] = c.baseYear() + t;
        }
        return new McResult(c.runId(), o.seed(), o.sampler().name().toLowerCase(java.util.Locale.ROOT), years,
                c.outputs(), moments, quantiles, targets.targets(), met, moments.count(), faults, firstFaultPath, firstFault);
    }

    /** One path replayed exactly as the run drew it (to inspect a numeric fault). */
    public static Projection replay(CompiledScenario c, McOptions o, long path) {
        CompiledUncertainty u = CompiledUncertainty.of(c);
        double[] out = new PathBlock(c, u, o, ParameterPoints.of(o, u.dimensions()), PathTargets.none(), path / o.blockSize())
                .replay(path);
        return DeterministicRunner.toProjection(c, out);
    }

    record BlockResult(long paths, Moments moments, long[] met, long faults, long firstFaultPath, String firstFault) {
    }
}
