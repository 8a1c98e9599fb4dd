package io.plansim.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.target.Target;
import io.plansim.verdict.TargetVerdict;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Target verdicts as a Tablesaw table, JSON and a terminal table; one row per target. */
public final class VerdictTables {
    private VerdictTables() {
    }

    /**
     * The one table of verdicts that {@code targets --format csv}, the xlsx workbook and the report's
     * tables/*-targets.csv write: the target, the central path's figures and the Monte Carlo columns
     * (probability, its Wilson 95% interval and standard error, as the JSON's probability, ciLow, ciHigh and
     * standardError), empty without Monte Carlo ({@code --central-only}) so that the header never changes. The target
     * is there whole, as its JSON: {@code value} (the lower end of a range), {@code high} (the upper end), {@code
     * tolerance} (of "about"), {@code from} (the first year of a growth rate or sum, the year a change is against), and
     * {@code target}, the one wording every output prints ({@link Target#statement()}: "4880-5000 亿元", "about 69 (±0.5)
     * %", "growth 2015-2020 >= 10 %/yr"); they used to carry the comparator and value alone.
     */
    public static Table table(String scenario, List<TargetVerdict> verdicts) {
        StringColumn id = StringColumn.create("id");
        StringColumn metric = StringColumn.create("metric");
        StringColumn name = StringColumn.create("name");
        StringColumn nameZh = StringColumn.create("name_zh");
        IntColumn year = IntColumn.create("year");
        StringColumn kind = StringColumn.create("kind");
        StringColumn cmp = StringColumn.create("comparator");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn high = DoubleColumn.create("high");
        DoubleColumn tolerance = DoubleColumn.create("tolerance");
        IntColumn from = IntColumn.create("from");
        StringColumn unit = StringColumn.create("unit");
        StringColumn basis = StringColumn.create("basis");
        StringColumn statement = StringColumn.create("target");
        DoubleColumn central = DoubleColumn.create("central");
        DoubleColumn gap = DoubleColumn.create("gap");
        DoubleColumn gapPct = DoubleColumn.create("gap_percent");
        DoubleColumn required = DoubleColumn.create("required_growth");
        DoubleColumn own = DoubleColumn.create("scenario_growth");
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn source = StringColumn.create("source");
        DoubleColumn p = DoubleColumn.create("probability");
        DoubleColumn lo = DoubleColumn.create("ci_low");
        DoubleColumn hi = DoubleColumn.create("ci_high");
        DoubleColumn se = DoubleColumn.create("standard_error");
        for (TargetVerdict v : verdicts) {
            Target t = v.target();
            id.append(t.id());
            metric.append(t.metric());
            name.append(t.name());
            nameZh.append(t.nameZh());
            year.append(t.year());
            kind.append(t.kind().name().toLowerCase(Locale.ROOT));
            cmp.append(t.comparator().symbol());
            value.append(t.value());
            appendOrMissing(high, t.high());
            appendOrMissing(tolerance, t.tolerance());
            if (t.from() > 0) {
                from.append(t.from());
            } else {
                from.appendMissing();
            }
            unit.append(t.unit());
            basis.append(t.basis().id());
            statement.append(t.statement());
            appendOrMissing(central, v.central());
            appendOrMissing(gap, v.gap());
            appendOrMissing(gapPct, v.gapPercent());
            appendOrMissing(required, v.requiredGrowth());
            appendOrMissing(own, v.scenarioGrowth());
            verdict.append(v.verdict().label());
            source.append(t.source().toString());
            appendOrMissing(p, v.probability());
            appendOrMissing(lo, v.ciLow());
            appendOrMissing(hi, v.ciHigh());
            appendOrMissing(se, v.standardError());
        }
        return Table.create(scenario, id, metric, name, nameZh, year, kind, cmp, value, high, tolerance, from, unit, basis,
                statement, central, gap, gapPct,
                required, own, verdict, source, p, lo, hi, se);
    }

    private static void appendOrMissing(DoubleColumn c, double v) {
        if (Double.isFinite(v)) {
            c.append(v);
        } else {
            c.appendMissing();
        }
    }

    /**
     * How the verdicts and figures of a run were made, in one sentence every output prints: with Monte Carlo
     * ({@code paths > 0}) the verdict follows P(met), else the central path's margin; the central figure is
     * always the deterministic central path; the gap is stated in the target's direction.
     */
    public static String basis(long paths, long seed, boolean zh) {
        String verdicts;
        if (paths > 0) {
            String n = String.format(Locale.ROOT, "%,d", paths);
            verdicts = Dictionary.get().format("basis.mc", zh, n, seed);
        } else {
            verdicts = Dictionary.get().word("basis.central", zh);
        }
        return verdicts + Dictionary.get().word("basis.past", zh);
    }

