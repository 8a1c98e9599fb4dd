package io.plansim.report;

import static io.plansim.report.AreaTables.area;
import static io.plansim.report.AreaTables.areaTable;
import static io.plansim.report.Assumptions.assumptions;
import static io.plansim.report.Html.esc;
import static io.plansim.report.Reproduce.reproduce;
import static io.plansim.report.TargetTables.counts;
import static io.plansim.report.TargetTables.futureFirst;
import static io.plansim.report.TargetTables.matrix;
import static io.plansim.report.TargetTables.targetTable;

import io.plansim.verdict.TargetVerdict;
import java.util.Base64;
import java.util.List;

/**
 * The report's two pages and their frame: one self-contained HTML file each (charts as base64 PNG, the CSS and
 * a small self-check script inline from resources, nothing fetched), readable offline and printable. The
 * sections come from their own classes: {@link FirstPage}, {@link TargetTables}, {@link AreaTables} (the
 * region's areas), {@link Assumptions}, {@link Reproduce}; a new section is one class and one call in
 * {@link #index} or {@link #appendix}. Every word comes from the dictionary ({@link Labels}).
 */
final class HtmlReport {
    private HtmlReport() {
    }

    /** The two pages of a report: the compact index.html and appendix.html with every scenario's full tables. */
    record Pages(String index, String appendix) {
    }

    static Pages render(ReportInput in, List<String> slugs, List<ChartOutput> charts, List<String> notes) {
        return new Pages(index(in, slugs, charts, notes), appendix(in, slugs, charts));
    }

    /** Whether a chart belongs on the compact page: comparisons, and every chart of the headline (first) scenario. */
    static boolean onIndex(ChartOutput c) {
        return c.scenario() <= 0;
    }

    private static void head(StringBuilder h, ReportInput in, String title) {
        Labels l = in.labels();
        Templates.pageHead(h, java.util.Map.of("lang", l.word("html.lang"), "version", in.version(), "title", title,
                "css", Html.CSS, "printHeader", printHeader(in), "selfCheck", selfCheck(l)));
    }

    /** The self-check script with its visible phrases in the page's language. */
    private static String selfCheck(Labels l) {
        return Html.SELF_CHECK.replace("'self-check: '", "'" + l.word("selfcheck.prefix") + "'")
                .replace("' charts rendered'", "'" + l.word("selfcheck.rendered") + "'")
                .replace("', errors: '", "'" + l.word("selfcheck.errors") + "'");
    }

