package io.plansim.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width text rendering of a table for terminals, aware that CJK characters take two columns
 * (Tablesaw's printer counts characters, which misaligns Chinese names).
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    public TextTable(boolean[] rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    public TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }

    public String render() {
        int cols = rightAligned.length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols && c < r.length; c++) {
                width[c] = Math.max(width[c], displayWidth(r[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            for (int c = 0; c < cols; c++) {
                String cell = c < r.length ? r[c] : "";
                String pad = " ".repeat(width[c] - displayWidth(cell));
                sb.append(c == 0 ? "" : "  ").append(rightAligned[c] ? pad + cell : cell + (c == cols - 1 ? "" : pad));
            }
            sb.append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (cols - 1))).append('\n');
            }
        }
        return sb.toString();
    }
}