    /**
     * "ahead by 125 亿元 (6.3%)", "short by 1.9 points": the gap in the target's direction; "-" when undefined. A gap
     * between two rates or two shares is in percentage points (个百分点), not in %: an 80% urbanization target is
     * missed by 0.33 points at 79.67%.
     */
    public static String gapWords(TargetVerdict v, boolean zh) {
        double g = v.gap();
        if (!Double.isFinite(g)) {
            return "-";
        }
        Target t = v.target();
        boolean points = t.kind() == io.plansim.target.TargetKind.GROWTH || t.kind() == io.plansim.target.TargetKind.CHANGE
                || "%".equals(t.unit());
        String unit = points ? Dictionary.get().word("gap.points", zh) : t.unit();
        String amount = Format.num(Math.abs(g)) + (unit.isEmpty() ? "" : " " + unit)
                + (Double.isFinite(v.gapPercent()) ? String.format(Locale.ROOT, " (%.1f%%)", Math.abs(v.gapPercent())) : "");
        if (g >= 0) {
            return Dictionary.get().format("gap.ahead", zh, amount);
        }
        return Dictionary.get().format("gap.short", zh, amount);
    }

    public static ObjectNode json(String scenario, List<TargetVerdict> verdicts, long paths, long seed) {
        ObjectNode root = json(scenario, verdicts);
        root.put("verdictBasis", paths > 0 ? "monte-carlo" : "central-path");
        if (paths > 0) {
            root.put("paths", paths);
            root.put("seed", seed);
        }
        root.put("about", basis(paths, seed, false));
        return root;
    }

