package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.plansim.report.ChartFonts;
import io.plansim.report.Labels;
import io.plansim.report.Lang;
import io.plansim.report.ReportInput;
import io.plansim.report.ReportWriter;
import io.plansim.report.ScenarioRun;
import io.plansim.runner.McOptions;
import io.plansim.scenario.Scenario;
import io.plansim.target.History;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plansim report end to end: the folder, every chart as PNG and SVG with data drawn, tables against summary.json. */
class ReportCommandTest {
    @TempDir
    static Path shared;
    static Path report;
    static RunCommandTest.Result run;

    @BeforeAll
    static void writeReport() {
        report = shared.resolve("report");
        run = RunCommandTest.plansim("report", "--paths", "2000", "--seed", "7", "--out", report.toString(), "--quiet");
    }

    @Test
    void writesTheWholeReport() throws Exception {
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("wrote "), run.out());
        for (String f : List.of("index.html", "summary.json", "charts", "tables", "report.xlsx")) {
            assertTrue(Files.exists(report.resolve(f)), f);
        }
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals(2000, summary.get("paths").asLong());
        assertEquals(7, summary.get("seed").asLong());
        assertEquals("./plansim report --paths 2000 --seed 7", summary.get("command").asText());
        assertEquals(ReportCommand.builtIns().size(), summary.get("scenarios").size());
        assertTrue(ReportCommand.builtIns().contains("yiwu/baseline"));
        assertTrue(ReportCommand.builtIns().stream().allMatch(n -> n.startsWith("yiwu/") && !n.contains("backtest")),
                ReportCommand.builtIns().toString());
        Set<String> ids = new HashSet<>();
        summary.get("charts").forEach(c -> ids.add(c.get("id").asText()));
        for (String metric : List.of("gdp_nominal", "goods_trade", "energy_consumption", "energy_intensity", "population",
                "urbanization_rate")) {
            assertTrue(ids.contains("fan-yiwu-baseline-" + metric), metric + " in " + ids);
        }
        for (String id : List.of("distribution-yiwu-baseline-gdp_nominal-2035", "growth-accounting-yiwu-baseline",
                "probabilities-yiwu-baseline")) {
            assertTrue(ids.contains(id), id + " in " + ids);
        }
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("./plansim report --paths 2000 --seed 7"), "reproducible command");
        assertTrue(html.contains("plansim " + Main.version()));
        assertTrue(html.contains("地区生产总值"), "Chinese metric names");
        assertTrue(html.contains("tornado"), "the missing tornado chart is explained");
        assertTrue(html.contains("class=\"green\"") && html.contains("class=\"red\""), "traffic lights");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no network fetch");
        assertFalse(html.contains("<link") || html.contains("<script src"), "no external CSS or JS");
        // one embedded image per chart: the compact page has the comparisons and the headline scenario's, the appendix the rest
        String appendix = Files.readString(report.resolve("appendix.html"));
        int images = 0;
        for (String page : List.of(html, appendix)) {
            Matcher m = Pattern.compile("<img src=\"data:image/png;base64,").matcher(page);
            while (m.find()) {
                images++;
            }
        }
        // the trust section's charts are drawn from the calibration file, not written as chart files
        int trust = 0;
        for (Matcher m = Pattern.compile("<figure id=\"chart-trust-").matcher(html); m.find(); ) {
            trust++;
        }
        assertTrue(html.contains("How far to trust these numbers") && trust >= 4, "trust section with coverage and PIT charts: " + trust);
        assertEquals(summary.get("charts").size(), images - trust);
        assertTrue(html.length() < appendix.length(), "the compact page is the shorter one");
        // no temporary folder is left next to the report
        try (Stream<Path> s = Files.list(shared)) {
            assertEquals(List.of(report), s.toList());
        }
    }

    @Test
    void everyChartIsAValidPngAndSvgWithDataDrawn() throws Exception {
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertTrue(summary.get("charts").size() >= 9);
        for (JsonNode c : summary.get("charts")) {
            String id = c.get("id").asText();
            int w = c.get("width").asInt();
            int h = c.get("height").asInt();
            assertTrue(w >= 600 && h >= 400, id);
            BufferedImage png = ImageIO.read(report.resolve(c.get("png").asText()).toFile());
            assertNotNull(png, id + ": not a PNG");
            assertEquals(w, png.getWidth(), id);
            assertEquals(h, png.getHeight(), id);
            long coloured = plotColouredPixels(png);
            assertTrue(coloured > 0.002 * w * h, id + ": only " + coloured + " coloured pixels in the plot area, an empty plot?");
            assertTrue(distinctColours(png) > 20, id + ": too few colours");
            Document svg = parseXml(report.resolve(c.get("svg").asText()));
            Element root = svg.getDocumentElement();
            assertEquals("svg", root.getTagName(), id);
            assertEquals(w, (int) Double.parseDouble(root.getAttribute("width").replace("px", "")), id);
            assertEquals(h, (int) Double.parseDouble(root.getAttribute("height").replace("px", "")), id);
            assertTrue(svgHasData(svg), id + ": no data series drawn in the SVG");
        }
    }

    @Test
    void tablesHoldTheNumbersOfSummaryJson() throws Exception {
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        for (JsonNode s : summary.get("scenarios")) {
            JsonNode years = s.get("years");
            Map<Integer, Integer> yearIndex = new HashMap<>();
            for (int i = 0; i < years.size(); i++) {
                yearIndex.put(years.get(i).asInt(), i);
            }
            // percentiles: every variable, year and statistic
            List<Map<String, String>> rows = csv(report.resolve(s.at("/tables/percentiles").asText()));
            int defined = 0;
            for (JsonNode v : s.get("variables")) {
                for (JsonNode x : v.get("mean")) {
                    defined += x.isNull() ? 0 : 1;
                }
            }
            assertEquals(defined, rows.size(), "one row per variable and year with a value");
            assertTrue(rows.size() > 100, "percentile rows: " + rows.size());
            for (Map<String, String> row : rows) {
                JsonNode v = s.get("variables").get(row.get("variable"));
                assertNotNull(v, row.get("variable"));
                int t = yearIndex.get(Integer.parseInt(row.get("year")));
                for (String stat : List.of("mean", "sd", "p05", "p10", "p25", "p50", "p75", "p90", "p95")) {
                    assertEquals(v.get(stat).get(t).asDouble(), Double.parseDouble(row.get(stat)), 0.0,
                            row.get("variable") + " " + row.get("year") + " " + stat);
                }
            }
            // central path
            rows = csv(report.resolve(s.at("/tables/central").asText()));
            assertEquals(s.at("/central/variables").size(), rows.size());
            for (Map<String, String> row : rows) {
                JsonNode values = s.at("/central/variables").get(row.get("variable")).get("values");
                for (int i = 0; i < years.size(); i++) {
                    String cell = row.get(years.get(i).asText());
                    if (values.get(i).isNull()) {
                        assertTrue(cell.isEmpty(), row.get("variable"));
                    } else {
                        assertEquals(values.get(i).asDouble(), Double.parseDouble(cell), 0.0, row.get("variable") + " " + years.get(i));
                    }
                }
            }
            // targets with verdicts and probabilities
            rows = csv(report.resolve(s.at("/tables/targets").asText()));
            assertEquals(s.get("targets").size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                JsonNode t = s.get("targets").get(i);
                assertEquals(t.get("id").asText(), row.get("id"));
                assertEquals(t.get("verdict").asText(), row.get("verdict"));
                assertEquals(t.get("value").asDouble(), Double.parseDouble(row.get("value")), 0.0);
                for (String[] k : new String[][] {{"probability", "probability"}, {"ciLow", "ci_low"}, {"ciHigh", "ci_high"},
                        {"central", "central"}}) {
                    JsonNode j = t.get(k[0]);
                    if (j == null || j.isNull()) {
                        assertTrue(row.get(k[1]).isEmpty(), t.get("id").asText() + " " + k[1]);
                    } else {
                        assertEquals(j.asDouble(), Double.parseDouble(row.get(k[1])), 0.0, t.get("id").asText() + " " + k[1]);
                    }
                }
            }
            // history points and the distribution curve
            rows = csv(report.resolve(s.at("/tables/history").asText()));
            assertEquals(s.get("history").size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(s.get("history").get(i).get("metric").asText(), rows.get(i).get("metric"));
                assertEquals(s.get("history").get(i).get("value").asDouble(), Double.parseDouble(rows.get(i).get("value")), 0.0);
            }
            JsonNode d = s.get("distributions").get(0);
            assertEquals("gdp_nominal", d.get("metric").asText());
            assertEquals(2035, d.get("year").asInt());
            assertEquals(4000, d.get("threshold").asDouble(), 0.0);
            rows = csv(report.resolve(d.get("table").asText()));
            assertEquals(d.get("q").size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(d.get("q").get(i).asDouble(), Double.parseDouble(rows.get(i).get("q")), 0.0);
                assertEquals(d.get("value").get(i).asDouble(), Double.parseDouble(rows.get(i).get("value")), 0.0);
                if (i > 0) {
                    assertTrue(d.get("value").get(i).asDouble() >= d.get("value").get(i - 1).asDouble(), "CDF increases");
                }
            }
        }
        // every table a chart names exists
        for (JsonNode c : summary.get("charts")) {
            for (JsonNode t : c.get("tables")) {
                assertTrue(Files.isRegularFile(report.resolve(t.asText())), t.asText());
            }
        }
    }

    @Test
    void refusesAnExistingFolder(@TempDir Path dir) throws IOException {
        Path marker = Files.writeString(dir.resolve("keep.txt"), "mine");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "--paths", "100", "--out", dir.toString(), "--quiet");
        assertEquals(Main.EXIT_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("exists"), r.err());
        assertEquals("mine", Files.readString(marker));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void severalScenariosAreComparedAndChineseLabelsUsedWhenAFontExists(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("export-slump.yaml"), """
                name: Export slump
                narrative: World demand falls 10% in 2026-2027, then recovers.
                extends: yiwu/baseline
                drivers:
                  trade:
                    worldDemandGrowth: {2021-2025: 0.035, 2026-2027: -0.10, 2028-2035: 0.05}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", file.toString(), "--paths", "1000",
                "--lang", "zh", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("scenarios").size());
        assertEquals("zh", summary.get("lang").asText());
        Set<String> ids = new HashSet<>();
        summary.get("charts").forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.contains("compare-gdp_nominal") && ids.contains("compare-goods_trade"), ids.toString());
        assertTrue(ids.contains("fan-export-slump-goods_trade"), ids.toString());
        BufferedImage png = ImageIO.read(out.resolve("charts/compare-goods_trade.png").toFile());
        assertTrue(plotColouredPixels(png) > 0.002 * png.getWidth() * png.getHeight());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Export slump"));
        // report.xlsx: Chinese sheet names and headers, each scenario's targets with the probabilities of summary.json
        try (org.apache.poi.ss.usermodel.Workbook wb = XlsxOutputTest.open(out.resolve("report.xlsx"))) {
            List<String> sheets = XlsxOutputTest.sheetNames(wb);
            assertEquals("说明", sheets.get(0));
            assertTrue(sheets.containsAll(List.of("1 目标判断", "1 情景假设", "2 目标判断", "2 蒙特卡洛百分位", "2 中心路径")), sheets.toString());
            for (int i = 0; i < 2; i++) {
                Map<String, Map<String, org.apache.poi.ss.usermodel.Cell>> rows = XlsxOutputTest.rows(wb.getSheet((i + 1) + " 目标判断"), "编号");
                JsonNode targets = summary.get("scenarios").get(i).get("targets");
                assertEquals(targets.size(), rows.size());
                for (JsonNode t : targets) {
                    XlsxOutputTest.assertProbability(t.get("probability"), rows.get(t.get("id").asText()).get("达标概率"), t.get("id").asText());
                }
            }
            assertEquals("单位", wb.getSheet("1 情景假设").getRow(0).getCell(2).getStringCellValue());
            Map<String, String> about = XlsxOutputTest.about(wb);
            assertEquals("1000", about.get("路径数"));
            assertEquals(summary.get("seed").asText(), about.get("随机种子"));
            assertTrue(about.get("分布校准").startsWith("已校准"), about.toString());
        }
        if (ChartFonts.cjkFamily().isPresent()) {
            assertEquals("zh", summary.get("labels").asText());
            assertTrue(html.contains("目标一览"), "Chinese headings");
            assertTrue(summary.get("charts").get(0).get("title").asText().contains("地区生产总值"));
        } else {
            assertEquals("en", summary.get("labels").asText());
            assertTrue(r.err().contains("no CJK font"), r.err());
        }
    }

    @Test
    void withoutACjkFontChineseFallsBackToEnglishAndSaysSo(@TempDir Path dir) throws Exception {
        String before = System.getProperty(ChartFonts.PROPERTY);
        System.setProperty(ChartFonts.PROPERTY, "none");
        try {
            Path out = dir.resolve("out");
            RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "500", "--lang", "zh",
                    "--out", out.toString(), "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("no CJK font"), r.err());
            JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            assertEquals("zh", summary.get("lang").asText());
            assertEquals("en", summary.get("labels").asText());
            for (JsonNode c : summary.get("charts")) {
                String title = c.get("title").asText();
                assertTrue(title.codePoints().noneMatch(cp -> cp >= 0x2E80), "no CJK characters in chart title: " + title);
            }
            assertTrue(Files.readString(out.resolve("index.html")).contains("no CJK font"), "said in the report");
        } finally {
            if (before == null) {
                System.clearProperty(ChartFonts.PROPERTY);
            } else {
                System.setProperty(ChartFonts.PROPERTY, before);
            }
        }
    }

    @Test
    void aFailureLeavesNoHalfWrittenReport(@TempDir Path dir) throws Exception {
        io.plansim.service.Forecasts.Simulation r = io.plansim.service.Forecasts.onClasspath().simulate(
                io.plansim.service.Forecasts.Request.of(io.plansim.service.ScenarioSource.builtIn("yiwu/baseline")), McOptions.of(200, 1), null);
        Scenario s = r.scenario();
        // a run without its central path fails after the temporary folder is made
        ScenarioRun broken = new ScenarioRun(s, null, r.mc(), r.verdicts(), History.empty());
        ReportInput in = new ReportInput(List.of(broken), 200, 1, "test", "./plansim report", "now",
                Labels.of(Lang.EN, Optional.empty()));
        Path out = dir.resolve("out");
        assertThrows(RuntimeException.class, () -> ReportWriter.write(out, in));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing left behind");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Pixels with a clear colour (not white, grey or black): data series, never text, axes or grid. */
    static long colouredPixels(BufferedImage img) {
        return colouredPixels(img, 0, 0, img.getWidth(), img.getHeight());
    }

    /**
     * Coloured pixels in the plot area: without the title above, the legend (the only other coloured thing)
     * and x axis below, and the y axis on the left. An empty plot has none.
     */
    static long plotColouredPixels(BufferedImage img) {
        return colouredPixels(img, 60, 45, img.getWidth(), img.getHeight() - 75);
    }

    static long colouredPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 30) {
                    n++;
                }
            }
        }
        return n;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                s.add(img.getRGB(x, y));
            }
        }
        return s.size();
    }

    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static final Pattern RGB = Pattern.compile("(fill|stroke):rgb\\((\\d+),(\\d+),(\\d+)\\)");

    /**
     * Whether data series are drawn: XChart draws the plot content in a group clipped to the plot area; it
     * must hold coloured shapes (bars, bands, lines, markers). Legend, axes and text lie outside it.
     */
    static boolean svgHasData(Document svg) {
        NodeList groups = svg.getElementsByTagNameNS("*", "g");
        int shapes = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("clip-path").isEmpty()) {
                continue;
            }
            for (String tag : List.of("path", "rect", "ellipse", "polygon", "line", "polyline")) {
                NodeList nodes = g.getElementsByTagNameNS("*", tag);
                for (int k = 0; k < nodes.getLength(); k++) {
                    if (coloured(((Element) nodes.item(k)).getAttribute("style"))) {
                        shapes++;
                    }
                }
            }
        }
        return shapes >= 5;
    }

    private static boolean coloured(String style) {
        Matcher m = RGB.matcher(style);
        while (m.find()) {
            int r = Integer.parseInt(m.group(2));
            int g = Integer.parseInt(m.group(3));
            int b = Integer.parseInt(m.group(4));
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 30) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tornadoTableHoldsTheNumbersOfSummaryJsonAndIsDrawn() throws Exception {
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        int seen = 0;
        for (JsonNode s : summary.get("scenarios")) {
            JsonNode t = s.get("tornado");
            if (t == null) {
                continue;
            }
            seen++;
            List<Map<String, String>> rows = csv(report.resolve(t.get("table").asText()));
            assertEquals(t.get("bars").size(), rows.size());
            double previous = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows.size(); i++) {
                JsonNode b = t.get("bars").get(i);
                assertEquals(b.get("parameter").asText(), rows.get(i).get("parameter"));
                assertEquals(b.get("output_at_p10").asDouble(), Double.parseDouble(rows.get(i).get("output_at_p10")), 0.0);
                assertEquals(b.get("output_at_p90").asDouble(), Double.parseDouble(rows.get(i).get("output_at_p90")), 0.0);
                assertTrue(b.get("swing").asDouble() <= previous, "sorted by swing");
                previous = b.get("swing").asDouble();
            }
            String slug = t.get("table").asText().replace("tables/", "").replace("-tornado.csv", "");
            assertTrue(Files.exists(report.resolve("charts/tornado-" + slug + ".png")), slug);
            assertTrue(Files.exists(report.resolve("charts/tornado-" + slug + ".svg")), slug);
        }
        assertTrue(seen > 0, "every scenario with uncertain parameters has a tornado");
    }

    /** A report table as a spreadsheet reads it: the byte-order mark that starts it (by default) is not part of the first name. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), file + " starts with a UTF-8 byte-order mark");
        return csv(text.substring(1));
    }

    /** CSV text (a header line, then rows) as one map per row, by column name. */
    static List<Map<String, String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        }
        return rows;
    }
}
