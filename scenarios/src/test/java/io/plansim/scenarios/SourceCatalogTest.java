package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.scenario.Source;
import io.plansim.target.SourceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one catalog of sources covers every seed file cited anywhere, and lists only files that exist. */
class SourceCatalogTest {
    static final Pattern SEED = Pattern.compile("\\b(\\d{3}_[0-9a-f]{16}\\.txt)\\b");

    @Test
    void everyCitedSeedHasATitleAndEveryTitledSeedExists() throws IOException {
        Set<String> cited = new TreeSet<>();
        try (Stream<Path> files = Stream.of("yiwu", "jinhua").flatMap(SourceCatalogTest::list)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = SEED.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    cited.add(m.group(1));
                }
            }
        }
        SourceCatalog catalog = SourceCatalog.builtIn();
        assertTrue(cited.size() >= 5, "cited: " + cited);
        assertEquals(cited, new TreeSet<>(catalog.entries().keySet()), "cited seed files against the catalog");
        for (String f : catalog.entries().keySet()) {
            assertTrue(Files.isRegularFile(Path.of("seeds", f)), f);
        }
    }

    @Test
    void citesByTitleAndLine() {
        Source s = new Source("000_51469b50aab5ea2a.txt", 102, "q", null, null);
        assertEquals("义乌市国民经济和社会发展第十三个五年规划纲要，第 102 行", SourceCatalog.builtIn().cite(s, true));
        assertEquals("Yiwu 13th Five-Year Plan outline (2016-2020), line 102", SourceCatalog.builtIn().cite(s, false));
        assertEquals("unknown.txt, line 3", SourceCatalog.builtIn().cite(new Source("unknown.txt", 3, null, null, null), false));
    }

    private static Stream<Path> list(String region) {
        try {
            return Files.list(Path.of(region)).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".csv")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