    public static ObjectNode json(String scenario, List<TargetVerdict> verdicts) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("scenario", scenario);
        ArrayNode arr = root.putArray("targets");
        for (TargetVerdict v : verdicts) {
            arr.add(json(v));
        }
        return root;
    }

    public static ObjectNode json(TargetVerdict v) {
        Target t = v.target();
        ObjectNode n = ProjectionJson.MAPPER.createObjectNode();
        n.put("id", t.id());
        n.put("plan", t.plan());
        n.put("metric", t.metric());
        n.put("name", t.name());
        n.put("name_zh", t.nameZh());
        n.put("year", t.year());
        n.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        n.put("comparator", t.comparator().symbol());
        n.put("value", t.value());
        Format.json(n, "high", t.high());
        Format.json(n, "tolerance", t.tolerance());
        if (t.from() > 0) {
            n.put("from", t.from());
        }
        n.put("unit", t.unit());
        n.put("basis", t.basis().id());
        n.put("status", t.status());
        Format.json(n, "central", v.central());
        Format.json(n, "gap", v.gap());
        Format.json(n, "gapPercent", v.gapPercent());
        Format.json(n, "requiredGrowth", v.requiredGrowth());
        Format.json(n, "scenarioGrowth", v.scenarioGrowth());
        if (v.fromYear() > 0) {
            n.put("requiredGrowthFrom", v.fromYear());
        }
        Format.json(n, "actual", v.actual());
        if (v.actualMet() != null) {
            n.put("actualMet", v.actualMet());
        }
        n.put("verdict", v.verdict().label());
        if (!Double.isNaN(v.probability())) {
            n.put("probability", v.probability());
            n.put("ciLow", v.ciLow());
            n.put("ciHigh", v.ciHigh());
            n.put("standardError", v.standardError());
        }
        if (v.reason() != null) {
            n.put("reason", v.reason().english());
        }
        ObjectNode src = n.putObject("source");
        src.put("file", t.source().file());
        src.put("line", t.source().line());
        src.put("quote", t.source().quote());
        if (t.note() != null) {
            n.put("note", t.note());
        }
        return n;
    }


    /**
     * The terminal table of {@code targets}: one line per target, the Chinese metric name beside the id, the growth
     * needed and the scenario's; why a target is not evaluable as notes below. Headers and words in Chinese with
     * {@code zh}, the figures the same.
     */
    public static String text(List<TargetVerdict> verdicts, boolean zh) {
        StringBuilder notes = new StringBuilder();
        for (TargetVerdict v : verdicts) {
            if (v.reason() != null) {
                notes.append("  ").append(v.target().id()).append(Dictionary.get().word("colon", zh)).append(reason(v, zh)).append('\n');
            }
        }
        return render(verdicts, zh, false) + (notes.length() == 0 ? "" : "\n" + Dictionary.get().word("text.unevaluable", zh) + "\n" + notes);
    }

    /** The terminal table of {@code mc}: every target's P(met) with its Wilson 95% interval and verdict. */
    public static String probabilities(List<TargetVerdict> verdicts, boolean zh) {
        return render(verdicts, zh, true);
    }

    /** One line per target: id, name, year, condition, central figure, gap, then the growth needed or P's interval. */
    private static String render(List<TargetVerdict> verdicts, boolean zh, boolean interval) {
        Dictionary d = Dictionary.get();
        TextTable t = new TextTable(interval ? new boolean[] {false, false, true, false, true, false, true, false, false}
                : new boolean[] {false, false, true, false, true, false, true, true, true, false});
        List<String> header = new java.util.ArrayList<>(List.of(d.word(interval ? "text.col.target.id" : "text.col.id", zh),
                d.word("text.col.metric", zh), d.word("year", zh), d.word("target", zh), d.word("text.col.central", zh),
                d.word("text.col.gap", zh)));
        header.addAll(interval ? List.of(d.word("text.col.p", zh), d.word("ci", zh))
                : List.of(d.word("text.col.need", zh), d.word("text.col.scenario.growth", zh), d.word("text.col.p", zh)));
        header.add(d.word("verdict", zh));
        t.row(header.toArray(String[]::new));
        for (TargetVerdict v : verdicts) {
            Target x = v.target();
            List<String> row = new java.util.ArrayList<>(List.of(x.id(), x.nameZh(), String.valueOf(x.year()), statement(x, zh),
                    Format.num(v.central()), gapWords(v, zh)));
            String p = Double.isNaN(v.probability()) ? "-" : String.format(Locale.ROOT, "%.3f", v.probability());
            row.addAll(interval ? List.of(p, Double.isNaN(v.ciLow()) ? "-" : String.format(Locale.ROOT, "%.3f-%.3f", v.ciLow(), v.ciHigh()))
                    : List.of(Format.num(v.requiredGrowth()), Format.num(v.scenarioGrowth()), p));
            row.add(d.cell("verdict", v.verdict().label(), zh));
            t.row(row.toArray(String[]::new));
        }
        return t.render();
    }

    /** Why a target is not evaluable ({@link TargetVerdict#reason()}), in the language asked for; null when it is. */
    public static String reason(TargetVerdict v, boolean zh) {
        return v.reason() == null ? null : Dictionary.get().phrase(v.reason(), zh);
    }

    /**
     * A target's condition: {@link Target#statement()} in English; in Chinese as the plans word it: "≥ 2000 亿元",
     * "较2020年下降 16%及以上", "2021—2025年年均增长 ≥ 7%", the same figures.
     */
    public static String statement(Target t, boolean zh) {
        if (!zh) {
            return t.statement();
        }
        String unit = t.kind() == io.plansim.target.TargetKind.GROWTH || t.kind() == io.plansim.target.TargetKind.CHANGE ? "%"
                : t.unit().equals("%") ? "%" : " " + t.unit();
        String v;
        switch (t.comparator()) {
            case BETWEEN -> v = num(t.value()) + "\u2014" + num(t.high()) + unit;
            case ABOUT -> v = num(t.value()) + unit + "左右（容差 " + num(t.tolerance()) + "）";
            default -> v = t.comparator().symbol().replace(">=", "\u2265").replace("<=", "\u2264") + " " + num(t.value()) + unit;
        }
        return switch (t.kind()) {
            case GROWTH -> t.from() + "\u2014" + t.year() + "年年均增长 " + v;
            case CHANGE -> {
                if (t.value() < 0 && t.upperBound()) {
                    String cut = num(-t.value()) + "%";
                    yield "较" + t.from() + "年下降" + (t.comparator() == io.plansim.target.Comparator.ABOUT
                            ? cut + "左右（容差 " + num(t.tolerance()) + "）" : " " + cut + (t.comparator() == io.plansim.target.Comparator.LT ? "以上" : "及以上"));
                }
                yield "较" + t.from() + "年增长 " + v;
            }
            case CUMULATIVE -> t.from() + "\u2014" + t.year() + "年累计 " + v;
            default -> v;
        };
    }

    /** A target's figure as its statement writes it: 2000, 8.5. */
    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
