package io.plansim.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.report.Lang;
import io.plansim.report.Workbooks;
import io.plansim.tables.Tables;
import java.util.LinkedHashMap;
import java.util.Map;

/** batch --format xlsx: results.xlsx, the two long tables as sheets after a sheet saying what was run. */
final class BatchWorkbook {
    private BatchWorkbook() {
    }

    /**
     * From the run log and the very text of results.csv and targets.csv, so that the workbook holds the same rows;
     * {@code calibration} is the line saying which distribution the variants show, in the workbook's language.
     */
    static byte[] of(String runLog, String resultsCsv, String targetsCsv, String calibration, Lang lang) {
        JsonNode log;
        try {
            log = io.plansim.tables.ProjectionJson.MAPPER.readTree(runLog);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the run log this batch wrote is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("plansim", log.path("plansimVersion").asText());
        about.put(lang == Lang.ZH ? "批处理文件" : "batch file", log.path("batchFile").asText());
        about.put("batchSha256", log.path("batchSha256").asText());
        about.put("--set", log.path("set").toString());
        about.put(Workbooks.word("sheet.calibration", lang), calibration);
        about.put(lang == Lang.ZH ? "失败的变体" : "failed variants", log.path("failed").asText());
        Map<String, tech.tablesaw.api.Table> tables = new LinkedHashMap<>();
        tables.put(Workbooks.sheetName("results", lang), Tables.readCsv("results", resultsCsv));
        tables.put(Workbooks.sheetName("targets", lang), Tables.readCsv("targets", targetsCsv));
        return Workbooks.tables(about, tables, lang);
    }
}
