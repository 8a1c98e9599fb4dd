package io.plansim.report;

import static io.plansim.report.Html.esc;
import static io.plansim.report.Html.fact;

import io.plansim.aggregate.McResult;
import java.util.List;
import java.util.Locale;

/** How to reproduce the report: the command, version, seed, paths, sampler and fonts, and the files written. */
final class Reproduce {
    private Reproduce() {
    }

    static void reproduce(StringBuilder h, ReportInput in, List<String> slugs) {
        Labels l = in.labels();
        h.append("<section id=\"reproduce\">\n<h2>").append(esc(l.word("reproduce"))).append("</h2>\n<pre>").append(esc(in.command()))
                .append("</pre>\n<div class=\"scroll\"><table class=\"facts\">\n");
        fact(h, l.word("fact.version"), "plansim " + in.version());
        fact(h, l.word("fact.seed"), String.valueOf(in.seed()));
        fact(h, l.word("fact.paths"), String.format(Locale.ROOT, "%,d", in.paths()));
        McResult first = in.runs().get(0).mc();
        fact(h, l.word("fact.sampler"), l.format("fact.sampler.value", first.sampler()));
        fact(h, l.word("fact.percentiles"), first.quantiles().accuracy(l.zh()));
        fact(h, l.word("fact.labels"), l.requested() != l.lang() ? l.format("fact.labels.fallback", l.lang().id(), l.requested().id())
                : l.format("fact.labels.value", l.lang().id()));
        fact(h, l.word("fact.font"), l.format("fact.font.value", ChartFonts.family(l.cjkFont())));
        fact(h, l.word("fact.made"), in.created());
        h.append("</table></div>\n<h3>").append(esc(l.word("files"))).append("</h3>\n<ul class=\"files\">\n")
                .append("<li><a href=\"appendix.html\">appendix.html</a></li>\n")
                .append("<li><a href=\"summary.json\">summary.json</a></li>\n");
        for (int i = 0; i < in.runs().size(); i++) {
            String s = slugs.get(i);
            h.append("<li>").append(esc(l.scenarioName(in.runs().get(i).scenario()))).append(l.word("colon"));
            for (String t : List.of("percentiles", "central", "targets", "history")) {
                String path = "tables/" + s + "-" + t + ".csv";
                h.append("<a href=\"").append(esc(path)).append("\">").append(esc(path)).append("</a> ");
            }
            h.append("</li>\n");
        }
        h.append("<li>charts/*.png, charts/*.svg</li>\n</ul>\n</section>\n");
    }
}
