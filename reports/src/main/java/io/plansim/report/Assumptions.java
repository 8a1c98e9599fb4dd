package io.plansim.report;

import static io.plansim.report.Html.esc;
import static io.plansim.report.Html.fact;
import static io.plansim.report.Html.fmt;
import static io.plansim.report.Html.fmtDriver;

import io.plansim.distribution.Distribution;
import io.plansim.scenario.BaseField;
import io.plansim.scenario.BaseValue;
import io.plansim.scenario.Driver;
import io.plansim.scenario.PathSpec;
import io.plansim.scenario.ProductionKind;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.Shock;
import io.plansim.scenario.Source;
import io.plansim.scenario.Uncertainty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A scenario's assumptions as the appendix shows them: facts, base values, drivers, shocks and uncertainty. */
final class Assumptions {
    private Assumptions() {
    }

    static void assumptions(StringBuilder h, Labels l, ScenarioRun run) {
        Scenario s = run.scenario();
        boolean zh = l.zh();
        h.append("<div class=\"scroll\"><table class=\"facts\">\n");
        fact(h, l.word("fact.scenario"), s.id());
        fact(h, l.word("fact.region"), l.format("fact.region.value", l.region(s.region()), s.baseYear(), s.horizon(), s.currency()));
        fact(h, l.word("model"), l.word(s.production() == ProductionKind.SOLOW ? "model.solow" : "model.growth"));
        if (s.lineage().size() > 1) {
            fact(h, l.word("fact.extends"), String.join(" \u2190 ", s.lineage()));
        }
        if (!s.satellites().isEmpty()) {
            fact(h, l.word("fact.satellites"), s.satellites().stream().map(x -> zh && !x.nameZh().isEmpty() ? x.nameZh() : x.id())
                    .collect(Collectors.joining(l.word("list"))));
        }
        h.append("</table></div>\n");

        // base values
        h.append("<h4>").append(esc(l.word("base.values"))).append("</h4>\n<div class=\"scroll\"><table class=\"drivers\"><thead><tr><th>")
                .append(esc(l.word("base.field"))).append("</th><th class=\"num\">").append(esc(l.word("base.value"))).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th><th>").append(esc(l.word("source"))).append("</th></tr></thead><tbody>\n");
        for (BaseField f : BaseField.values()) {
            BaseValue b = s.base().get(f);
            if (b != null) {
                h.append("<tr><td>").append(esc(l.format("base.field.name", f.description().replaceAll("^.*\\((.*)\\)$", "$1"), f.key())))
                        .append("</td><td class=\"num\">").append(esc(fmt(b.value()))).append("</td><td>")
                        .append(esc(b.unit())).append("</td>").append(sourceCell(l, b.source()))
                        .append("</tr>\n");
            }
        }
        // the satellites' base values, with their sources and notes as the scenario gives them
        for (Satellite x : s.satellites()) {
            BaseValue b = x.base();
            if (b != null) {
                h.append("<tr><td>").append(esc(l.format("base.field.name", x.nameZh().isEmpty() ? x.name() : x.nameZh(), x.id())))
                        .append("</td><td class=\"num\">").append(esc(fmt(b.value()))).append("</td><td>")
                        .append(esc(b.unit())).append("</td>").append(sourceCell(l, b.source()))
                        .append("</tr>\n");
            }
        }
        h.append("</tbody></table></div>\n");

        // drivers
        int[] show = driverYears(s);
        h.append("<h4>").append(esc(l.word("drivers"))).append("</h4>\n<p class=\"note\">")
                .append(esc(l.word("drivers.note")))
                .append("</p>\n<div class=\"scroll\"><table class=\"drivers\"><thead><tr><th>").append(esc(l.word("driver"))).append("</th><th>")
                .append(esc(l.word("unit"))).append("</th><th>").append(esc(l.word("as.written"))).append("</th>");
        for (int y : show) {
            h.append("<th class=\"num\">").append(s.baseYear() + y).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (Driver d : Driver.values()) {
            PathSpec spec = s.drivers().get(d);
            if (spec == null || !s.production().reads(d)) {
                continue;
            }
            double[] values = new double[s.years()];
            spec.fill(values, s.baseYear());
            boolean isDefault = spec instanceof PathSpec.Constant c && c.value() == d.defaultValue();
            h.append("<tr").append(isDefault ? " class=\"default\"" : "").append("><td>").append(esc(d.path())).append("</td><td>")
                    .append(esc(l.driverUnit(d.unit()))).append("</td><td>").append(esc(describe(spec, zh))).append(isDefault ? l.word("default.suffix") : "")
                    .append("</td>");
            for (int y : show) {
                h.append("<td class=\"num\">").append(esc(fmtDriver(values[y]))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");

        if (!s.shocks().isEmpty()) {
            h.append("<h4>").append(esc(l.word("shocks"))).append("</h4>\n<ul>\n");
            for (Shock x : s.shocks()) {
                String size = String.format(Locale.ROOT, "%+.1f%%", 100 * x.size());
                // the note is free text in the scenario file's language: on the Chinese page it shows on hover
                h.append("<li").append(zh && x.note() != null ? " title=\"" + esc(x.note()) + "\"" : "").append(">")
                        .append(esc(l.format("shock.line", x.name(), x.year(), x.variable(), size, x.note() == null ? "" : l.format("shock.note", x.note()))))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }

        // uncertainty
        Uncertainty u = s.uncertainty();
        h.append("<h4>").append(esc(l.word("uncertainty"))).append("</h4>\n");
        if (u == null || u.isEmpty()) {
            h.append("<p>").append(esc(l.word("uncertainty.none")))
                    .append("</p>\n");
            return;
        }
        h.append("<ul class=\"uncertainty\">\n");
        for (Uncertainty.Parameter p : u.parameters()) {
            h.append("<li>").append(esc(p.driver().path() + ": " + describe(p.distribution()) + ", " + p.from() + "\u2013" + p.to() + ", "
                    + p.mode().describe(zh)
                    + l.word("uncertainty.once"))).append("</li>\n");
        }
        for (Uncertainty.AnnualShock a : u.shocks()) {
            h.append("<li>").append(esc(l.format("uncertainty.shock", a.variable(), fmtDriver(a.sd()))
                    + (a.persistence() != 0 ? l.format("uncertainty.persistence", fmtDriver(a.persistence())) : ""))).append("</li>\n");
        }
        if (u.tailsDf() > 0) {
            h.append("<li>").append(esc(l.format("uncertainty.tails", fmtDriver(u.tailsDf())))).append("</li>\n");
        }
        if (u.correlation() != null && u.correlation().length > 1) {
            h.append("<li>").append(esc(l.format("uncertainty.correlation", matrix(u.correlation())))).append("</li>\n");
        }
        for (Uncertainty.RareEvent e : u.events()) {
            h.append("<li>").append(esc(l.format("uncertainty.event", e.name(), fmtDriver(e.probability()),
                    e.effects().stream().map(x -> x.variable() + " " + describe(x.size())).collect(Collectors.joining(", "))))).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    /**
     * A source cell: the plan's title and line or a statistic's address (the quote on hover), then the scenario's note
     * (an assumption, a proxy, how a figure was derived), which says when the figure is not the one the cited line
     * states. A note is free text in the scenario file's language: the Chinese page names it an assumption (a note
     * alone) or a note of the scenario before it.
     */
    static String sourceCell(Labels l, Source src) {
        if (src == null) {
            return "<td class=\"src\"></td>";
        }
        String cited = l.source(new Source(src.file(), src.line(), src.quote(), src.url(), null));
        String note = src.note() == null || src.note().isBlank() ? null : src.note().strip();
        String text;
        if (note == null) {
            text = cited;
        } else if (cited.isEmpty()) {
            text = l.format("source.assumption", note);
        } else {
            text = cited + l.word("source.separator") + l.format("source.note", note);
        }
        String hover = src.quote() == null ? note : src.quote();
        return "<td class=\"src\"" + (hover == null ? "" : " title=\"" + esc(hover) + "\"") + ">" + esc(text) + "</td>";
    }

    static int[] driverYears(Scenario s) {
        List<Integer> out = new ArrayList<>();
        out.add(Math.min(1, s.years() - 1));
        for (int t = 2; t < s.years() - 1; t++) {
            if ((s.baseYear() + t) % 5 == 0) {
                out.add(t);
            }
        }
        if (s.years() - 1 > out.get(out.size() - 1)) {
            out.add(s.years() - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static String describe(PathSpec spec) {
        return describe(spec, false);
    }

    static String describe(PathSpec spec, boolean zh) {
        if (spec instanceof PathSpec.Constant c) {
            return fmtDriver(c.value());
        }
        if (spec instanceof PathSpec.Periods p) {
            return p.periods().stream().map(x -> x.from() + "\u2013" + x.to() + ": " + fmtDriver(x.value())).collect(Collectors.joining(", "));
        }
        if (spec instanceof PathSpec.Anchors a) {
            return io.plansim.tables.Dictionary.get().format("path.anchors", zh, a.anchors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + fmtDriver(e.getValue())).collect(Collectors.joining(" \u2192 ")));
        }
        if (spec instanceof PathSpec.Overlay o) {
            return describe(o.under(), zh) + "; " + o.over().from() + "\u2013" + o.over().to() + ": " + fmtDriver(o.over().value()) + " (--set)";
        }
        return spec.toString();
    }

    static String describe(Distribution d) {
        return d.describe();
    }

    static String matrix(double[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < m[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(fmtDriver(m[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
