package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target is written whole wherever it is written: the CSV and the workbook carry its upper end, tolerance and
 * from-year as columns and its wording as the terminal table prints it (jinhua13.gdp_real.2020 was "between, 4880"
 * without its 5000; an "about" target had no tolerance; a growth target no from-year).
 */
class TargetTextTest {
    @TempDir
    Path dir;

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> out = new HashMap<>();
        rows.forEach(r -> out.put(r.get("id"), r));
        return out;
    }

    @Test
    void theCsvCarriesTheWholeTarget() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "jinhua/baseline", "--central-only", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        Map<String, Map<String, String>> rows = byId(ReportCommandTest.csv(r.out()));
        Map<String, String> range = rows.get("jinhua13.gdp_real.2020");
        assertEquals("4880.0", range.get("value"));
        assertEquals("5000.0", range.get("high"));
        assertEquals("4880-5000 亿元", range.get("target"));
        Map<String, String> about = rows.get("jinhua13.urbanization_rate.2020");
        assertEquals("0.5", about.get("tolerance"));
        assertEquals("about 69 (±0.5) %", about.get("target"));
        Map<String, String> growth = rows.get("jinhua13.gdp_real.2020.growth");
        assertEquals("2015", growth.get("from"));
        assertTrue(growth.get("target").startsWith("growth 2015-2020 "), growth.get("target"));
        assertEquals("", rows.get("jinhua13.budget_revenue.2020").get("high"), "no upper end for a floor");
        // every row's wording is the one the JSON and the terminal table give
        JsonNode json = new ObjectMapper().readTree(RunCommandTest.plansim("targets", "jinhua/baseline", "--central-only",
                "--format", "json").out());
        for (JsonNode t : json.get("targets")) {
            Map<String, String> row = rows.get(t.get("id").asText());
            assertEquals(t.has("high") && !t.get("high").isNull() ? t.get("high").asDouble() : null,
                    row.get("high").isEmpty() ? null : Double.parseDouble(row.get("high")), t.get("id").asText());
            assertEquals(t.has("from") ? t.get("from").asText() : "", row.get("from"), t.get("id").asText());
        }
    }

    @Test
    void theWorkbookCarriesTheWholeTarget() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("targets", "yiwu/baseline", "--central-only", "--format", "xlsx",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (Workbook wb = XlsxOutputTest.open(dir.resolve("yiwu-baseline-targets.xlsx"))) {
            Map<String, Map<String, Cell>> rows = XlsxOutputTest.rows(wb.getSheet("targets"), "id");
            // the two 2025 import targets of 1000亿元 differ in their condition: "about" (±20) and ">"
            assertEquals("about 1000 (±20) 亿元", rows.get("yiwu14.imports.2025.a").get("target").getStringCellValue());
            assertEquals(20, rows.get("yiwu14.imports.2025.a").get("tolerance").getNumericCellValue(), 0);
            assertEquals("> 1000 亿元", rows.get("yiwu14.imports.2025.b").get("target").getStringCellValue());
            assertEquals(2015, rows.get("yiwu13.exports_usd.2020.growth").get("from").getNumericCellValue(), 0);
        }
    }
}
