package io.plansim.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width text rendering of a table for terminals, aligned by display width: a Chinese character takes two
 * columns of a terminal (Tablesaw's printer counts characters, which misaligns Chinese names).
 */
public final class TextTable {
    /**
     * Code points a terminal draws two columns wide: the East Asian Width classes W and F of Unicode 15
     * (EastAsianWidth.txt), as pairs of first and last: Hangul, CJK radicals and ideographs with their punctuation
     * (。、「」), kana, Yi, fullwidth forms (（）：，％), the emoji that are wide by default and the supplementary
     * ideographic planes. Ambiguous characters (“ ” ± ≥ ×) are narrow, as wcwidth and terminals outside CJK locales
     * draw them.
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x17000, 0x18CFF, 0x1B000, 0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
        0x1F191, 0x1F19A, 0x1F200, 0x1F2FF, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
        0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
        0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596,
        0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7,
        0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A,
        0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    };

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    public TextTable(boolean[] rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    public TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    /** The columns a terminal gives the text: the sum of {@link #width(int)} over its code points. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * The columns a terminal gives one code point: 2 for East Asian Wide and Fullwidth ones, 0 for those drawn on
     * the one before or not at all (combining marks, format characters such as the zero-width joiner and the
     * byte-order mark, Hangul's medial and final jamo, control characters), 1 for the rest.
     */
    public static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL || cp >= 0x1160 && cp <= 0x11FF) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        if (cp < WIDE[0]) {
            return false;
        }
        // the last range whose first code point is at or below cp
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (WIDE[2 * mid] <= cp) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return cp <= WIDE[2 * lo + 1];
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
