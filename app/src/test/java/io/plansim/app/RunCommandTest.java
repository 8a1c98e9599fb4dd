package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, through {@link Main#execute}. */
class RunCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result plansim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void runPrintsTheBaselineTable() {
        Result r = plansim("run", "yiwu/baseline");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gdp_nominal"));
        assertTrue(r.out().contains("2035"));
        assertTrue(r.out().contains("亿元"));
    }

    @Test
    void jsonHasEveryVariableWithUnitAndOneValuePerYear() throws Exception {
        Result r = plansim("run", "yiwu/baseline", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("yiwu/baseline", json.get("scenario").asText());
        assertEquals(16, json.get("years").size());
        assertEquals(2020, json.get("years").get(0).asInt());
        for (String id : List.of("gdp_real", "gdp_nominal", "exports", "imports", "goods_trade", "domestic_trade",
                "total_trade", "population", "urbanization_rate", "energy_consumption", "energy_intensity", "co2",
                "income_per_capita")) {
            JsonNode v = json.get("variables").get(id);
            assertTrue(v != null, id);
            assertFalse(v.get("unit").asText().isEmpty(), id);
            assertFalse(v.get("name_zh").asText().isEmpty(), id);
            assertEquals(16, v.get("values").size(), id);
        }
        assertEquals(1485.6, json.get("variables").get("gdp_nominal").get("values").get(0).asDouble(), 1e-9);
    }

    @Test
    void setChangesTheResult() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode base = m.readTree(plansim("run", "yiwu/baseline", "--format", "json").out());
        JsonNode set = m.readTree(plansim("run", "yiwu/baseline", "--format", "json", "--set", "trade.exportTrend=0.05").out());
        double b = base.at("/variables/exports/values/15").asDouble();
        double s = set.at("/variables/exports/values/15").asDouble();
        assertTrue(s > b * 1.3, b + " vs " + s);
        // the demand channel: more trade, more output (docs/MODEL.md "Trade and output")
        assertTrue(set.at("/variables/gdp_nominal/values/15").asDouble() > base.at("/variables/gdp_nominal/values/15").asDouble());
        assertEquals("yiwu/baseline [trade.exportTrend=0.05]", set.at("/scenario").asText());
    }

    @Test
    void badInputExitsWithTwoAndAMessage() {
        Result r = plansim("run", "yiwu/baseline", "--set", "trade.exportTrnd=0.04");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'exportTrend'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        Result unknown = plansim("run", "yiwu/baselin");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'yiwu/baseline'"), unknown.err());
        assertEquals(2, plansim("run").code());
    }

    @Test
    void aDriverTheModelDoesNotReadIsRefusedNotIgnored(@TempDir Path dir) throws Exception {
        // yiwu/baseline is model: solow: realGrowth would leave GDP as it was
        Result set = plansim("run", "yiwu/baseline", "--set", "production.realGrowth=0.2");
        assertEquals(2, set.code(), set.out());
        assertEquals("", set.out());
        assertTrue(set.err().contains("--set production.realGrowth=0.2: drivers.production.realGrowth: found number 0.2; "
                + "production.realGrowth is not used by model: solow"), set.err());
        assertFalse(set.err().contains("\tat "), "no stack trace: " + set.err());
        Path file = dir.resolve("rg.yaml");
        Files.writeString(file, "extends: yiwu/baseline\ndrivers: {production: {realGrowth: 0.08}}\n");
        Result own = plansim("run", file.toString());
        assertEquals(2, own.code());
        assertTrue(own.err().contains("rg.yaml:2:"), own.err());
        Result growth = plansim("run", "yiwu/plan", "--set", "production.tfpGrowth=0.05");
        assertEquals(2, growth.code());
        assertTrue(growth.err().contains("not used by model: growth"), growth.err());
        // switching the model on the command line leaves the file's Solow inputs unread, knowingly
        assertEquals(0, plansim("run", "yiwu/baseline", "--set", "model=growth", "--set", "production.realGrowth=0.04").code());
    }

    @Test
    void outWritesAFileAndNothingElse(@TempDir Path dir) throws Exception {
        Result r = plansim("run", "yiwu/baseline", "--format", "csv", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("yiwu-baseline.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
        String csv = Files.readString(dir.resolve("yiwu-baseline.csv"));
        assertTrue(csv.startsWith("\uFEFFvariable,name,name_zh,unit,basis,2020,"), "a byte-order mark for spreadsheets: " + csv.substring(0, 80));
        Path plain = dir.resolve("plain");
        assertEquals(0, plansim("run", "yiwu/baseline", "--format", "csv", "--out", plain.toString(), "--csv-bom", "false").code());
        assertTrue(Files.readString(plain.resolve("yiwu-baseline.csv")).startsWith("variable,"), "--csv-bom false: no mark");
        Result printed = plansim("run", "yiwu/baseline", "--format", "csv");
        assertTrue(printed.out().startsWith("variable,"), "printed CSV (a pipe) has no mark");
    }

    @Test
    void listShowsTheBuiltIns() {
        Result r = plansim("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("yiwu/baseline"));
    }
}
