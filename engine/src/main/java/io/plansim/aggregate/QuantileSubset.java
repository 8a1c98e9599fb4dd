package io.plansim.aggregate;

import java.util.concurrent.ExecutorService;

/**
 * Percentiles of some value-years only, for a front end that reads a few variables (the what-if page charts 14 of
 * the Yiwu baseline's 54): the others are neither stored nor selected. The exact store of the kept value-years
 * reads them from each batch where they are; a binned one takes them gathered into a scratch batch of its own. Either
 * way a kept value-year's percentiles have the bits the full run gives it (the same paths, the same structure, the
 * same reads). Reading a value-year that was not kept is an {@link IllegalArgumentException}.
 */
public final class QuantileSubset extends Quantiles {
    private final Quantiles kept;
    /** Kept value-year k is value-year {@code columns[k]} of a path's {@code size}. */
    private final int[] columns;
    /** Value-year i's place among the kept ones, or -1. */
    private final int[] position;
    private final int size;
    /** This accumulator's gathered batch (an accumulator is used by one block at a time). */
    private double[] scratch = new double[0];

    private QuantileSubset(Quantiles kept, int[] columns, int[] position, int size) {
        this.kept = kept;
        this.columns = columns;
        this.position = position;
        this.size = size;
    }

    /**
     * Percentiles of value-years {@code columns} (ascending, distinct, each below {@code size}) of {@code size}
     * values a path, over {@code paths} paths run in blocks of {@code blockSize} ({@link Quantiles#create}).
     */
    public static QuantileSubset of(int size, int[] columns, long paths, int blockSize) {
        int[] position = new int[size];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < columns.length; k++) {
            int i = columns[k];
            if (i < 0 || i >= size || (k > 0 && i <= columns[k - 1])) {
                throw new IllegalArgumentException("kept value-years must rise within 0.." + (size - 1) + ": "
                        + java.util.Arrays.toString(columns));
            }
            position[i] = k;
        }
        return new QuantileSubset(Quantiles.create(columns.length, paths, blockSize), columns.clone(), position, size);
    }

    /** The number of value-years kept. */
    public int keptCount() {
        return columns.length;
    }

    /** True when value-year i's percentiles are kept. */
    public boolean keeps(int i) {
        return i >= 0 && i < size && position[i] >= 0;
    }

    private int at(int i) {
        if (!keeps(i)) {
            throw new IllegalArgumentException("percentiles of value-year " + i + " were not kept by this run (it kept "
                    + columns.length + " of " + size + ")");
        }
        return position[i];
    }

    @Override
    public Quantiles emptyCopy() {
        return new QuantileSubset(kept.emptyCopy(), columns, position, size);
    }

    @Override
    int valuesPerPath() {
        return size;
    }

    @Override
    public void add(double[] batch, int valueStride, int pathStride, int count, long[] paths) {
        if (kept instanceof Exact exact) {
            exact.addColumns(columns, batch, valueStride, pathStride, count, paths);
            return;
        }
        int k = columns.length;
        if (scratch.length < count * k) {
            scratch = new double[count * k];
        }
        for (int l = 0; l < count; l++) {
            int from = l * pathStride;
            int to = l * k;
            for (int j = 0; j < k; j++) {
                scratch[to + j] = batch[from + columns[j] * valueStride];
            }
        }
        kept.add(scratch, 1, k, count, paths);
    }

    @Override
    public void merge(Quantiles other) {
        kept.merge(((QuantileSubset) other).kept);
    }

    @Override
    public double quantile(int i, double q) {
        return kept.quantile(at(i), q);
    }

    @Override
    public boolean deterministic(int i) {
        return kept.deterministic(at(i));
    }

    @Override
    public String accuracy(boolean zh) {
        return kept.accuracy(zh);
    }

    @Override
    public long pathLimit() {
        return kept.pathLimit();
    }

    @Override
    public long pilotPaths() {
        return kept.pilotPaths();
    }

    @Override
    public void layOut() {
        kept.layOut();
    }

    @Override
    public long paths() {
        return kept.paths();
    }

    @Override
    public void prepareStandard(ExecutorService executor) throws InterruptedException {
        kept.prepareStandard(executor);
    }
}
