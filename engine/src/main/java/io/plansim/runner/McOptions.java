package io.plansim.runner;

/**
 * Options of a Monte Carlo run. Results depend on {@code paths}, {@code seed}, {@code sampler} and
 * {@code blockSize}, never on {@code threads}.
 */
public record McOptions(long paths, long seed, Sampler sampler, int threads, int blockSize) {
    public static final int DEFAULT_BLOCK = 2048;

    public McOptions {
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be at least 1: " + paths);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1: " + blockSize);
        }
        if (sampler == Sampler.LHS && paths > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("Latin hypercube keeps one permutation per dimension: at most "
                    + Integer.MAX_VALUE / 2 + " paths, not " + paths);
        }
    }

    public static McOptions of(long paths, long seed) {
        return new McOptions(paths, seed, Sampler.MC, Runtime.getRuntime().availableProcessors(), DEFAULT_BLOCK);
    }

    public McOptions withThreads(int t) {
        return new McOptions(paths, seed, sampler, t, blockSize);
    }

    public McOptions withSampler(Sampler s) {
        return new McOptions(paths, seed, s, threads, blockSize);
    }

    /** An independent, reproducible seed for variant k of a batch run with base seed {@code seed}. */
    public static long derivedSeed(long seed, long k) {
        return Seeds.mix(seed, 1_000_000_007L + k)[0];
    }

    public long blocks() {
        return (paths - 1) / blockSize + 1; // not (paths + blockSize - 1) / blockSize: that overflows near Long.MAX_VALUE
    }
}
