package io.plansim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.tables.ProjectionJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Writes a report folder: index.html (one self-contained page), charts/*.png and *.svg, tables/*.csv (also as
 * the sheets of report.xlsx) and
 * summary.json. Everything is written into a temporary sibling folder that is moved into place in one step
 * when complete, so a failure never leaves half a report; an existing folder is never written over.
 */
public final class ReportWriter {
    /** Variables drawn as fan charts, by report area. */
    static final Map<String, List<String>> FANS = fans();
    /** Variables compared across scenarios (medians), by report area. */
    static final Map<String, List<String>> COMPARED = compared();
    /** The variable whose distribution in the horizon year is drawn. */
    static final String DISTRIBUTION = "gdp_nominal";
    /** Report areas in page order. */
    public static final List<String> AREAS = List.of("gdp", "trade", "energy", "population", "income");

    private ReportWriter() {
    }

    private static Map<String, List<String>> fans() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("gdp", List.of("gdp_nominal"));
        m.put("trade", List.of("goods_trade"));
        m.put("energy", List.of("energy_consumption", "energy_intensity"));
        m.put("population", List.of("population", "urbanization_rate"));
        m.put("income", List.of("income_per_capita"));
        return m;
    }

    private static Map<String, List<String>> compared() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("gdp", List.of("gdp_nominal"));
        m.put("trade", List.of("goods_trade"));
        m.put("energy", List.of("energy_consumption"));
        m.put("population", List.of("population", "urbanization_rate"));
        m.put("income", List.of("income_per_capita"));
        return m;
    }

    /** What was written. */
    public record Written(Path dir, List<ChartOutput> charts, List<String> tables, List<String> notes) {
    }

    /**
     * Writes the report into {@code dir}, which must not exist yet (its parent folders are created).
     *
     * @throws FileAlreadyExistsException when {@code dir} exists
     */
    public static Written write(Path dir, ReportInput in) throws IOException {
        return write(dir, in, null);
    }

    /** A last step on the complete folder before it is moved into place (printing the PDF). */
    @FunctionalInterface
    public interface Finish {
        void finish(Path folder) throws IOException;
    }

    /** The same, with {@code finish} run on the complete temporary folder before it is moved into place. */
    public static Written write(Path dir, ReportInput in, Finish finish) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "the report folder exists");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        removeStalePartials(parent, target.getFileName().toString());
        // Ctrl-C or a kill (SIGTERM) while writing: the JVM runs shutdown hooks, and this one removes the
        // half-written folder. (SIGKILL runs nothing: the next report into the same folder removes it.) It is
        // registered before the folder exists: a kill just after the folder appeared found no hook to remove it.
        java.util.concurrent.atomic.AtomicReference<Path> partial = new java.util.concurrent.atomic.AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            Path made = partial.get();
            // the writing thread may still add a file while the JVM shuts down: delete until the folder stays gone
            for (int i = 0; i < 40 && made != null && Files.exists(made, LinkOption.NOFOLLOW_LINKS); i++) {
                deleteTree(made);
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "plansim-report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        // the process id in the name: a concurrent report into the same folder is alive and its folder left alone
        Path tmp;
        try {
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-");
            partial.set(tmp);
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            throw e;
        }
        boolean moved = false;
        try {
            Written w = writeInto(tmp, in);
            if (finish != null) {
                finish.finish(tmp);
            }
            publicPermissions(tmp);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "the report folder appeared while the report was made");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return new Written(dir, w.charts(), w.tables(), w.notes());
        } finally {
            if (!moved) {
                deleteTree(tmp);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (and finds nothing left to delete)
            }
        }
    }

    /** Temporary folders that a killed earlier run into the same target left behind. */
    private static void removeStalePartials(Path parent, String name) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            String prefix = "." + name + ".partial-";
            for (Path p : siblings.filter(x -> x.getFileName().toString().startsWith(prefix)
                    && !ownerAlive(x.getFileName().toString().substring(prefix.length()))).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Whether the process that named a partial folder "<pid>-<random>" still runs (this one included). */
    private static boolean ownerAlive(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false; // an older name without a process id: stale
        }
    }

    private static Written writeInto(Path root, ReportInput in) throws IOException {
        // createDirectory, not createDirectories: after a kill's cleanup removed root, this fails instead of making it again
        Files.createDirectory(root.resolve("charts"));
        Files.createDirectory(root.resolve("tables"));
        Labels labels = in.labels();
        ReportCharts charts = new ReportCharts(labels);
        List<String> slugs = slugs(in.runs());

        List<Pending> out = new ArrayList<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        List<Map<String, Table>> tablesByScenario = new ArrayList<>();
        ArrayNode scenarios = ProjectionJson.MAPPER.createArrayNode();
        List<String> notes = notes(in);

        for (int i = 0; i < in.runs().size(); i++) {
            ScenarioRun r = in.runs().get(i);
            String slug = slugs.get(i);
            List<QuantileCurve> curves = new ArrayList<>();
            QuantileCurve curve = QuantileCurve.of(r.mc(), r.verdicts(), DISTRIBUTION, r.scenario().horizon());
            if (curve != null) {
                curves.add(curve);
            }
            ReportTables.Names names = ReportTables.Names.of(slug, curves);
            tablesByScenario.add(ReportTables.tables(r, names, curves));
            tables.putAll(tablesByScenario.get(i));
            scenarios.add(ReportTables.json(r, in.version(), names, curves));

            for (Map.Entry<String, List<String>> area : FANS.entrySet()) {
                for (String metric : area.getValue()) {
                    Chart<?, ?> c = charts.fan(r, metric);
                    if (c != null) {
                        out.add(new Pending(c, "fan-" + slug + "-" + metric, area.getKey(), fanCaption(labels),
                                List.of(names.percentiles(), names.history(), names.targets()), i));
                    }
                }
                if (area.getKey().equals("gdp")) {
                    if (curve != null) {
                        out.add(new Pending(charts.distribution(r, curve), "distribution-" + slug + "-" + curve.metric() + "-" + curve.year(),
                                "gdp", curveCaption(labels, curve), List.of(names.curves().get(curve.metric() + "@" + curve.year()),
                                        names.targets()), i));
                    }
                    Chart<?, ?> ga = charts.growthAccounting(r);
                    if (ga != null) {
                        out.add(new Pending(ga, "growth-accounting-" + slug, "gdp", growthCaption(labels), List.of(names.central()), i));
                    }
                    Chart<?, ?> tornado = charts.tornado(r);
                    if (tornado != null) {
                        out.add(new Pending(tornado, "tornado-" + slug, "gdp", tornadoCaption(labels, r), List.of(names.tornado()), i));
                    }
                }
            }
            Chart<?, ?> p = charts.probabilities(r);
            if (p != null) {
                out.add(new Pending(p, "probabilities-" + slug, "targets", probabilityCaption(labels), List.of(names.targets()), i));
            }
        }
        if (in.runs().size() > 1) {
            List<String> percentileTables = new ArrayList<>();
            for (String slug : slugs) {
                percentileTables.add("tables/" + slug + "-percentiles.csv");
            }
            for (Map.Entry<String, List<String>> area : COMPARED.entrySet()) {
                for (String metric : area.getValue()) {
                    Chart<?, ?> c = charts.comparison(in.runs(), metric);
                    if (c != null) {
                        out.add(new Pending(c, "compare-" + metric, area.getKey(),
                                compareCaption(labels, ReportCharts.coincident(in.runs(), metric, labels)), percentileTables, -1));
                    }
                }
            }
        }

        // charts are drawn in parallel (each chart is its own object); the order stays the page order
        List<ChartOutput> rendered = out.parallelStream().map(Pending::render).toList();
        for (ChartOutput c : rendered) {
            Files.write(root.resolve(c.pngPath()), c.png());
            Files.write(root.resolve(c.svgPath()), c.svg());
        }
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            Files.writeString(root.resolve(t.getKey()), csv(t.getValue(), labels, in.csvBom()), StandardCharsets.UTF_8);
        }
        Files.write(root.resolve("report.xlsx"), Workbooks.report(in, slugs, tablesByScenario));
        ObjectNode summary = summary(in, scenarios, rendered, notes);
        Files.writeString(root.resolve("summary.json"),
                ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        HtmlReport.Pages pages = HtmlReport.render(in, slugs, rendered, notes);
        Files.writeString(root.resolve("index.html"), pages.index(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("appendix.html"), pages.appendix(), StandardCharsets.UTF_8);
        return new Written(root, rendered, List.copyOf(tables.keySet()), notes);
    }

    /**
     * A table as CSV for spreadsheets: a UTF-8 byte-order mark first (so that Excel on a Chinese Windows does not
     * read it as GBK) unless --csv-bom false, and column names in the page's language.
     */
    static String csv(Table t, Labels labels, boolean bom) {
        Table named = t.copy();
        for (tech.tablesaw.columns.Column<?> c : named.columns()) {
            c.setName(labels.column(c.name()));
        }
        return (bom ? "\uFEFF" : "") + named.write().toString("csv");
    }

    private static ObjectNode summary(ReportInput in, ArrayNode scenarios, List<ChartOutput> charts, List<String> notes) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("plansimVersion", in.version());
        root.put("created", in.created());
        root.put("command", in.command());
        root.put("paths", in.paths());
        root.put("seed", in.seed());
        root.put("title", in.title());
        root.put("verdictBasis", "monte-carlo");
        root.put("about", io.plansim.tables.VerdictTables.basis(in.paths(), in.seed(), false));
        root.put("lang", in.labels().requested().id());
        root.put("labels", in.labels().lang().id());
        if (in.labels().cjkFont().isPresent()) {
            root.put("cjkFont", in.labels().cjkFont().get());
        } else {
            root.putNull("cjkFont");
        }
        root.set("scenarios", scenarios);
        ArrayNode c = root.putArray("charts");
        for (ChartOutput x : charts) {
            ObjectNode o = c.addObject();
            o.put("id", x.id());
            o.put("area", x.area());
            o.put("title", x.title());
            o.put("png", x.pngPath());
            o.put("svg", x.svgPath());
            o.put("width", x.width());
            o.put("height", x.height());
            ArrayNode t = o.putArray("tables");
            x.tables().forEach(t::add);
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return root;
    }

    /** What the reader should know about this report: what is left out and why, approximations, fallbacks. */
    static List<String> notes(ReportInput in) {
        boolean zh = in.labels().zh();
        List<String> notes = new ArrayList<>();
        notes.add(zh ? "龙卷风图在确定性模型上计算（年度冲击和罕见事件关闭），每个不确定参数依次取其第10和第90百分位，其余参数取中位数；Sobol 指数见 plansim sensitivity <情景> --output gdp_nominal@2035 --method sobol。"
                : "The tornado chart is computed on the deterministic model (annual shocks and rare events off): each uncertain parameter in turn "
                        + "at its 10th and 90th percentile, the others at their medians. For Sobol indices run plansim sensitivity <scenario> "
                        + "--output gdp_nominal@2035 --method sobol.");
        notes.add(zh ? "期末年份 GDP 的分布以累积分布函数表示，由蒙特卡洛分位数在 " + QuantileCurve.LEVELS.length + " 个概率水平（0.001 至 0.999）上读出（不超过 10000 条路径时为精确顺序统计量，否则为前 262144 条路径在等宽箱中的计数，箱宽为各变量-年份 5-95% 范围的 1/200；落在箱外的少数值用相对精度 0.39% 的 DDSketch），而非路径值的直方图。"
                : "The distribution of GDP in the horizon year is drawn as a cumulative distribution read off the Monte Carlo percentiles at " + QuantileCurve.LEVELS.length + " levels from 0.001 to 0.999 "
                        + "(exact order statistics up to 10,000 paths, above that the first 262,144 paths counted in bins 1/200 of each variable-year's 5-95% range wide; the few values beyond the bins in a DDSketch of 0.39% relative accuracy), not as a histogram of path values.");
        notes.add(zh ? "扇形图的区间是逐年的分位数：某年位于第 95 百分位的路径在下一年不一定仍在该位置。"
                : "Fan-chart bands are percentiles year by year: a path at the 95th percentile in one year need not be there the next year.");
        notes.add(zh ? "扇形图上标出的目标：水平值与比重目标，以及相对基年（或已有实际值年份）的变化目标（换算为水平值）；增速目标和相对未来年份的变化目标（逐路径不同）不画出，但列在表格中。"
                : "Targets marked on fan charts: levels and shares, and changes against the base year (or a year with an actual figure) converted to levels. "
                        + "Growth targets and changes against a future year differ path by path; they are not drawn but are in the tables.");
        for (ScenarioRun r : in.runs()) {
            if (r.mc().faults() > 0) {
                notes.add(r.scenario().id() + ": " + r.mc().faults() + (zh ? " 条路径产生无效数值，已剔除；第一条：" : " paths produced invalid numbers and were left out; first: ")
                        + r.mc().firstFault());
            }
            if (r.scenario().targets() == null) {
                notes.add(r.scenario().id() + (zh ? "：情景未指定目标清单，没有目标判断。" : ": the scenario names no targets catalog, so no target is judged."));
            }
        }
        String fallback = in.labels().fallbackNotice();
        if (fallback != null) {
            notes.add(zh ? "未找到中文字体（no CJK font）：图表使用英文标签，网页正文仍为中文。安装中文字体后重新生成即可，例如 Debian：apt-get install fonts-noto-cjk"
                    : fallback);
        }
        return notes;
    }

    private static String fanCaption(Labels l) {
        return l.zh() ? "实线为中心路径（各表所用的中心值），色带为蒙特卡洛路径的 25-75% 与 5-95% 区间；圆点为历史实际值，菱形为规划目标。"
                : "The line is the central path (the central figure every table uses); bands are the 25-75% and 5-95% ranges of the Monte Carlo paths; dots are recorded actuals, diamonds plan targets.";
    }

    private static String curveCaption(Labels l, QuantileCurve c) {
        return l.zh() ? c.year() + " 年的累积分布：曲线上每一点给出不超过该值的路径比例；红线为规划目标。"
                : "Cumulative distribution in " + c.year() + ": each point gives the share of paths at or below that value; the red line is the plan target.";
    }

    private static String growthCaption(Labels l) {
        return l.zh() ? "中心路径的增长核算（对数百分点）：资本、劳动、人力资本与全要素生产率的贡献，合计为实际 GDP 增长。"
                : "Growth accounting of the central path, in log points: the contributions of capital, labour, human capital and TFP add up to real GDP growth.";
    }

    private static String tornadoCaption(Labels l, ScenarioRun r) {
        return l.zh() ? "输出 " + r.tornadoOutput() + "：每个不确定参数取第10和第90百分位时的取值，按摆幅排序；竖线为全部参数取中位数时的值。"
                : "Output " + r.tornadoOutput() + " with each uncertain parameter at its 10th and 90th percentile, sorted by swing; the line marks all parameters at their medians.";
    }

    private static String probabilityCaption(Labels l) {
        return l.zh() ? "每个未来目标的达标概率（达标路径比例），按目标年份排列；虚线为 1/3 与 2/3。"
                : "Probability of meeting each future target (share of paths that meet it), by target year; dashed lines at 1/3 and 2/3.";
    }

    private static String compareCaption(Labels l, List<String> coincident) {
        String base = l.zh() ? "各情景的中心路径。" : "The central path of each scenario, one line per scenario.";
        if (coincident.isEmpty()) {
            return base;
        }
        return base + (l.zh() ? "注意：" + String.join("；", coincident) + "。" : " Hidden lines: " + String.join("; ", coincident) + ".");
    }

    /** A chart built but not drawn yet. */
    private record Pending(Chart<?, ?> chart, String id, String area, String caption, List<String> tables, int scenario) {
        ChartOutput render() {
            return ReportWriter.render(chart, id, area, caption, tables, scenario);
        }
    }

    /** A chart that belongs to no one scenario (evaluation charts). */
    static ChartOutput render(Chart<?, ?> c, String id, String area, String caption, List<String> tables) {
        return render(c, id, area, caption, tables, -1);
    }

    static ChartOutput render(Chart<?, ?> c, String id, String area, String caption, List<String> tables, int scenario) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(c, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new ChartOutput(id, area, c.getTitle(), caption, c.getWidth(), c.getHeight(), png, svg.toByteArray(), tables, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + id + ": " + e.getMessage(), e);
        }
    }

    /** File-name slugs of the scenarios, made unique. */
    static List<String> slugs(List<ScenarioRun> runs) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (ScenarioRun r : runs) {
            String base = r.slug();
            String s = base;
            for (int k = 2; !seen.add(s); k++) {
                s = base + "-" + k;
            }
            out.add(s);
        }
        return out;
    }

    private static void publicPermissions(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the temporary folder is hidden and named .<report>.partial-*
        }
    }
}
