package io.plansim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.model.VariableInfo;
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
import java.util.stream.Collectors;
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
    /** Report areas in page order: the model's areas (engine resource io/plansim/scenario/areas.yaml). */
    public static final List<String> AREAS = io.plansim.scenario.RegionData.model().areaIds();

    private ReportWriter() {
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
            QuantileCurve curve = QuantileCurve.of(r.mc(), r.verdicts(), r.scenario().regionData().distribution(),
                    r.scenario().horizon());
            if (curve != null) {
                curves.add(curve);
            }
            ReportTables.Names names = ReportTables.Names.of(slug, curves);
            tablesByScenario.add(ReportTables.tables(r, names, curves));
            tables.putAll(tablesByScenario.get(i));
            scenarios.add(ReportTables.json(r, in.version(), names, curves));

            for (io.plansim.scenario.RegionData.Area area : r.scenario().regionData().areas()) {
                for (String metric : area.fans()) {
                    Chart<?, ?> c = charts.fan(r, metric);
                    if (c != null) {
                        out.add(new Pending(c, "fan-" + slug + "-" + metric, area.id(), fanCaption(labels),
                                List.of(names.percentiles(), names.history(), names.targets()), i));
                    }
                }
                if (area.id().equals("gdp")) {
                    if (curve != null) {
                        out.add(new Pending(charts.distribution(r, curve), "distribution-" + slug + "-" + curve.metric() + "-" + curve.year(),
                                "gdp", curveCaption(labels, curve), List.of(names.curves().get(curve.metric() + "@" + curve.year()),
                                        names.targets()), i));
                    }
                    Chart<?, ?> ga = charts.growthAccounting(r);
                    if (ga != null) {
                        out.add(new Pending(ga, "growth-accounting-" + slug, "gdp", growthCaption(labels, r), List.of(names.central()), i));
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
            // the headline (first) scenario's region decides what is compared
            for (io.plansim.scenario.RegionData.Area area : in.runs().get(0).scenario().regionData().areas()) {
                for (String metric : area.compared()) {
                    Chart<?, ?> c = charts.comparison(in.runs(), metric);
                    if (c != null) {
                        out.add(new Pending(c, "compare-" + metric, area.id(),
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
        return (bom ? "\uFEFF" : "") + io.plansim.tables.Tables.csv(t, labels.zh());
    }

    private static ObjectNode summary(ReportInput in, ArrayNode scenarios, List<ChartOutput> charts, List<String> notes) {
        ObjectNode root = ProjectionJson.MAPPER.createObjectNode();
        root.put("plansimVersion", in.version());
        root.put("created", in.created());
        root.put("command", in.command());
        root.put("paths", in.paths());
        root.put("seed", in.seed());
        root.put("title", in.title());
        ObjectNode settings = root.putObject("settings");
        in.settings().forEach(settings::put);
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
        Labels l = in.labels();
        List<String> notes = new ArrayList<>();
        notes.add(l.word("note.tornado"));
        notes.add(l.format("note.distribution", QuantileCurve.LEVELS.length));
        notes.add(l.word("note.bands"));
        notes.add(l.word("note.fan.targets"));
        for (ScenarioRun r : in.runs()) {
            if (r.mc().faults() > 0) {
                notes.add(l.format("note.faults", r.scenario().id(), r.mc().faults(), r.mc().firstFault()));
            }
            if (r.scenario().targets() == null) {
                notes.add(l.format("note.no.targets", r.scenario().id()));
            }
        }
        String fallback = l.fallbackNotice();
        if (fallback != null) {
            notes.add(l.format("note.nofont", fallback));
        }
        return notes;
    }

    private static String fanCaption(Labels l) {
        return l.word("caption.fan");
    }

    private static String curveCaption(Labels l, QuantileCurve c) {
        return l.format("caption.curve", c.year());
    }

    /** The caption names every contribution the chart stacks, in the page's language. */
    static String growthCaption(Labels l, ScenarioRun r) {
        List<VariableInfo> v = r.central().variables();
        return l.format("caption.growth", ReportCharts.growthContributions(v).stream().map(i -> l.zh() ? v.get(i).nameZh() : v.get(i).name())
                .collect(Collectors.joining(l.word("list"))));
    }

    private static String tornadoCaption(Labels l, ScenarioRun r) {
        return l.format("caption.tornado", r.tornadoOutput());
    }

    private static String probabilityCaption(Labels l) {
        return l.word("caption.probability");
    }

    private static String compareCaption(Labels l, List<String> coincident) {
        String base = l.word("caption.compare");
        if (coincident.isEmpty()) {
            return base;
        }
        return base + l.format("caption.compare.hidden", String.join(l.word("semicolon"), coincident));
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
