package io.plansim.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The report's HTML templates (resources io/plansim/report/templates/*.mustache), rendered with mustache.java:
 * every {@code {{value}}} is escaped by {@link Html#esc} (text and attribute values alike), so no text reaches
 * the page unescaped; {@code {{{value}}}} is for HTML the code built itself. Compiled once, thread-safe.
 */
final class Templates {
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("io/plansim/report/templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                // the page's own escaper, not mustache's: it leaves = and ` alone, so pages stay as they were
                writer.write(Html.esc(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Mustache TARGET_TABLE = FACTORY.compile("target-table.mustache");
    private static final Mustache AREA_TABLE = FACTORY.compile("area-table.mustache");
    private static final Mustache PAGE_HEAD = FACTORY.compile("page-head.mustache");
    private static final Mustache FIGURE = FACTORY.compile("figure.mustache");
    private static final Mustache REPRODUCE = FACTORY.compile("reproduce.mustache");

    private Templates() {
    }

    static void targetTable(StringBuilder h, Object scope) {
        render(TARGET_TABLE, h, scope);
    }

    static void areaTable(StringBuilder h, Object scope) {
        render(AREA_TABLE, h, scope);
    }

    /** The page's head (title, CSS, self-check script) and the opening body tag. */
    static void pageHead(StringBuilder h, Object scope) {
        render(PAGE_HEAD, h, scope);
    }

    /** A chart: the embedded PNG with its caption and links to its files. */
    static void figure(StringBuilder h, Object scope) {
        render(FIGURE, h, scope);
    }

    /** How to reproduce the report: the command, the facts of the run, the files written. */
    static void reproduce(StringBuilder h, Object scope) {
        render(REPRODUCE, h, scope);
    }

    private static void render(Mustache m, StringBuilder h, Object scope) {
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        h.append(w);
    }
}
