package io.plansim.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every word plansim prints in a report or a result table, in English and Chinese: the one dictionary
 * ({@code io/plansim/tables/dictionary.yaml}), read and checked once. {@code {0}}, {@code {1}}, ... in an entry
 * are filled in by {@link #format}; nothing else in an entry is special (no MessageFormat quoting, no number
 * formatting), so a figure is formatted by the code before it is filled in.
 */
public final class Dictionary {
    private static final String RESOURCE = "io/plansim/tables/dictionary.yaml";
    private static final Dictionary INSTANCE = read();

    private final Map<String, String[]> words;
    private final Map<String, String> columnsZh;
    private final Map<String, String> englishUnits;

    private Dictionary(Map<String, String[]> words, Map<String, String> columnsZh, Map<String, String> englishUnits) {
        this.words = Map.copyOf(words);
        this.columnsZh = Map.copyOf(columnsZh);
        this.englishUnits = Map.copyOf(englishUnits);
    }

    /** The dictionary. */
    public static Dictionary get() {
        return INSTANCE;
    }

    /** A word in English or Chinese. */
    public String word(String key, boolean zh) {
        String[] w = words.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no entry " + key + " in " + RESOURCE);
        }
        return zh ? w[1] : w[0];
    }

    /** Words in the language asked for, a table's header: each key's word; a percentile code (p05, p95) stands as it is. */
    public String[] words(boolean zh, String... keys) {
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].matches("p\\d\\d") ? keys[i] : word(keys[i], zh);
        }
        return out;
    }

    /** An entry with {@code {0}}, {@code {1}}, ... replaced by the arguments, in order. */
    public String format(String key, boolean zh, Object... args) {
        String s = word(key, zh);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /**
     * A phrase of the engine (why a target is not evaluable, what a region's data gave a prior) in the language
     * asked for: its English as the engine wrote it, or its dictionary entry with the English as {0} and its parts
     * as {1}, {2}, ...
     */
    public String phrase(io.plansim.model.Phrase p, boolean zh) {
        if (!zh) {
            return p.english();
        }
        Object[] args = new Object[1 + p.parts().size()];
        args[0] = p.english();
        for (int i = 0; i < p.parts().size(); i++) {
            args[1 + i] = p.parts().get(i);
        }
        return format(p.key(), true, args);
    }

    /** Whether the dictionary has an entry. */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    /**
     * A table cell in the language asked for: a verdict ("on track"), a target's kind ("level"), price basis
     * ("nominal") or a driver's group ("production") in its column is a word of the dictionary; any other cell is
     * left as it is (numbers, ids, names).
     */
    public String cell(String column, String value, boolean zh) {
        if (!zh || value == null) {
            return value;
        }
        String key = switch (column) {
            case "verdict" -> "verdict." + value.replace(' ', '.');
            case "kind", "basis", "group" -> "cell." + column + "." + value;
            default -> null;
        };
        return key != null && has(key) ? word(key, true) : value;
    }

    /** A CSV column name in Chinese; unchanged when the dictionary has none (percentile codes). */
    public String columnZh(String name) {
        return columnsZh.getOrDefault(name, name);
    }

    /** Units as the plans write them ("亿元") spelled out in English ("100 million yuan"). */
    public Map<String, String> englishUnits() {
        return englishUnits;
    }

    private static Dictionary read() {
        JsonNode root;
        try (InputStream in = Dictionary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> words = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("words").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode en = e.getValue().get("en");
            JsonNode zh = e.getValue().get("zh");
            if (en == null || zh == null || !en.isTextual() || !zh.isTextual() || e.getValue().size() != 2) {
                // the dictionary is part of plansim: a broken entry is a bug, found by the first test that loads it
                throw new IllegalStateException(RESOURCE + ": words." + e.getKey() + " needs en and zh, and nothing else");
            }
            words.put(e.getKey(), new String[] {en.asText(), zh.asText()});
        }
        return new Dictionary(words, strings(root.path("columns")), strings(root.path("units")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
