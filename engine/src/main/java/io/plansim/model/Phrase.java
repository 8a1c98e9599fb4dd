package io.plansim.model;

import java.util.Arrays;
import java.util.List;

/**
 * A phrase the engine writes for a person (why a target is not evaluable, what a region's data gave a prior), in
 * English, with what a front end needs to word it in another language: the entry {@code key} of the front ends'
 * dictionary ({@code io/plansim/tables/dictionary.yaml}), in which {@code {0}} is the English text and {@code {1}},
 * {@code {2}}, ... are the parts (names and figures as the English writes them). The engine itself speaks English
 * only; the Chinese is the dictionary's.
 */
public record Phrase(String key, String english, List<String> parts) {
    public Phrase {
        if (key == null || key.isBlank() || english == null) {
            throw new IllegalArgumentException("a phrase needs a dictionary key and its English, got '" + key + "': '" + english + "'");
        }
        parts = List.copyOf(parts);
    }

    /** The phrase {@code key} reading {@code english}, its parts as text in order. */
    public static Phrase of(String key, String english, Object... parts) {
        return new Phrase(key, english, Arrays.stream(parts).map(String::valueOf).toList());
    }

    /** The English text. */
    @Override
    public String toString() {
        return english;
    }
}
