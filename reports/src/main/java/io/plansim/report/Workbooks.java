package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.compile.SpreadCalibration;
import io.plansim.runner.Projection;
import io.plansim.scenario.Driver;
import io.plansim.scenario.PathSpec;
import io.plansim.scenario.Scenario;
import io.plansim.service.Forecasts;
import io.plansim.tables.McTables;
import io.plansim.tables.ProjectionTables;
import io.plansim.tables.VerdictTables;
import io.plansim.tables.Xlsx;
import io.plansim.verdict.TargetVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The workbooks of plansim's results, the same for the command line ({@code --format xlsx}, report.xlsx) and
 * the what-if page: a sheet saying what was run (scenario, version, paths, seed, calibration, price basis), the assumptions
 * (every driver with its unit, value per year, allowed range and where the value comes from), the projections
 * with units and price basis, and the target verdicts with their probabilities. Headers and sheet names in the
 * language asked for.
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** The deterministic central path ({@code run}). */
    public static byte[] run(Scenario s, Projection central, String version, Lang lang) {
        Labels l = labels(lang);
        Map<String, String> about = about(s, version, l);
        about.put(l.word("sheet.method"), l.zh() ? "确定性中心路径（无蒙特卡洛）" : "deterministic central path (no Monte Carlo)");
        return Xlsx.write(List.of(sheet(l, "about", aboutTable(about)), sheet(l, "assumptions", assumptions(s, l)),
                sheet(l, "projections", ProjectionTables.wide(central, List.of()))), l::column, l::cell);
    }

    /**
     * Target verdicts, from the Monte Carlo ({@code mc} non-null, its paths recalibrated by {@code calibration}, null
     * when raw) or from the central path alone ({@code targets --central-only}).
     */
    public static byte[] targets(Scenario s, Projection central, List<TargetVerdict> verdicts, McResult mc,
                                 SpreadCalibration calibration, long seed, String warning, String version, Lang lang) {
        return simulation(s, central, verdicts, mc, calibration, seed, warning, version, lang, false);
    }

    /**
     * The Monte Carlo ({@code mc}, the page's download): verdicts, the central path and every percentile; its paths
     * recalibrated by {@code calibration} (null when raw).
     */
    public static byte[] mc(Scenario s, Projection central, List<TargetVerdict> verdicts, McResult mc, SpreadCalibration calibration,
                            String warning, String version, Lang lang) {
        return simulation(s, central, verdicts, mc, calibration, mc.seed(), warning, version, lang, true);
    }

    /** {@code warning}: the failed-path warning of the run, or null. */
    private static byte[] simulation(Scenario s, Projection central, List<TargetVerdict> verdicts, McResult mc,
                                     SpreadCalibration calibration, long seed, String warning, String version, Lang lang,
                                     boolean distribution) {
        Labels l = labels(lang);
        Map<String, String> about = about(s, version, l);
        long paths = mc == null ? 0 : mc.paths();
        about.put(l.word("sheet.method"), VerdictTables.basis(paths, seed, l.zh()));
        if (mc != null) {
            monteCarlo(about, paths, seed, calibration, l);
            about.put(l.word("sheet.sampler"), mc.sampler() + ", " + mc.quantiles().accuracy());
        }
        if (warning != null) {
            // the run's own warning in the workbook's language
            about.put(l.word("sheet.warning"), mc != null && mc.faults() > 0 ? McTables.failedPaths(mc, l.zh()) : warning);
        }
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet(l, "about", aboutTable(about)));
        sheets.add(sheet(l, "targets", VerdictTables.table(s.runId(), verdicts)));
        sheets.add(sheet(l, "assumptions", assumptions(s, l)));
        sheets.add(sheet(l, "projections", ProjectionTables.wide(central, List.of())));
        if (distribution && mc != null) {
            sheets.add(sheet(l, "percentiles", McTables.longTable(mc)));
        }
        return Xlsx.write(sheets, l::column, l::cell);
    }

    /** Tables under their names (the report's tables/*.csv, batch's results), each as a sheet, after a sheet saying what they are. */
    public static byte[] tables(Map<String, String> about, Map<String, Table> tables, Lang lang) {
        Labels l = labels(lang);
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet(l, "about", aboutTable(about)));
        tables.forEach((name, t) -> sheets.add(Xlsx.Sheet.of(name, t)));
        return Xlsx.write(sheets, l::column, l::cell);
    }

    /**
     * report.xlsx: what was run and which number stands for which scenario, then per scenario ("1 targets", "1
     * assumptions", ...) its assumptions and every table the report writes as CSV, under the same column names.
     */
    static byte[] report(ReportInput in, List<String> slugs, List<Map<String, Table>> tablesByScenario) {
        Labels l = in.labels();
        Map<String, String> about = new LinkedHashMap<>();
        about.put("plansim", in.version());
        about.put(l.word("sheet.method"), VerdictTables.basis(in.paths(), in.seed(), l.zh()));
        monteCarlo(about, in.paths(), in.seed(), in.calibration(), l);
        about.put(l.word("sheet.basis"), basisNote(in.runs().get(0).scenario(), l));
        for (int i = 0; i < in.runs().size(); i++) {
            Scenario s = in.runs().get(i).scenario();
            about.put(l.word("scenario") + " " + (i + 1), s.runId() + ": " + l.scenarioName(s));
        }
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet(l, "about", aboutTable(about)));
        for (int i = 0; i < in.runs().size(); i++) {
            String prefix = "tables/" + slugs.get(i) + "-";
            for (Map.Entry<String, Table> t : tablesByScenario.get(i).entrySet()) {
                String kind = t.getKey().substring(prefix.length(), t.getKey().length() - ".csv".length());
                sheets.add(Xlsx.Sheet.of((i + 1) + " " + kind(kind, l), t.getValue()));
                if (kind.equals("targets")) {
                    sheets.add(Xlsx.Sheet.of((i + 1) + " " + l.word("sheet.assumptions"), assumptions(in.runs().get(i).scenario(), l)));
                }
            }
        }
        return Xlsx.write(sheets, l::column, l::cell);
    }

    /** A report table's kind (the end of its file name) as a sheet name: "percentiles", "gdp_nominal-2035 distribution". */
    private static String kind(String kind, Labels l) {
        String distribution = "-distribution";
        if (kind.endsWith(distribution)) {
            return kind.substring(0, kind.length() - distribution.length()) + " " + l.word("sheet.distribution");
        }
        return switch (kind) {
            case "percentiles", "targets", "history", "tornado" -> l.word("sheet." + kind);
            case "central" -> l.word("central");
            default -> kind;
        };
    }

    /** A sheet name in the language asked for. */
    public static String sheetName(String key, Lang lang) {
        return word("sheet." + key, lang);
    }

    /** A word of the workbooks (a sheet name, a field of the about sheet) in the language asked for. */
    public static String word(String key, Lang lang) {
        return labels(lang).word(key);
    }

    /**
     * Every driver of the model: group, path, unit (in the page's language), the value in each projected year,
     * the default and allowed range, and where the value comes from (an override, the scenario file and what it
     * extends, or the model's default with the reason for it).
     */
    static Table assumptions(Scenario s, Labels l) {
        StringColumn group = StringColumn.create("group");
        StringColumn driver = StringColumn.create("driver");
        StringColumn unit = StringColumn.create("unit");
        int years = s.horizon() - s.baseYear();
        DoubleColumn[] value = new DoubleColumn[years];
        for (int y = 0; y < years; y++) {
            value[y] = DoubleColumn.create(String.valueOf(s.baseYear() + 1 + y));
        }
        DoubleColumn dflt = DoubleColumn.create("default");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        StringColumn source = StringColumn.create("source");
        Set<Driver> defaulted = Set.copyOf(s.defaultedDrivers());
        double[] path = new double[s.years()];
        for (Driver d : Driver.values()) {
            group.append(d.group());
            driver.append(d.path());
            unit.append(l.driverUnit(d.unit()));
            s.drivers().getOrDefault(d, new PathSpec.Constant(d.defaultValue())).fill(path, s.baseYear());
            for (int y = 0; y < years; y++) {
                value[y].append(path[y + 1]);
            }
            dflt.append(d.defaultValue());
            min.append(d.min());
            max.append(d.max());
            source.append(source(s, d, defaulted.contains(d), l));
        }
        Table t = Table.create(s.runId() + " drivers", group, driver, unit);
        t.addColumns(value);
        return t.addColumns(dflt, min, max, source);
    }

    private static String source(Scenario s, Driver d, boolean defaulted, Labels l) {
        List<String> set = s.overrides().stream().filter(o -> o.startsWith(d.path()) && o.length() > d.path().length()
                && "=+*[".indexOf(o.charAt(d.path().length())) >= 0).toList();
        String lineage = String.join(" < ", s.lineage());
        // the reason for a default in the workbook's language: the dictionary's "driver.why.<path>" (English: Driver.why)
        String base = defaulted ? l.format("driver.default", l.format("driver.why." + d.path(), d.why()))
                : (l.zh() ? "情景文件：" : "scenario file: ") + lineage;
        return set.isEmpty() ? base : "--set " + String.join(", --set ", set) + "; " + base;
    }

    private static Map<String, String> about(Scenario s, String version, Labels l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(l.word("scenario"), s.runId());
        m.put(l.word("sheet.name"), l.scenarioName(s));
        m.put(l.word("sheet.region"), l.region(s.region()));
        m.put(l.word("sheet.years"), s.baseYear() + "-" + s.horizon());
        m.put(l.word("model"), s.production().name().toLowerCase(Locale.ROOT));
        m.put(l.word("sheet.basis"), basisNote(s, l));
        m.put("plansim", version);
        return m;
    }

    /**
     * What a Monte Carlo's numbers depend on besides the scenario, each in its own row: the number of paths, the
     * seed and the distribution (recalibrated by which calibration, or raw), as mc and the report state them.
     */
    private static void monteCarlo(Map<String, String> about, long paths, long seed, SpreadCalibration calibration, Labels l) {
        about.put(l.word("sheet.paths"), String.valueOf(paths));
        about.put(l.word("sheet.seed"), String.valueOf(seed));
        about.put(l.word("sheet.calibration"), Forecasts.calibrationLine(calibration, l.zh()));
    }

    private static String basisNote(Scenario s, Labels l) {
        return l.zh() ? "real（不变价）= " + s.baseYear() + " 年不变价；nominal（当年价）= 当年价格；none = 实物量、比例或比率"
                : "real = constant " + s.baseYear() + " prices; nominal = current prices; none = quantities, shares and rates";
    }

    private static Table aboutTable(Map<String, String> about) {
        return Table.create("about", StringColumn.create("field", new ArrayList<>(about.keySet())),
                StringColumn.create("value", new ArrayList<>(about.values())));
    }

    private static Xlsx.Sheet sheet(Labels l, String key, Table t) {
        return Xlsx.Sheet.of(l.word("sheet." + key), t);
    }

    private static Labels labels(Lang lang) {
        // headers and sheet names need no font: the chart fallback does not apply to a workbook
        return Labels.forText(lang);
    }
}
