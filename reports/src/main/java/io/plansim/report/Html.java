package io.plansim.report;


import java.util.Locale;

/**
 * What every part of the page shares: escaping text for HTML, the number formats, a row of a facts table, and
 * the page's CSS and self-check script (resources report.css and self-check.js, read once).
 */
final class Html {
    private Html() {
    }

    /** The page's style sheet (screen, phone and A4 print). */
    static final String CSS = resource("report.css");

    /**
     * Marks the page once loaded: every image decoded (naturalWidth > 0) and no script or resource error, in
     * #selfcheck's data-status ("ok" or "failed"), with layout facts for the print and phone tests; tests read it
     * from the DOM of a headless browser. Its three visible phrases are the dictionary's selfcheck.* words.
     */
    static final String SELF_CHECK = resource("self-check.js");

    private static String resource(String name) {
        try (java.io.InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("io/plansim/report/" + name + " is missing");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.4f", v);
    }

    static String fmtDriver(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }



    static void fact(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }
}
