package io.plansim.report;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a font that draws Chinese characters, so chart labels never turn into boxes. Looks for installed
 * families whose name contains "CJK" (Noto Sans CJK, Debian package fonts-noto-cjk), "WenQuanYi" or a few other
 * common CJK families, simplified Chinese first, and keeps the first one that can draw a sample of the labels.
 *
 * <p>The system property {@value #PROPERTY} overrides the search: {@code none} behaves as if no CJK font were
 * installed (to test the fallback), any other value names the family to use.
 */
public final class ChartFonts {
    public static final String PROPERTY = "plansim.report.cjkFont";
    /** Characters every chart label in Chinese may need. */
    static final String SAMPLE = "地区生产总值亿元万人城镇化率年份规划目标";
    private static final List<String> PREFERRED = List.of("noto sans cjk sc", "noto sans cjk", "source han sans sc",
            "source han sans", "wenquanyi zen hei", "wenquanyi micro hei", "wenquanyi", "noto serif cjk sc", "cjk",
            "droid sans fallback");
    private static final String LATIN = "SansSerif";

    private ChartFonts() {
    }

    /** The family of an installed CJK font, or empty when none is found. */
    public static Optional<String> cjkFamily() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return "none".equalsIgnoreCase(forced.trim()) ? Optional.empty() : Optional.of(forced.trim());
        }
        String[] families;
        try {
            families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
        } catch (RuntimeException | Error e) {
            return Optional.empty(); // no font configuration at all
        }
        for (String want : PREFERRED) {
            Optional<String> hit = Arrays.stream(families)
                    .filter(f -> f.toLowerCase(Locale.ROOT).contains(want))
                    .sorted()
                    .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1)
                    .findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** The family charts use: the CJK family when there is one, else Java's logical sans-serif font. */
    public static String family(Optional<String> cjk) {
        return cjk.orElse(LATIN);
    }
}
