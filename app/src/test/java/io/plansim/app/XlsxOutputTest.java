package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format xlsx: the workbooks of run, mc and targets reopened with POI and checked against the JSON output. */
class XlsxOutputTest {
    @TempDir
    Path dir;

    @Test
    void runWorkbookHasAssumptionsAndProjectionsWithUnitsAndTheJsonValues() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("run", "yiwu/baseline", "--format", "xlsx", "--out", dir.resolve("x").toString());
        assertEquals(0, r.code(), r.err());
        Path file = dir.resolve("x/yiwu-baseline.xlsx");
        assertTrue(r.out().contains(file.toString()), r.out());
        JsonNode json = json("run", "yiwu/baseline", "--format", "json");
        try (Workbook wb = open(file)) {
            assertEquals(List.of("about", "assumptions", "projections"), sheetNames(wb));
            Map<String, Map<String, Cell>> projections = rows(wb.getSheet("projections"), "variable");
            Map<String, Cell> gdp = projections.get("gdp_nominal");
            assertEquals("亿元", gdp.get("unit").getStringCellValue());
            assertEquals("nominal", gdp.get("basis").getStringCellValue());
            assertEquals("real", projections.get("gdp_real").get("basis").getStringCellValue());
            JsonNode values = json.get("variables").get("gdp_nominal").get("values");
            int last = values.size() - 1;
            assertEquals(values.get(last).asDouble(), gdp.get("2035").getNumericCellValue(), 0.0);
            assertEquals(CellType.NUMERIC, gdp.get("2035").getCellType());
            assertEquals("#,##0.0###", gdp.get("2035").getCellStyle().getDataFormatString());
            assertEquals(projections.size(), json.get("variables").size());

            Map<String, Map<String, Cell>> drivers = rows(wb.getSheet("assumptions"), "driver");
            Map<String, Cell> tfp = drivers.get("production.tfpGrowth");
            assertEquals("1/yr", tfp.get("unit").getStringCellValue());
            assertTrue(tfp.get("source").getStringCellValue().startsWith("scenario file: "), tfp.get("source").getStringCellValue());
            assertTrue(drivers.values().stream().anyMatch(d -> d.get("source").getStringCellValue().startsWith("model default")),
                    "a driver the scenario leaves at the default says so");
        }
    }

    @Test
    void mcAndTargetsWorkbooksCarryTheProbabilitiesOfTheJson() throws Exception {
        String[] run = {"yiwu/baseline", "--paths", "2000", "--seed", "3", "--quiet"};
        RunCommandTest.Result r = RunCommandTest.plansim(concat(new String[] {"mc"}, run, "--format", "xlsx", "--out", dir.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode json = json(concat(new String[] {"mc"}, run, "--format", "json"));
        try (Workbook wb = open(dir.resolve("yiwu-baseline-mc.xlsx"))) {
            assertEquals(List.of("about", "targets", "assumptions", "projections", "percentiles"), sheetNames(wb));
            assertProbabilities(json.get("targets"), rows(wb.getSheet("targets"), "id"));
            boolean seen = false;
            for (Row row : wb.getSheet("percentiles")) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("gdp_real") && row.getCell(3).getNumericCellValue() == 2035) {
                    assertEquals("real", row.getCell(2).getStringCellValue());
                    assertEquals(json.get("variables").get("gdp_real").get("p50").get(15).asDouble(), row.getCell(9).getNumericCellValue(), 0.0);
                    seen = true;
                }
            }
            assertTrue(seen, "gdp_real 2035 in the percentiles");
        }
        r = RunCommandTest.plansim(concat(new String[] {"targets"}, run, "--format", "xlsx", "--out", dir.toString(), "--lang", "zh"));
        assertEquals(0, r.code(), r.err());
        JsonNode targets = json(concat(new String[] {"targets"}, run, "--format", "json"));
        try (Workbook wb = open(dir.resolve("yiwu-baseline-targets.xlsx"))) {
            assertEquals(List.of("说明", "目标判断", "情景假设", "预测值（中心路径）"), sheetNames(wb));
            Map<String, Map<String, Cell>> rows = rows(wb.getSheet("目标判断"), "编号");
            assertEquals(targets.get("targets").size(), rows.size());
            for (JsonNode t : targets.get("targets")) {
                Map<String, Cell> row = rows.get(t.get("id").asText());
                assertProbability(t.get("probability"), row.get("达标概率"), t.get("id").asText());
                if (row.get("达标概率") != null) {
                    assertEquals("0.0%", row.get("达标概率").getCellStyle().getDataFormatString());
                }
                assertEquals(t.get("unit").asText(), row.get("单位").getStringCellValue());
                // the words of the cells in Chinese too, not only the headers
                assertTrue(java.util.Set.of("有望实现", "存在风险", "难以实现", "已实现", "未实现", "无法评估")
                        .contains(row.get("判断").getStringCellValue()), row.get("判断").getStringCellValue());
                assertTrue(java.util.Set.of("水平值", "年均增速", "变化幅度", "比重", "累计值")
                        .contains(row.get("目标类型").getStringCellValue()), row.get("目标类型").getStringCellValue());
                assertTrue(java.util.Set.of("现价", "不变价", "不适用")
                        .contains(row.get("价格口径").getStringCellValue()), row.get("价格口径").getStringCellValue());
            }
        }
    }

    /**
     * The about sheet says what a Monte Carlo's numbers depend on besides the scenario, each in a row of its own and
     * in the workbook's language: the paths, the seed and the distribution (calibrated by which file, or raw).
     */
    @Test
    void theAboutSheetSaysPathsSeedAndCalibrationInBothLanguages() throws Exception {
        String[] run = {"yiwu/baseline", "--paths", "700", "--seed", "4", "--quiet", "--format", "xlsx"};
        RunCommandTest.Result r = RunCommandTest.plansim(concat(new String[] {"mc"}, run, "--out", dir.resolve("en").toString()));
        assertEquals(0, r.code(), r.err());
        try (Workbook wb = open(dir.resolve("en/yiwu-baseline-mc.xlsx"))) {
            Map<String, String> about = about(wb);
            assertEquals("700", about.get("paths"));
            assertEquals("4", about.get("seed"));
            assertTrue(about.get("distribution").startsWith("calibrated: spread scaling"), about.toString());
            assertTrue(about.get("distribution").contains("scenarios/reference/calibration/spread.yaml"), about.toString());
        }
        r = RunCommandTest.plansim(concat(new String[] {"targets"}, run, "--raw", "--lang", "zh", "--out", dir.resolve("zh").toString()));
        assertEquals(0, r.code(), r.err());
        try (Workbook wb = open(dir.resolve("zh/yiwu-baseline-targets.xlsx"))) {
            Map<String, String> about = about(wb);
            assertEquals("700", about.get("路径数"));
            assertEquals("4", about.get("随机种子"));
            assertTrue(about.get("分布校准").startsWith("未校准（--raw）"), about.toString());
        }
        r = RunCommandTest.plansim("targets", "yiwu/baseline", "--central-only", "--format", "xlsx", "--out", dir.resolve("central").toString());
        assertEquals(0, r.code(), r.err());
        try (Workbook wb = open(dir.resolve("central/yiwu-baseline-targets.xlsx"))) {
            Map<String, String> about = about(wb);
            assertFalse(about.containsKey("paths") || about.containsKey("distribution"), "no Monte Carlo, no paths: " + about);
            assertTrue(about.get("method").startsWith("Verdicts from the central path alone"), about.toString());
        }
    }

    /**
     * The Chinese workbook's assumptions sheet has each driver's group and, for a driver left at the model default,
     * the reason for that default in Chinese (the dictionary's), not the English of the driver registry.
     */
    @Test
    void theChineseAssumptionsSheetHasChineseGroupsAndReasonsForDefaults() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("run", "yiwu/baseline", "--format", "xlsx", "--lang", "zh", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (Workbook wb = open(dir.resolve("yiwu-baseline.xlsx"))) {
            Map<String, Map<String, Cell>> drivers = rows(wb.getSheet("情景假设"), "驱动参数");
            assertEquals(io.plansim.scenario.Driver.values().length, drivers.size());
            java.util.Set<String> groups = new java.util.TreeSet<>();
            List<String> english = new ArrayList<>();
            int defaults = 0;
            for (Map.Entry<String, Map<String, Cell>> d : drivers.entrySet()) {
                groups.add(d.getValue().get("类别").getStringCellValue());
                String source = d.getValue().get("来源").getStringCellValue();
                if (source.startsWith("模型默认值")) {
                    defaults++;
                    String why = io.plansim.scenario.Driver.byPath(d.getKey()).orElseThrow().why();
                    if (source.contains(why) || ReportLanguageTest.readsEnglish(source)) {
                        english.add(d.getKey() + ": " + source);
                    }
                }
            }
            assertEquals(java.util.Set.of("人口", "生产", "价格", "产业结构", "贸易", "能源", "收入"), groups);
            assertTrue(defaults >= 5, "drivers at the model default: " + defaults);
            assertEquals(List.of(), english);
        }
    }

    /** The about sheet (the first) as field -> value. */
    static Map<String, String> about(Workbook wb) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row row : wb.getSheetAt(0)) {
            if (row.getRowNum() > 0) {
                out.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
        }
        return out;
    }

    @Test
    void aWorkbookNeedsAFolderAndACommandThatWritesOne() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("run", "yiwu/baseline", "--format", "xlsx");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out"), r.err());
        RunCommandTest.Result s = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "all", "--driver",
                "production.tfpGrowth", "--format", "xlsx", "--out", dir.toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("xlsx is written by mc, run, targets"), s.err());
        RunCommandTest.Result replay = RunCommandTest.plansim("mc", "yiwu/baseline", "--replay-path", "3", "--format", "xlsx",
                "--out", dir.toString());
        assertEquals(2, replay.code(), replay.err());
        assertTrue(replay.err().contains("--replay-path"), replay.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    static void assertProbabilities(JsonNode targets, Map<String, Map<String, Cell>> rows) {
        assertEquals(targets.size(), rows.size());
        for (JsonNode t : targets) {
            Map<String, Cell> row = rows.get(t.get("id").asText());
            assertProbability(t.get("probability"), row.get("probability"), t.get("id").asText());
            assertEquals(t.get("verdict").asText(), row.get("verdict").getStringCellValue());
        }
    }

    /** A probability the JSON leaves undefined (null, e.g. a target already judged on actuals) is an empty cell. */
    static void assertProbability(JsonNode json, Cell cell, String id) {
        if (json == null || json.isNull()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, id);
        } else {
            assertEquals(json.asDouble(), cell.getNumericCellValue(), 0.0, id);
        }
    }

    static Workbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** The sheet's rows keyed by the text in column {@code key}, each row's cells keyed by header. */
    static Map<String, Map<String, Cell>> rows(Sheet sheet, String key) {
        Row header = sheet.getRow(0);
        Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Cell h : header) {
                cells.put(h.getStringCellValue(), row.getCell(h.getColumnIndex()));
            }
            out.put(cells.get(key).getStringCellValue(), cells);
        }
        return out;
    }

    private static JsonNode json(String... args) throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim(args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static String[] concat(String[] head, String[] middle, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(middle));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
