package io.plansim.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.aggregate.McResult;
import io.plansim.model.VariableInfo;
import io.plansim.verdict.TargetVerdict;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Monte Carlo results as JSON, a long Tablesaw table (variable, year, statistics) and a terminal summary. A
 * variable-year every path gave the same value is marked deterministic in each.
 */
public final class McTables {
    static final String[] NAMES = {"p05", "p10", "p25", "p50", "p75", "p90", "p95"};

    private McTables() {
    }

    /**
     * The run as JSON: per variable the central path ({@code central}, the one central figure every output
     * uses), mean, sd and percentiles; every target with its verdict and probability.
     */
    public static ObjectNode json(McResult r, List<TargetVerdict> verdicts, String version, io.plansim.runner.Projection central) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("paths", r.paths());
        root.put("seed", r.seed());
        root.put("sampler", r.sampler());
        root.put("plansimVersion", version);
        root.put("quantiles", r.quantiles().accuracy());
        ArrayNode years = root.putArray("years");
        for (int y : r.years()) {
            years.add(y);
        }
        ObjectNode vars = root.putObject("variables");
        int n = r.years().length;
        for (int v = 0; v < r.variables().size(); v++) {
            VariableInfo info = r.variables().get(v);
            ObjectNode node = vars.putObject(info.id());
            ProjectionJson.describe(node, info);
            if (central.indexOf(info.id()) >= 0) {
                ProjectionJson.numbers(node.putArray("central"), central.series(info.id()));
            }
            double[] mean = new double[n];
            double[] sd = new double[n];
            for (int t = 0; t < n; t++) {
                mean[t] = r.mean(v, t);
                sd[t] = r.sd(v, t);
            }
            ProjectionJson.numbers(node.putArray("mean"), mean);
            ProjectionJson.numbers(node.putArray("sd"), sd);
            for (int q = 0; q < NAMES.length; q++) {
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = r.quantile(v, t, McResult.PERCENTILES[q]);
                }
                ProjectionJson.numbers(node.putArray(NAMES[q]), x);
            }
            // years every path gave the same value: its percentiles are that value, not an interval
            ArrayNode fixed = node.putArray("deterministic");
            for (int t = 0; t < n; t++) {
                fixed.add(r.deterministic(v, t));
            }
        }
        root.put("verdictBasis", "monte-carlo");
        root.put("about", VerdictTables.basis(r.paths(), r.seed(), false));
        ArrayNode targets = root.putArray("targets");
        for (TargetVerdict v : verdicts) {
            ObjectNode t = VerdictTables.json(v);
            Format.json(t, "probability", v.probability());
            Format.json(t, "ciLow", v.ciLow());
            Format.json(t, "ciHigh", v.ciHigh());
            Format.json(t, "standardError", v.standardError());
            targets.add(t);
        }
        ObjectNode faults = root.putObject("faults");
        faults.put("count", r.faults());
        if (r.faults() > 0) {
            faults.put("firstPath", r.firstFaultPath());
            faults.put("message", r.firstFault());
        }
        return root;
    }

    /** One row per variable and year: its unit and price basis (nominal, real or none), mean, sd and the percentiles. */
    public static Table longTable(McResult r) {
        StringColumn variable = StringColumn.create("variable");
        StringColumn unit = StringColumn.create("unit");
        StringColumn basis = StringColumn.create("basis");
        IntColumn year = IntColumn.create("year");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sd = DoubleColumn.create("sd");
        DoubleColumn[] qs = new DoubleColumn[NAMES.length];
        Table t = Table.create(r.scenario(), variable, unit, basis, year, mean, sd);
        for (int q = 0; q < NAMES.length; q++) {
            qs[q] = DoubleColumn.create(NAMES[q]);
            t.addColumns(qs[q]);
        }
        BooleanColumn fixed = BooleanColumn.create("deterministic");
        t.addColumns(fixed);
        for (McResult.Row row : r.rows()) {
            variable.append(row.variable().id());
            unit.append(row.variable().unit());
            basis.append(row.variable().basis().id());
            year.append(row.year());
            mean.append(row.mean());
            sd.append(row.sd());
            for (int q = 0; q < NAMES.length; q++) {
                qs[q].append(row.percentiles()[q]);
            }
            fixed.append(row.deterministic());
        }
        return t;
    }

    /**
     * Central figure and 90% band of the main variables at a few years, then every target's probability and the
     * basis of the verdicts; headers and words in Chinese with {@code zh}, the figures the same.
     */
    public static String text(McResult r, List<String> ids, List<TargetVerdict> verdicts, io.plansim.runner.Projection central, boolean zh) {
        Dictionary d = Dictionary.get();
        int[] show = pickYears(r.years());
        String[] header = new String[show.length];
        for (int i = 0; i < show.length; i++) {
            header[i] = d.format("text.col.band", zh, r.years()[show[i]]);
        }
        TextTable t = ProjectionTables.textTable(zh, header);
        for (String id : ids) {
            int v = r.variableIndex(id);
            if (v < 0) {
                continue;
            }
            int c = central.indexOf(id);
            String[] row = new String[show.length];
            for (int i = 0; i < show.length; i++) {
                double centralValue = c < 0 ? Double.NaN : central.values()[c][show[i]];
                row[i] = r.deterministic(v, show[i]) ? Format.num(centralValue) + d.word("text.deterministic", zh)
                        : Format.num(centralValue) + " [" + Format.num(r.quantile(v, show[i], 0.05))
                        + ", " + Format.num(r.quantile(v, show[i], 0.95)) + "]";
            }
            ProjectionTables.textRow(t, r.variables().get(v), zh, row);
        }
        return t.render() + '\n' + VerdictTables.probabilities(verdicts, zh) + '\n' + VerdictTables.basis(r.paths(), r.seed(), zh) + '\n';
    }

    /**
     * The warning of a run in which a few paths failed (the words of {@link io.plansim.verdict.FailedPaths#check},
     * which refuses a run with more), in the language asked for; null when none failed.
     */
    public static String failedPaths(McResult r, boolean zh) {
        if (r.faults() == 0) {
            return null;
        }
        long total = r.paths() + r.faults();
        return Dictionary.get().format("text.faults", zh, r.faults(), total,
                String.format(Locale.ROOT, "%.2f", 100.0 * r.faults() / total), r.firstFault());
    }

    private static int[] pickYears(int[] years) {
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (int i = 0; i < years.length; i++) {
            if (years[i] % 5 == 0 && i > 0 || i == years.length - 1) {
                if (!idx.contains(i)) {
                    idx.add(i);
                }
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
