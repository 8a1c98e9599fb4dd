package io.plansim.aggregate;

/**
 * A Monte Carlo run's target counts alone, as a {@link PathSink}: per target the fault-free paths that meet it, and
 * those paths' number. What a search over a driver needs of each run it makes ("what would it take?", one target's
 * share of paths a run), without the moments and percentiles of every output that {@link McAggregates} keeps; the
 * shares are those {@link McResult#probability} gives for the same run (the same counter, the same paths).
 */
public final class TargetShares implements PathSink<TargetShares.Block> {
    private final PathTargets targets;
    private final long[] met;
    private long paths;

    private TargetShares(PathTargets targets) {
        this.targets = targets;
        this.met = new long[targets.size()];
    }

    /** Counts of {@code targets} over a run's fault-free paths. */
    public static TargetShares of(PathTargets targets) {
        return new TargetShares(targets);
    }

    /** The share of the run's fault-free paths that meet target i (NaN when every path failed). */
    public double probability(int i) {
        return paths == 0 ? Double.NaN : (double) met[i] / paths;
    }

    /** Fault-free paths counted. */
    public long paths() {
        return paths;
    }

    @Override
    public Block block(long first, int count) {
        return new Block();
    }

    @Override
    public void merge(Block b) {
        for (int i = 0; i < met.length; i++) {
            met[i] += b.met[i];
        }
        paths += b.paths;
    }

    @Override
    public long[] counts() {
        return met;
    }

    /** One block's counts. */
    public final class Block implements PathSink.Block {
        private final long[] met = new long[targets.size()];
        private final PathTargets.Counter counter = targets.counter();
        private long paths;

        @Override
        public void accept(long path, double[] out) {
            counter.count(out, met);
            paths++;
        }

        @Override
        public void finish() {
        }
    }
}
