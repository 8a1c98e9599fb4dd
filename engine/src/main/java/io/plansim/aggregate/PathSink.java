package io.plansim.aggregate;

/**
 * Where a Monte Carlo run hands its paths. The runner cuts paths into blocks; each block gets its own
 * accumulator ({@link #block}) on whatever worker thread runs it, sees the block's fault-free paths one after
 * the other, and is merged back ({@link #merge}) on the run's thread in block order, so a sink whose merge
 * is exact or order-fixed gives the same result for any number of threads. {@link McAggregates} (moments,
 * percentiles, target counts) is the sink every run's summary comes from; a per-path transform (a
 * calibration, say) is a sink that changes the path and hands it on to another.
 */
public interface PathSink<B extends PathSink.Block> {

    /** One block's accumulator, used by one thread at a time. */
    interface Block {
        /** One fault-free path: the kernel's output buffer (every row, year by year), valid only during the call. */
        void accept(long path, double[] out);

        /** After the block's last path, on the same thread. */
        void finish();
    }

    /** A new accumulator for the paths {@code first .. first + count - 1}, called on the thread that runs them. */
    B block(long first, int count);

    /** Adds a finished block, on the run's thread, in block order. */
    void merge(B block);

    /** Leading paths whose blocks must all be merged before any later block starts (a sketch's pilot); 0 when none. */
    default long leadingPaths() {
        return 0;
    }

    /** Called once when the blocks of the {@link #leadingPaths()} are merged. */
    default void leadingMerged() {
    }

    /** After the last block is merged. */
    default void finish() {
    }

    /** The counts a progress listener may show (targets met so far, one per target); empty by default. */
    default long[] counts() {
        return new long[0];
    }
}