    /** The running header and page numbers of the printed page (A4): the title and the date on every page. */
    private static String printHeader(ReportInput in) {
        String date = in.created().length() >= 10 ? in.created().substring(0, 10) : in.created();
        return "@page { size: A4; margin: 16mm 13mm 15mm; "
                + "@top-left { content: \"" + cssString(in.title()) + "\"; font-size: 8pt; color: #666; } "
                + "@top-right { content: \"" + cssString(date) + "\"; font-size: 8pt; color: #666; } "
                + "@bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #666; } }\n";
    }

    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3c ").replace("\n", " ");
    }

    private static String index(ReportInput in, List<String> slugs, List<ChartOutput> charts, List<String> notes) {
        Labels l = in.labels();
        StringBuilder h = new StringBuilder(1 << 20);
        head(h, in, in.title());
        h.append("<header><h1>").append(esc(in.title())).append("</h1>\n");
        FirstPage.render(h, in);
        h.append("</header>\n");
        toc(h, l);

        // summary: traffic lights
        h.append("<section id=\"summary\">\n<h2>").append(esc(l.word("summary"))).append("</h2>\n");
        if (in.runs().size() == 1) {
            ScenarioRun r = in.runs().get(0);
            counts(h, l, r.verdicts());
            targetTable(h, l, r, futureFirst(r), true);
        } else {
            matrix(h, l, in.runs());
        }
        h.append("<p class=\"note\">").append(esc(l.word("summary.note"))).append(' ')
                .append(esc(io.plansim.tables.VerdictTables.basis(in.paths(), in.seed(), l.zh()))).append("</p>\n</section>\n");

        // areas: comparisons first, then the headline scenario's own charts
        for (String area : ReportWriter.AREAS) {
            h.append("<section id=\"area-").append(area).append("\">\n<h2>").append(esc(l.word("area." + area))).append("</h2>\n");
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && c.scenario() < 0) {
                    figure(h, l, c);
                }
            }
            for (ChartOutput c : charts) {
                if (c.area().equals(area) && c.scenario() == 0) {
                    figure(h, l, c);
                }
            }
            h.append("</section>\n");
        }
        h.append("<section id=\"targets\">\n<h2>").append(esc(l.word("area.targets"))).append("</h2>\n");
        for (ChartOutput c : charts) {
            if (c.area().equals("targets") && c.scenario() == 0) {
                figure(h, l, c);
            }
        }
        h.append("<p><a href=\"appendix.html\">").append(esc(l.word("appendix.link"))).append("</a></p>\n</section>\n");

        TrustSection.render(h, in, in.calibration());
        reproduce(h, in, slugs);
        h.append("<section id=\"notes\">\n<h2>").append(esc(l.word("notes"))).append("</h2>\n<ul>\n");
        for (String n : notes) {
            h.append("<li>").append(esc(n)).append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
        h.append("<footer><span id=\"selfcheck\" data-status=\"pending\"></span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Every scenario in full: its other charts, the per-area tables of values and targets (with sources), its assumptions. */
    private static String appendix(ReportInput in, List<String> slugs, List<ChartOutput> charts) {
        Labels l = in.labels();
        StringBuilder h = new StringBuilder(1 << 20);
        String title = l.format("appendix.title", in.title());
        head(h, in, title);
        h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">").append(esc(l.word("appendix.about")))
                .append(" <a href=\"index.html\">index.html</a></p>\n</header>\n<nav>");
        for (int i = 0; i < in.runs().size(); i++) {
            h.append("<a href=\"#scenario-").append(esc(slugs.get(i))).append("\">").append(esc(l.scenarioName(in.runs().get(i).scenario())))
                    .append("</a>");
        }
        h.append("</nav>\n");
        for (int i = 0; i < in.runs().size(); i++) {
            ScenarioRun r = in.runs().get(i);
            h.append("<section id=\"scenario-").append(esc(slugs.get(i))).append("\" class=\"scenario\">\n<h2>")
                    .append(esc(l.scenarioName(r.scenario()))).append("</h2>\n<p>").append(esc(l.scenarioNarrative(r.scenario()))).append("</p>\n");
            counts(h, l, r.verdicts());
            for (String area : ReportWriter.AREAS) {
                h.append("<h3>").append(esc(l.word("area." + area))).append("</h3>\n");
                for (ChartOutput c : charts) {
                    if (c.area().equals(area) && c.scenario() == i && i > 0) {
                        figure(h, l, c);
                    }
                }
                areaTable(h, l, r, area);
                List<TargetVerdict> mine = futureFirst(r).stream().filter(v -> area(r, v.target().metric()).equals(area)).toList();
                if (!mine.isEmpty()) {
                    h.append("<h4>").append(esc(l.word("area.targets.table"))).append("</h4>\n");
                    targetTable(h, l, r, mine, false);
                }
            }
            List<TargetVerdict> other = futureFirst(r).stream().filter(v -> area(r, v.target().metric()).equals("other")).toList();
            boolean unlisted = r.scenario().satellites().stream().anyMatch(x -> !r.scenario().regionData().lists(x.id()));
            if (!other.isEmpty() || unlisted) {
                h.append("<h3>").append(esc(l.word("area.other"))).append("</h3>\n");
                areaTable(h, l, r, "other");
                if (!other.isEmpty()) {
                    targetTable(h, l, r, other, false);
                }
            }
            for (ChartOutput c : charts) {
                if (c.area().equals("targets") && c.scenario() == i && i > 0) {
                    figure(h, l, c);
                }
            }
            h.append("<h3>").append(esc(l.word("assumptions"))).append("</h3>\n");
            assumptions(h, l, r);
            h.append("</section>\n");
        }
        h.append("<footer><span id=\"selfcheck\" data-status=\"pending\"></span></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------------------------------ parts

    private static void toc(StringBuilder h, Labels l) {
        h.append("<nav><a href=\"#summary\">").append(esc(l.word("summary"))).append("</a>");
        for (String area : ReportWriter.AREAS) {
            h.append("<a href=\"#area-").append(area).append("\">").append(esc(l.word("area." + area))).append("</a>");
        }
        h.append("<a href=\"#targets\">").append(esc(l.word("area.targets"))).append("</a>")
                .append("<a href=\"appendix.html\">").append(esc(l.word("appendix"))).append("</a>")
                .append("<a href=\"#reproduce\">").append(esc(l.word("reproduce"))).append("</a>")
                .append("<a href=\"#notes\">").append(esc(l.word("notes"))).append("</a></nav>\n");
    }


    private static void figure(StringBuilder h, Labels l, ChartOutput c) {
        List<java.util.Map<String, String>> tables = c.tables().stream()
                .map(t -> java.util.Map.of("path", t, "name", t.substring(t.lastIndexOf('/') + 1))).toList();
        java.util.Map<String, Object> scope = new java.util.HashMap<>();
        scope.put("id", c.id());
        scope.put("png", Base64.getEncoder().encodeToString(c.png()));
        scope.put("width", c.width());
        scope.put("height", c.height());
        scope.put("title", c.title());
        scope.put("caption", c.caption());
        scope.put("files", l.word("files"));
        scope.put("pngPath", c.pngPath());
        scope.put("svgPath", c.svgPath());
        scope.put("tables", tables);
        Templates.figure(h, scope);
    }

}
