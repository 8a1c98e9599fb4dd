package io.plansim.app;

/**
 * The column of Chinese names a Chinese table has after its id column (a metric's 出口额 beside exports, a
 * target's name beside its id) where the English table has the id alone: the English layout stays as it is.
 */
final class NameColumn {
    private NameColumn() {
    }

    /** The cells with {@code name} after the first (the id) in Chinese; as they are in English. */
    static String[] row(boolean zh, String[] cells, String name) {
        if (!zh) {
            return cells;
        }
        String[] out = new String[cells.length + 1];
        out[0] = cells[0];
        out[1] = name;
        System.arraycopy(cells, 1, out, 2, cells.length - 1);
        return out;
    }

    /** The columns' alignment with the names' column (left-aligned) after the first in Chinese. */
    static boolean[] alignment(boolean zh, boolean[] right) {
        if (!zh) {
            return right;
        }
        boolean[] out = new boolean[right.length + 1];
        out[0] = right[0];
        System.arraycopy(right, 1, out, 2, right.length - 1);
        return out;
    }
}
