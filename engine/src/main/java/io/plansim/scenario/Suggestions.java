package io.plansim.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for unknown names: the closest known name, if it is close enough to be a typo. */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    public static Optional<String> closest(String unknown, Collection<String> known) {
        String lower = unknown.toLowerCase(java.util.Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt(k -> DISTANCE.apply(lower, k.toLowerCase(java.util.Locale.ROOT))))
                .filter(k -> DISTANCE.apply(lower, k.toLowerCase(java.util.Locale.ROOT))
                        <= Math.max(2, Math.min(unknown.length(), k.length()) / 3));
    }

    /** "allowed: a, b, c (did you mean b?)". */
    public static String allowed(String unknown, Collection<String> known) {
        String list = String.join(", ", known);
        return closest(unknown, known).map(s -> "did you mean '" + s + "'? allowed: " + list)
                .orElse("allowed: " + list);
    }
}
