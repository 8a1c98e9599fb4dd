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
            n.put("reason", v.reason());
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


    /** The terminal table: one line per target, the Chinese metric name beside the id; reasons as notes below. */
    public static String text(List<TargetVerdict> verdicts) {
        TextTable t = new TextTable(new boolean[] {false, false, true, false, true, false, true, true, true, false});
        t.row("id", "指标", "year", "target", "central", "gap", "need %/yr", "scen %/yr", "P(met)", "verdict");
        StringBuilder notes = new StringBuilder();
        for (TargetVerdict v : verdicts) {
            Target x = v.target();
            t.row(x.id(), x.nameZh(), String.valueOf(x.year()), x.statement(), Format.num(v.central()),
                    gapWords(v, false), Format.num(v.requiredGrowth()), Format.num(v.scenarioGrowth()),
                    Double.isNaN(v.probability()) ? "-" : String.format(Locale.ROOT, "%.3f", v.probability()), v.verdict().label());
            if (v.reason() != null) {
                notes.append("  ").append(x.id()).append(": ").append(v.reason()).append('\n');
            }
        }
        return t.render() + (notes.length() == 0 ? "" : "\nNot evaluable:\n" + notes);
    }

}
