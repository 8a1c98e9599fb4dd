package io.plansim.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plansim.scenario.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one catalog of sources (scenarios/seeds/sources.yaml): the title of every seed document that targets,
 * history and scenarios cite by file name, so that a reader sees "义乌市国民经济和社会发展第十三个五年规划纲要,
 * 第 102 行" instead of a file name. A file the catalog lacks is cited by its file name.
 */
public final class SourceCatalog {
    /** Where the built-in catalog sits on the classpath (the scenarios module copies scenarios/seeds there). */
    public static final String RESOURCE = "scenarios/seeds/sources.yaml";

    /** One seed document: its file name and its title in Chinese and English. */
    public record Entry(String file, String titleZh, String titleEn) {
    }

    private static volatile SourceCatalog builtIn;

    private final Map<String, Entry> entries;

    private SourceCatalog(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The catalog on the classpath; empty when it is not there (the engine alone, without the scenarios). */
    public static SourceCatalog builtIn() {
        SourceCatalog c = builtIn;
        if (c == null) {
            try (InputStream in = SourceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                c = in == null ? new SourceCatalog(Map.of()) : parse(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            builtIn = c;
        }
        return c;
    }

    static SourceCatalog parse(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, Entry> out = new LinkedHashMap<>();
        for (JsonNode s : root.path("sources")) {
            String file = s.path("file").asText();
            out.put(file, new Entry(file, s.path("title_zh").asText(file), s.path("title_en").asText(file)));
        }
        return new SourceCatalog(out);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String file) {
        return Optional.ofNullable(file == null ? null : entries.get(file));
    }

    /**
     * A source as a reader cites it: "title, 第 102 行" (Chinese) or "title, line 102", the public address for a
     * statistic, the note for an assumption; without the quote (which the tables show beside it when wanted).
     */
    public String cite(Source s, boolean zh) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (s.file() != null) {
            sb.append(entry(s.file()).map(e -> zh ? e.titleZh() : e.titleEn()).orElse(s.file()));
            if (s.line() != null) {
                sb.append(zh ? "，第 " + s.line() + " 行" : ", line " + s.line());
            }
        }
        if (s.url() != null) {
            sb.append(sb.length() > 0 ? "; " : "").append(s.url());
        }
        if (s.note() != null && sb.length() == 0) {
            sb.append(s.note());
        }
        return sb.toString();
    }
}
