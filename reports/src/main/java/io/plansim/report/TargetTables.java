package io.plansim.report;

import static io.plansim.report.Html.esc;
import static io.plansim.report.Html.fmt;
import static io.plansim.report.Html.pct;

import io.plansim.target.Target;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets as tables: verdict counts, the traffic lights of one scenario, the matrix of several. */
final class TargetTables {
    private TargetTables() {
    }

    /** Future targets by year first (what the plan can still change), then the past ones judged on actuals. */
    static List<TargetVerdict> futureFirst(ScenarioRun r) {
        int base = r.scenario().baseYear();
        List<TargetVerdict> out = new ArrayList<>(r.verdicts());
        out.sort(java.util.Comparator.comparingInt((TargetVerdict v) -> v.target().year() > base ? 0 : 1)
                .thenComparingInt(v -> v.target().year()));
        return out;
    }

    static String light(Verdict v) {
        return switch (v) {
            case MET, ON_TRACK -> "green";
            case AT_RISK -> "amber";
            case MISSED, OFF_TRACK -> "red";
            case NOT_EVALUABLE -> "grey";
        };
    }

    static void counts(StringBuilder h, Labels l, List<TargetVerdict> verdicts) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (TargetVerdict v : verdicts) {
            n.merge(v.verdict(), 1, Integer::sum);
        }
        h.append("<p class=\"counts\">");
        for (Verdict v : List.of(Verdict.ON_TRACK, Verdict.AT_RISK, Verdict.OFF_TRACK, Verdict.MET, Verdict.MISSED, Verdict.NOT_EVALUABLE)) {
            if (n.containsKey(v)) {
                h.append("<span class=\"chip ").append(light(v)).append("\">").append(n.get(v)).append(' ')
                        .append(esc(l.verdict(v))).append("</span> ");
            }
        }
        h.append("</p>\n");
    }

    /**
     * Several scenarios: one row per target (future targets first), one column per scenario with the verdict
     * as a coloured cell and the probability; each scenario's verdict counts above its column.
     */
    static void matrix(StringBuilder h, Labels l, List<ScenarioRun> runs) {
        Map<String, TargetVerdict[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (TargetVerdict v : futureFirst(runs.get(i))) {
                rows.computeIfAbsent(v.target().id(), k -> new TargetVerdict[runs.size()])[i] = v;
            }
        }
        List<Map.Entry<String, TargetVerdict[]>> ordered = new ArrayList<>(rows.entrySet());
        ordered.sort(java.util.Comparator.comparingInt((Map.Entry<String, TargetVerdict[]> e) -> {
            TargetVerdict v = first(e.getValue());
            return v.target().year() > runs.get(0).scenario().baseYear() ? 0 : 1;
        }).thenComparingInt(e -> first(e.getValue()).target().year()));
        h.append("<div class=\"scroll\"><table class=\"targets matrix\">\n<thead><tr><th>").append(esc(l.word("year"))).append("</th><th>")
                .append(esc(l.word("metric"))).append("</th><th>").append(esc(l.word("target"))).append("</th>");
        for (ScenarioRun r : runs) {
            Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
            r.verdicts().forEach(v -> n.merge(v.verdict(), 1, Integer::sum));
            h.append("<th class=\"scen\">").append(esc(l.scenarioName(r.scenario()))).append("<br><small>")
                    .append(n.getOrDefault(Verdict.ON_TRACK, 0)).append(" / ").append(n.getOrDefault(Verdict.AT_RISK, 0)).append(" / ")
                    .append(n.getOrDefault(Verdict.OFF_TRACK, 0)).append("</small></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, TargetVerdict[]> e : ordered) {
            Target t = first(e.getValue()).target();
            String name = l.targetName(t);
            h.append("<tr><td>").append(t.year()).append("</td><td title=\"").append(esc(t.id())).append("\">").append(esc(name))
                    .append("</td><td>").append(esc(l.statement(t))).append("</td>");
            for (int i = 0; i < runs.size(); i++) {
                TargetVerdict v = e.getValue()[i];
                if (v == null) {
                    h.append("<td class=\"cell\">\u2013</td>");
                    continue;
                }
                boolean past = v.actualMet() != null || v.target().year() <= runs.get(i).scenario().baseYear();
                h.append("<td class=\"cell ").append(light(v.verdict())).append("\" ").append(dataAttributes(runs.get(i), v)).append(">").append(esc(l.verdict(v.verdict())));
                if (!past && Double.isFinite(v.probability())) {
                    h.append("<br><small>").append(l.word("p.short")).append(pct(v.probability())).append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n<p class=\"note\">").append(esc(l.word("matrix.note"))).append("</p>\n");
    }

    /** The verdict as data on its row, in the words of the JSON, so that tests compare the page with targets and mc. */
    static String dataAttributes(ScenarioRun r, TargetVerdict v) {
        return "data-scenario=\"" + esc(r.scenario().id()) + "\" data-target=\"" + esc(v.target().id()) + "\" data-verdict=\""
                + esc(v.verdict().label()) + "\"";
    }

    static TargetVerdict first(TargetVerdict[] row) {
        for (TargetVerdict v : row) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalStateException("empty row");
    }

    /**
     * Targets as traffic lights: verdict, year, indicator, condition, central figure (the actual for a past
     * year), the gap in the target's direction, P(met) with its 95% interval; the full tables (not the summary)
     * also cite the source by the plan's title and line, with the quote on hover.
     */
    static void targetTable(StringBuilder h, Labels l, ScenarioRun r, List<TargetVerdict> verdicts, boolean summary) {
        Map<String, String> head = new java.util.HashMap<>();
        for (String k : List.of("verdict", "year", "metric", "target", "central", "gap", "p", "source")) {
            head.put(k, l.word(k));
        }
        List<TargetRow> rows = new java.util.ArrayList<>();
        for (TargetVerdict v : verdicts) {
            Target t = v.target();
            boolean past = v.actualMet() != null || t.year() <= r.scenario().baseYear();
            String central = past && Double.isFinite(v.actual()) ? fmt(v.actual()) + l.word("actual.suffix") : fmt(v.central());
            String p = past || !Double.isFinite(v.probability()) ? "\u2013" : pct(v.probability());
            String ci = past || !Double.isFinite(v.ciLow()) ? null : pct(v.ciLow()) + "\u2013" + pct(v.ciHigh());
            rows.add(new TargetRow(light(v.verdict()), r.scenario().id(), t.id(), v.verdict().label(),
                    t.id() + (v.unjudged() == null ? "" : l.word("colon") + io.plansim.tables.VerdictTables.reason(v, l.zh())), l.verdict(v.verdict()), t.year(), l.targetName(t),
                    l.statement(t), central, gapText(l, v), p, ci, t.source().quote(), l.source(t.source())));
        }
        Templates.targetTable(h, Map.of("summary", summary, "head", head, "rows", rows));
    }

    /** One row of a targets table, every field as the page shows it (escaped by the template). */
    record TargetRow(String light, String scenario, String id, String verdictLabel, String title, String verdict, int year,
                     String name, String statement, String central, String gap, String p, String ci, String quote, String source) {
    }

    /** The gap in the target's direction, in the page's language; "–" when undefined. */
    static String gapText(Labels l, TargetVerdict v) {
        String g = io.plansim.tables.VerdictTables.gapWords(v, l.zh());
        return g.equals("-") ? "\u2013" : g;
    }
}
