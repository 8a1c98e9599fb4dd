package io.plansim.evaluation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.plansim.aggregate.McResult;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Source;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import io.plansim.target.TargetOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan record: plan targets whose outcome is known, each with its source and its outcome's source. Two kinds of
 * rows: those of scenarios/reference/plans/plan-record.csv (the 12th plans' 2015 targets against the 2015 outcomes the
 * same seed tables report), and the catalog targets (targets.yaml) whose outcome a history (history.csv) computes.
 */
public final class PlanRecord {
    /** Classpath name of the plan record CSV (module scenarios). */
    public static final String RESOURCE = "scenarios/reference/plans/plan-record.csv";
    static final List<String> COLUMNS = List.of("plan", "region", "origin", "year", "indicator", "unit", "kind", "attribute",
            "comparator", "value", "outcome", "met", "reported", "metric", "base", "target_file", "target_line", "target_quote",
            "outcome_file", "outcome_line", "outcome_quote", "note");

    private PlanRecord() {
    }

    /**
     * One target and what happened.
     *
     * @param kind       level, growth, change, share or cumulative (lower case)
     * @param attribute  约束性 (binding), 预期性 (expected) or empty where the table gives none
     * @param outcome    the outcome in the target's terms, NaN where the source reports "met" without a figure
     * @param metric     the plansim variable the target is on, empty when plansim does not model it
     * @param base       the origin year's value (for change targets in %), NaN when not given
     * @param target     the target's source (file, line, quote)
     * @param outcomeSource the outcome's source
     * @param catalogTarget the catalog target of a catalog row (null for CSV rows)
     */
    public record Row(String plan, String region, int origin, int year, String indicator, String unit, String kind,
                      String attribute, String comparator, double value, double outcome, boolean met, String reported,
                      String metric, double base, Source target, Source outcomeSource, String note, Target catalogTarget) {

        /** plansim's P(met) from a Monte Carlo run made at the row's origin; NaN when it does not model the target. */
        public double probability(McResult mc) {
            if (catalogTarget != null) {
                int i = mc.targetIndex(catalogTarget.id());
                return i < 0 ? Double.NaN : mc.probability(i);
            }
            int v = metric.isEmpty() ? -1 : mc.variableIndex(metric);
            if (v < 0 || mc.years()[0] != origin || !(kind.equals("level") || kind.equals("change"))) {
                return Double.NaN;
            }
            int t = year - origin;
            double threshold = kind.equals("level") ? value : mc.quantile(v, 0, 0.5) * (1 + value / 100);
            double below = RegionScores.cdf(mc, v, t, threshold);
            return comparator.startsWith("<") ? below : 1 - below;
        }
    }

    /** Reads the CSV; a bad field is an {@link InputException} naming the file, line and column. */
    public static List<Row> parse(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                line++;
                SourceLocation at = new SourceLocation(file, line, 0);
                for (String c : COLUMNS) {
                    if (!r.containsKey(c)) {
                        throw InputException.of(at, c, "no such column", "the columns " + String.join(",", COLUMNS));
                    }
                }
                String met = r.get("met");
                if (!met.equals("true") && !met.equals("false")) {
                    throw InputException.of(at, "met", "'" + met + "'", "true or false");
                }
                out.add(new Row(r.get("plan"), r.get("region"), (int) Panel.number(at, "origin", r.get("origin")),
                        (int) Panel.number(at, "year", r.get("year")), r.get("indicator"), r.get("unit"), r.get("kind"),
                        r.get("attribute"), r.get("comparator"), Panel.number(at, "value", r.get("value")),
                        r.get("outcome").isEmpty() ? Double.NaN : Panel.number(at, "outcome", r.get("outcome")), met.equals("true"),
                        r.get("reported"), r.get("metric"), r.get("base").isEmpty() ? Double.NaN : Panel.number(at, "base", r.get("base")),
                        new Source(r.get("target_file"), (int) Panel.number(at, "target_line", r.get("target_line")), r.get("target_quote"), null, null),
                        new Source(r.get("outcome_file"), (int) Panel.number(at, "outcome_line", r.get("outcome_line")), r.get("outcome_quote"), null, null),
                        r.get("note"), null));
            }
        } catch (IOException e) {
            throw InputException.of(new SourceLocation(file, 0, 0), "", "unreadable CSV (" + e.getMessage() + ")", "a CSV file");
        }
        return out;
    }

    /** The record on the classpath. */
    public static List<Row> builtIn() {
        try (java.io.InputStream in = PlanRecord.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plan record " + RESOURCE + " is not on the classpath");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The record's rows followed by the catalog rows of plans the record does not hold: a plan the CSV records (the 12th
     * plans, with their own outcome quotes) is scored once, from the CSV, even when a target catalog repeats its targets.
     */
    public static List<Row> withCatalogRows(List<Row> record, List<Row> catalogRows) {
        java.util.Set<String> plans = new java.util.HashSet<>();
        record.forEach(r -> plans.add(r.plan()));
        List<Row> out = new ArrayList<>(record);
        catalogRows.stream().filter(r -> !plans.contains(r.plan())).forEach(out::add);
        return out;
    }

    /**
     * The catalog's targets set after {@code origin} up to {@code last} whose outcome the history computes, with the
     * history figure's source as the outcome's (the target year's figure of the target's metric).
     */
    public static List<Row> fromCatalog(TargetCatalog catalog, History history, String region, int origin, int last) {
        List<Row> out = new ArrayList<>();
        for (Target t : catalog.targets()) {
            if (t.year() <= origin || t.year() > last) {
                continue;
            }
            double outcome = TargetOutcome.of(t, y -> history.value(t.metric(), y).orElse(Double.NaN));
            HistoryRecord rec = history.actual(t.metric(), t.year()).orElse(null);
            if (Double.isNaN(outcome) || rec == null) {
                continue;
            }
            String attribute = switch (t.status()) {
                case "binding" -> "约束性";
                case "expected" -> "预期性";
                default -> "";
            };
            out.add(new Row(t.plan(), region, origin, t.year(), t.nameZh() == null || t.nameZh().isEmpty() ? t.name() : t.nameZh(),
                    t.unit(), t.kind().name().toLowerCase(java.util.Locale.ROOT), attribute, t.comparator().symbol(), t.value(),
                    outcome, t.metBy(outcome), "", t.metric(), Double.NaN, t.source(), rec.source(), t.id(), t));
        }
        return out;
    }
}
