package io.plansim.model;

import java.util.List;

/** One way to write a CSV line, for every table plansim writes (the command line's and a batch's, local or on a cluster). */
public final class Csv {
    private Csv() {
    }

    /** One CSV line, cells with a comma, quote or line break quoted (RFC 4180), ending in a line break. */
    public static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return sb.append('\n').toString();
    }
}
