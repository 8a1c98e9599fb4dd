package io.plansim.report;

import static io.plansim.report.Html.esc;
import static io.plansim.report.Html.pct;
import static io.plansim.report.TargetTables.light;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.target.Target;
import io.plansim.verdict.TargetVerdict;
import io.plansim.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page for readers who read one page: the question, the headline answers per plan year for the headline
 * (first) scenario with the two or three targets that matter most, every scenario's counts in one line, and
 * what changed since a previous report when one is given.
 */
final class FirstPage {
    /** Metrics a plan's leadership reads first, in order; a binding (约束性) target comes before all of them. */
    static final List<String> HEADLINE_METRICS = List.of("gdp_nominal", "gdp_real", "total_trade", "goods_trade", "energy_intensity",
            "urbanization_rate", "population", "income_per_capita", "exports", "imports", "co2", "energy_consumption");
    /** A probability that moves by this much or more counts as a change since the previous report. */
    static final double CHANGED = 0.05;
    static final int MATTER = 3;
    static final int MAX_CHANGES = 12;

    private FirstPage() {
    }

    static void render(StringBuilder h, ReportInput in) {
        Labels l = in.labels();
        ScenarioRun head = in.runs().get(0);
        h.append("<section id=\"first-page\" class=\"first-page\">\n<p class=\"question\">")
                .append(esc(String.format(Locale.ROOT, l.word("question"), in.regions()))).append("</p>\n");
        h.append("<p class=\"meta\">").append(esc(meta(in))).append("</p>\n");
        h.append("<h2>").append(esc(l.word("headline"))).append(in.runs().size() > 1 ? " <small>" + esc(l.scenarioName(head.scenario())) + "</small>" : "")
                .append("</h2>\n");
        Map<Integer, List<TargetVerdict>> byYear = new TreeMap<>();
        for (TargetVerdict v : head.verdicts()) {
            byYear.computeIfAbsent(v.target().year(), y -> new ArrayList<>()).add(v);
        }
        h.append("<div class=\"scroll\"><table class=\"headline\">\n<thead><tr><th>").append(esc(l.word("headline.year"))).append("</th><th>")
                .append(esc(l.word("headline.targets"))).append("</th><th>").append(esc(l.word("headline.matter")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<Integer, List<TargetVerdict>> e : byYear.entrySet()) {
            h.append("<tr><td class=\"year\">").append(e.getKey()).append("</td><td>");
            chips(h, l, e.getValue());
            h.append("</td><td><ul class=\"matter\">");
            for (TargetVerdict v : matter(e.getValue())) {
                h.append("<li class=\"").append(light(v.verdict())).append("\"><span class=\"dot\"></span>").append(esc(line(l, v))).append("</li>");
            }
            h.append("</ul></td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (in.runs().size() > 1) {
            h.append("<p class=\"scenarios\">").append(esc(l.word("scenarios.future")));
            List<String> parts = new ArrayList<>();
            for (ScenarioRun r : in.runs()) {
                Map<Verdict, Integer> n = counts(r.verdicts());
                parts.add(l.scenarioName(r.scenario()) + " " + n.getOrDefault(Verdict.ON_TRACK, 0) + " / " + n.getOrDefault(Verdict.AT_RISK, 0)
                        + " / " + n.getOrDefault(Verdict.OFF_TRACK, 0));
            }
            h.append(esc(String.join(l.word("semicolon"), parts))).append("</p>\n");
        }
        if (in.previous() != null) {
            changes(h, in);
        }
        h.append("</section>\n");
    }

    private static String meta(ReportInput in) {
        Labels l = in.labels();
        String n = String.format(Locale.ROOT, "%,d", in.paths());
        String scenarios = String.join(l.word("list"), in.runs().stream().map(r -> l.scenarioName(r.scenario())).toList());
        return l.format("meta", scenarios, n, in.seed(), in.version(), in.created());
    }

    static Map<Verdict, Integer> counts(List<TargetVerdict> verdicts) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (TargetVerdict v : verdicts) {
            n.merge(v.verdict(), 1, Integer::sum);
        }
        return n;
    }

    private static void chips(StringBuilder h, Labels l, List<TargetVerdict> verdicts) {
        Map<Verdict, Integer> n = counts(verdicts);
        for (Verdict v : List.of(Verdict.MET, Verdict.MISSED, Verdict.ON_TRACK, Verdict.AT_RISK, Verdict.OFF_TRACK, Verdict.NOT_EVALUABLE)) {
            if (n.containsKey(v)) {
                h.append("<span class=\"chip ").append(light(v)).append("\">").append(n.get(v)).append(' ').append(esc(l.verdict(v))).append("</span> ");
            }
        }
    }

    /**
     * The targets that matter most in a year: binding (约束性) first, then by the headline metrics' order, levels
     * before rates; only targets that can be judged.
     */
    static List<TargetVerdict> matter(List<TargetVerdict> year) {
        return year.stream().filter(v -> v.verdict() != Verdict.NOT_EVALUABLE)
                .sorted(Comparator.comparingInt((TargetVerdict v) -> "binding".equals(v.target().status()) ? 0 : 1)
                        .thenComparingInt(v -> rank(v.target()))
                        .thenComparingInt(v -> v.target().kind().ordinal())
                        .thenComparing(v -> v.target().id()))
                .limit(MATTER).toList();
    }

    private static int rank(Target t) {
        int i = HEADLINE_METRICS.indexOf(t.metric());
        return i < 0 ? HEADLINE_METRICS.size() : i;
    }

    /** "地区生产总值 ≥ 2000 亿元：有望实现（概率 81%），中心值 2093，超出 93 亿元 (4.7%)". */
    static String line(Labels l, TargetVerdict v) {
        Target t = v.target();
        String name = l.zh() ? t.nameZh() : t.name();
        StringBuilder sb = new StringBuilder(name).append(' ').append(l.statement(t)).append(l.word("colon")).append(l.verdict(v.verdict()));
        if (Double.isFinite(v.probability()) && v.actualMet() == null) {
            sb.append(l.format("p.paren", pct(v.probability())));
        }
        if (Double.isFinite(v.central())) {
            sb.append(l.format(v.actualMet() != null ? "line.actual" : "line.central", Html.fmt(v.central())));
            String gap = TargetTables.gapText(l, v);
            if (!gap.equals("\u2013")) {
                sb.append(l.word("comma")).append(gap);
            }
        }
        return sb.toString();
    }

    /** Verdicts that changed, and probabilities that moved by 5 points or more, against the previous report's summary.json. */
    private static void changes(StringBuilder h, ReportInput in) {
        Labels l = in.labels();
        JsonNode prev = in.previous();
        h.append("<h3>").append(esc(l.word("changes"))).append(" <small>").append(esc(in.previousDir() == null ? "" : in.previousDir()))
                .append(prev.hasNonNull("created") ? " \u00b7 " + esc(prev.get("created").asText()) : "").append("</small></h3>\n");
        List<String> differ = in.settingsThatDiffer();
        if (!differ.isEmpty()) {
            // not refused: comparing across settings can be what the user wants, but the reader must know
            h.append("<p class=\"note settings\">").append(esc(l.format("changes.settings", String.join(l.word("semicolon"), differ))))
                    .append("</p>\n");
        }
        List<String[]> rows = new ArrayList<>();
        int compared = 0;
        int unmatched = 0;
        for (ScenarioRun r : in.runs()) {
            JsonNode before = null;
            for (JsonNode s : prev.path("scenarios")) {
                if (s.path("scenario").asText().equals(r.scenario().id())) {
                    before = s;
                }
            }
            if (before == null) {
                unmatched++;
                continue;
            }
            Map<String, JsonNode> old = new TreeMap<>();
            for (JsonNode t : before.path("targets")) {
                old.put(t.path("id").asText(), t);
            }
            for (TargetVerdict v : r.verdicts()) {
                JsonNode o = old.get(v.target().id());
                if (o == null) {
                    continue;
                }
                compared++;
                String oldVerdict = o.path("verdict").asText();
                double oldP = o.path("probability").asDouble(Double.NaN);
                boolean verdictChanged = !oldVerdict.equals(v.verdict().label());
                boolean moved = Double.isFinite(oldP) && Double.isFinite(v.probability()) && Math.abs(v.probability() - oldP) >= CHANGED;
                if (verdictChanged || moved) {
                    Verdict ov = java.util.Arrays.stream(Verdict.values()).filter(x -> x.label().equals(oldVerdict)).findFirst().orElse(null);
                    rows.add(new String[] {l.scenarioName(r.scenario()), l.zh() ? v.target().nameZh() + " " + l.statement(v.target())
                            : v.target().name() + " " + l.statement(v.target()), String.valueOf(v.target().year()),
                        (ov == null ? oldVerdict : l.verdict(ov)) + (Double.isFinite(oldP) ? " " + pct(oldP) : ""),
                        l.verdict(v.verdict()) + (Double.isFinite(v.probability()) ? " " + pct(v.probability()) : ""), light(v.verdict())});
                }
            }
        }
        if (rows.isEmpty()) {
            h.append("<p>").append(esc(l.format("changes.none", compared))).append("</p>\n");
        } else {
            h.append("<div class=\"scroll\"><table class=\"changes\"><thead><tr><th>").append(esc(l.word("scenario"))).append("</th><th>")
                    .append(esc(l.word("target"))).append("</th><th>").append(esc(l.word("year"))).append("</th><th>")
                    .append(esc(l.word("changes.before"))).append("</th><th>").append(esc(l.word("changes.now"))).append("</th></tr></thead><tbody>\n");
            for (String[] row : rows.subList(0, Math.min(rows.size(), MAX_CHANGES))) {
                h.append("<tr class=\"").append(row[5]).append("\"><td>").append(esc(row[0])).append("</td><td>").append(esc(row[1])).append("</td><td>")
                        .append(esc(row[2])).append("</td><td>").append(esc(row[3])).append("</td><td class=\"light\"><span class=\"dot\"></span>")
                        .append(esc(row[4])).append("</td></tr>\n");
            }
            h.append("</tbody></table></div>\n<p class=\"note\">").append(esc(l.format("changes.count", compared, rows.size(),
                    rows.size() > MAX_CHANGES ? l.format("changes.first", MAX_CHANGES) : ""))).append("</p>\n");
        }
        if (unmatched > 0) {
            h.append("<p class=\"note\">").append(esc(l.format("changes.unmatched", unmatched)))
                    .append("</p>\n");
        }
    }
}
