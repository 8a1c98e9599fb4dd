package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch interrupted midway and resumed gives the same tables as an uninterrupted run. */
class BatchCommandTest {
    @TempDir
    Path dir;

    /** --format xlsx: results.xlsx has the rows of results.csv and targets.csv, numbers as numbers. */
    private static void assertWorkbookHoldsTheCsv(Path out, String resultsCsv) throws Exception {
        try (org.apache.poi.ss.usermodel.Workbook wb = XlsxOutputTest.open(out.resolve("results.xlsx"))) {
            assertEquals(java.util.List.of("about", "results", "targets"), XlsxOutputTest.sheetNames(wb));
            String[] lines = resultsCsv.strip().split("\n");
            org.apache.poi.ss.usermodel.Sheet results = wb.getSheet("results");
            assertEquals(lines.length - 1, results.getLastRowNum());
            String[] header = lines[0].split(",");
            String[] last = lines[lines.length - 1].split(",");
            int mean = java.util.Arrays.asList(header).indexOf("mean");
            assertEquals("mean", results.getRow(0).getCell(mean).getStringCellValue());
            assertEquals(Double.parseDouble(last[mean]), results.getRow(lines.length - 1).getCell(mean).getNumericCellValue(), 0.0);
            assertEquals(last[0], results.getRow(lines.length - 1).getCell(0).getStringCellValue());
            assertEquals(Files.readAllLines(out.resolve("targets.csv")).size() - 1, wb.getSheet("targets").getLastRowNum());
        }
    }

    /** A batch of one variant of yiwu/baseline (TFP growth 1%). */
    private Path oneVariant(int paths, int seed) throws Exception {
        Path f = dir.resolve("one.yaml");
        Files.writeString(f, """
                name: one
                runs:
                  - scenario: yiwu/baseline
                    paths: %d
                    seed: %d
                    variants:
                      - {production.tfpGrowth: 0.01}
                """.formatted(paths, seed), StandardCharsets.UTF_8);
        return f;
    }

    private Path batchFile() throws Exception {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, """
                name: small-grid
                runs:
                  - scenario: yiwu/baseline
                    paths: 1500
                    seed: 3
                    seedPolicy: derived
                    grid:
                      production.tfpGrowth: {from: 0.005, to: 0.02, step: 0.005}
                      trade.exportTrend: [0.0, 0.03]
                    variants:
                      - {population.netMigration: 8}
                """, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void resumeAfterAnInterruptionGivesTheSameTables() throws Exception {
        Path file = batchFile();
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        RunCommandTest.Result a = RunCommandTest.plansim("batch", file.toString(), "--out", whole.toString(), "--quiet");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("9 variants"), a.out());
        assertTrue(a.out().contains("1 failed"), a.out());
        RunCommandTest.Result cut = RunCommandTest.plansim("batch", file.toString(), "--out", parts.toString(), "--quiet", "--stop-after", "4");
        assertEquals(0, cut.code(), cut.err());
        assertFalse(Files.exists(parts.resolve("results.csv")), "an interrupted batch leaves no result table");
        RunCommandTest.Result rest = RunCommandTest.plansim("batch", file.toString(), "--out", parts.toString(), "--quiet", "--resume",
                "--format", "xlsx");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().contains("(5 run now, 4 resumed)"), rest.out());
        for (String table : new String[] {"results.csv", "targets.csv", "results.jsonl"}) {
            assertEquals(Files.readString(whole.resolve(table)), Files.readString(parts.resolve(table)), table);
        }
        String failed = Files.readString(whole.resolve("run-log.json"));
        assertTrue(failed.contains("population.netMigration"), "the bad variant fails alone with its message");
        assertTrue(failed.contains("batchSha256"));
        String csv = Files.readString(whole.resolve("results.csv"));
        assertWorkbookHoldsTheCsv(parts, csv);
        assertTrue(csv.startsWith("variant,scenario,production.tfpGrowth,trade.exportTrend,population.netMigration,metric,unit,basis,year,mean,sd,p05"),
                csv.substring(0, 120));
    }

    /**
     * Every results row says its metric's unit and price basis, the engine's as mc --format csv writes them for the
     * same scenario (a satellite indicator of the region's file too), in results.csv, results.jsonl and results.xlsx.
     */
    @Test
    void eachResultRowSaysItsMetricsUnitAndPriceBasisAsMcDoes() throws Exception {
        Path f = oneVariant(500, 1);
        Path out = dir.resolve("one");
        RunCommandTest.Result r = RunCommandTest.plansim("batch", f.toString(), "--out", out.toString(), "--quiet",
                "--format", "xlsx", "--lang", "zh");
        assertEquals(0, r.code(), r.err());
        RunCommandTest.Result mc = RunCommandTest.plansim("mc", "yiwu/baseline", "--paths", "500", "--quiet", "--format", "csv");
        assertEquals(0, mc.code(), mc.err());
        java.util.Map<String, String> expected = unitAndBasis(mc.out(), "variable");
        java.util.Map<String, String> written = unitAndBasis(Files.readString(out.resolve("results.csv")), "metric");
        assertEquals(expected, written);
        assertEquals("亿元 nominal", written.get("gdp_nominal"));
        assertEquals("亿元 real", written.get("gdp_real"));
        assertEquals("万人 none", written.get("population"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            assertEquals(expected.get(n.get("metric").asText()), n.get("unit").asText() + " " + n.get("basis").asText(), line);
        }
        try (org.apache.poi.ss.usermodel.Workbook wb = XlsxOutputTest.open(out.resolve("results.xlsx"))) {
            org.apache.poi.ss.usermodel.Sheet results = wb.getSheet("结果");
            java.util.List<String> header = new java.util.ArrayList<>();
            results.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertTrue(header.contains("单位") && header.contains("价格口径"), header.toString());
            java.util.Set<String> bases = new java.util.TreeSet<>();
            for (org.apache.poi.ss.usermodel.Row row : results) {
                if (row.getRowNum() > 0) {
                    bases.add(row.getCell(header.indexOf("价格口径")).getStringCellValue());
                }
            }
            assertEquals(java.util.Set.of("现价", "不变价", "不适用"), bases);
            assertTrue(XlsxOutputTest.about(wb).get("分布校准").startsWith("已校准"), XlsxOutputTest.about(wb).toString());
        }
    }

    /** A long CSV's metric -> "unit basis", each metric's every row agreeing. */
    private static java.util.Map<String, String> unitAndBasis(String csv, String metricColumn) {
        String[] lines = csv.strip().split("\n");
        java.util.List<String> header = java.util.Arrays.asList(lines[0].split(","));
        int metric = header.indexOf(metricColumn);
        int unit = header.indexOf("unit");
        int basis = header.indexOf("basis");
        assertTrue(unit >= 0 && basis >= 0, lines[0]);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            String was = out.put(c[metric], c[unit] + " " + c[basis]);
            assertTrue(was == null || was.equals(c[unit] + " " + c[basis]), lines[i]);
        }
        return out;
    }

    /**
     * The batch's distribution is the one asked for: calibrated by default (as mc shows it), raw with --raw; each
     * variant's file and the run log name it, and resuming under another calibration runs every variant again.
     */
    @Test
    void theCalibrationIsAppliedNamedAndPartOfEachVariantsDefinition() throws Exception {
        Path f = oneVariant(2000, 5);
        Path cal = dir.resolve("cal");
        Path raw = dir.resolve("raw");
        RunCommandTest.Result a = RunCommandTest.plansim("batch", f.toString(), "--out", cal.toString(), "--quiet");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("calibrated: spread scaling"), a.out());
        RunCommandTest.Result b = RunCommandTest.plansim("batch", f.toString(), "--out", raw.toString(), "--quiet", "--raw");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("uncalibrated (--raw)"), b.out());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("raw", json.readTree(raw.resolve("run-log.json").toFile()).path("calibration").asText());
        assertEquals("scenarios/reference/calibration/spread.yaml", json.readTree(cal.resolve("run-log.json").toFile()).path("calibration").asText());
        String variant;
        try (java.util.stream.Stream<Path> files = Files.list(raw.resolve("variants"))) {
            variant = Files.readString(files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
        }
        assertTrue(variant.contains("uncalibrated (--raw)"), variant);

        // the same run as mc: the batch's calibrated GDP percentiles are mc's, the raw ones are not
        RunCommandTest.Result mc = RunCommandTest.plansim("mc", "yiwu/baseline", "--set", "production.tfpGrowth=0.01", "--paths", "2000",
                "--seed", "5", "--format", "json");
        assertEquals(0, mc.code(), mc.err());
        String p90Cal = gdpRealP90(Files.readString(cal.resolve("results.csv")));
        String p90Raw = gdpRealP90(Files.readString(raw.resolve("results.csv")));
        assertFalse(p90Cal.equals(p90Raw), "calibrated and raw GDP percentiles differ");
        com.fasterxml.jackson.databind.JsonNode mcGdp = json.readTree(mc.out()).path("variables").path("gdp_real");
        assertEquals(mcGdp.path("p90").get(10).asDouble(), Double.parseDouble(p90Cal), 0.0, "the batch's calibrated percentile is mc's");

        // resuming the calibrated folder with --raw is another definition: run again, not published as calibrated
        Files.delete(cal.resolve("results.csv"));
        RunCommandTest.Result c = RunCommandTest.plansim("batch", f.toString(), "--out", cal.toString(), "--quiet", "--resume", "--raw");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("computed for another definition"), c.err());
        assertEquals(p90Raw, gdpRealP90(Files.readString(cal.resolve("results.csv"))));

        RunCommandTest.Result bad = RunCommandTest.plansim("batch", f.toString(), "--out", dir.resolve("bad").toString(), "--calibration",
                dir.resolve("missing.yaml").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--calibration"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad").resolve("results.csv")));
    }

    /**
     * A variant's definition covers the content of every file it was computed from, not only the names: after a
     * --history file or a scenario's parent is edited, --resume runs the variants again (saying what changed)
     * and publishes what a fresh run gives; the run log records each file's SHA-256.
     */
    @Test
    void resumeRunsAgainWhenAFileTheVariantsWereComputedFromChanged() throws Exception {
        Path history = dir.resolve("h.csv");
        Files.copy(Path.of("..", "docs", "examples", "new-actuals-example.csv"), history);
        Path parent = dir.resolve("child.yaml");
        Files.writeString(parent, "extends: yiwu/baseline\ndrivers:\n  trade:\n    exportTrend: 0.02\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("child2.yaml"), "extends: child.yaml\n", StandardCharsets.UTF_8);
        Path f = dir.resolve("b.yaml");
        Files.writeString(f, """
                name: b
                runs:
                  - {scenario: yiwu/baseline, paths: 300, seed: 1, grid: {production.tfpGrowth: [0.01, 0.02]}}
                  - {scenario: %s, paths: 300, seed: 1}
                """.formatted(dir.resolve("child2.yaml")), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        String[] batch = {"batch", f.toString(), "--out", out.toString(), "--quiet", "--threads", "1", "--history", history.toString()};
        assertEquals(0, RunCommandTest.plansim(batch).code());
        String before = Files.readString(out.resolve("results.csv"));

        Files.writeString(history, Files.readString(history).replace("Yiwu,2021,gdp_nominal,1700,", "Yiwu,2021,gdp_nominal,1500,"));
        Files.delete(out.resolve("results.csv"));
        RunCommandTest.Result h = RunCommandTest.plansim(concat(batch, "--resume"));
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("(3 run now, 0 resumed; 3 re-run, changed: " + history + ")"), h.out());
        assertTrue(h.err().contains("changed: " + history), h.err());
        assertFalse(before.equals(Files.readString(out.resolve("results.csv"))), "the edited history changes the numbers");
        assertFreshRunGives(batch, out, "fresh-h");

        Files.writeString(parent, Files.readString(parent).replace("0.02", "0.06"));
        Files.delete(out.resolve("results.csv"));
        RunCommandTest.Result p = RunCommandTest.plansim(concat(batch, "--resume"));
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("(1 run now, 2 resumed; 1 re-run, changed: "), p.out());
        assertTrue(p.out().contains("child.yaml)"), p.out());
        assertFreshRunGives(batch, out, "fresh-p");

        RunCommandTest.Result a = RunCommandTest.plansim(concat(batch, "--resume", "--as-of", "2020"));
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("(3 run now, 0 resumed; 3 re-run, changed: asOf)"), a.out());
        assertFreshRunGives(concat(batch, "--as-of", "2020"), out, "fresh-a");

        com.fasterxml.jackson.databind.JsonNode log = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("run-log.json").toFile());
        assertEquals(sha256(history),
                log.path("historySha256").get(0).path("sha256").asText(), log.toPrettyString());
        com.fasterxml.jackson.databind.JsonNode inputs = log.path("runs").get(1).path("inputsSha256");
        assertEquals(java.util.List.of("child2.yaml", "child.yaml", "baseline.yaml", "targets.yaml", "history.csv", "region.yaml"),
                java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(inputs.fieldNames(), 0), false)
                        .map(n -> Path.of(n).getFileName().toString()).toList(), inputs.toPrettyString());
        assertEquals(sha256(parent), inputs.path(parent.toString()).asText(), inputs.toPrettyString());
    }

    /**
     * The engine code is part of each variant's definition, by the SHA-256 of its classes (EngineCode), not only by
     * the version string: variants a build with other code computed (here: the stored identity of another build,
     * as a rebuilt jar of the same version leaves it) run again with --resume, which says so, and the run log
     * records the code that computed the tables.
     */
    @Test
    void resumeRunsAgainWhatAnotherBuildOfTheEngineComputed() throws Exception {
        Path f = oneVariant(400, 2);
        Path out = dir.resolve("built");
        String[] batch = {"batch", f.toString(), "--out", out.toString(), "--quiet", "--threads", "1"};
        assertEquals(0, RunCommandTest.plansim(batch).code());
        String code = io.plansim.batch.EngineCode.id();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(code, json.readTree(out.resolve("run-log.json").toFile()).path("plansimCode").asText());
        Path variant = out.resolve("variants/r00-v00000.json");
        com.fasterxml.jackson.databind.node.ObjectNode stored = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(variant.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode definition = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored.path("definition").asText());
        assertEquals(code, definition.path("code").asText(), definition.toString());
        String before = Files.readString(out.resolve("results.csv"));

        // the same folder resumed by this build reuses the variant
        Files.delete(out.resolve("results.csv"));
        RunCommandTest.Result same = RunCommandTest.plansim(concat(batch, "--resume"));
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("(0 run now, 1 resumed)"), same.out());

        // computed by another build of the same version: run again, and the message says why
        String other = "sha256:" + "0123456789ab".repeat(5) + "0123";
        stored.put("definition", definition.put("code", other).toString());
        stored.set("stats", json.createArrayNode()); // what the other build computed is never published
        Files.writeString(variant, json.writeValueAsString(stored));
        Files.delete(out.resolve("results.csv"));
        RunCommandTest.Result r = RunCommandTest.plansim(concat(batch, "--resume"));
        assertEquals(0, r.code(), r.err());
        String why = "the engine code (sha256:0123456789ab\u2026 when computed, " + code.substring(0, 19) + "\u2026 now: another build of plansim)";
        assertTrue(r.out().contains("(1 run now, 0 resumed; 1 re-run, changed: " + why + ")"), r.out());
        assertTrue(r.err().contains("1 finished variants in " + out + " were computed for another definition (changed: " + why), r.err());
        assertEquals(before, Files.readString(out.resolve("results.csv")));

        // a variant file from before the code was recorded is run again too
        stored = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(variant.toFile());
        definition = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored.path("definition").asText());
        definition.remove("code");
        stored.put("definition", definition.toString());
        Files.writeString(variant, json.writeValueAsString(stored));
        Files.delete(out.resolve("results.csv"));
        RunCommandTest.Result old = RunCommandTest.plansim(concat(batch, "--resume"));
        assertEquals(0, old.code(), old.err());
        assertTrue(old.out().contains("changed: the engine code (not recorded when computed, " + code.substring(0, 19)), old.out());
        assertEquals(before, Files.readString(out.resolve("results.csv")));
    }

    /** The resumed folder's tables are those of a fresh run of the same command into {@code name}. */
    private void assertFreshRunGives(String[] batch, Path resumed, String name) throws Exception {
        String[] fresh = batch.clone();
        fresh[3] = dir.resolve(name).toString();
        assertEquals(0, RunCommandTest.plansim(fresh).code());
        for (String table : new String[] {"results.csv", "targets.csv"}) {
            assertEquals(Files.readString(dir.resolve(name).resolve(table)), Files.readString(resumed.resolve(table)), table);
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** results.csv's gdp_real 2030 p90 cell. */
    private static String gdpRealP90(String csv) {
        String[] lines = csv.split("\n");
        int p90 = java.util.Arrays.asList(lines[0].split(",")).indexOf("p90");
        int metric = java.util.Arrays.asList(lines[0].split(",")).indexOf("metric");
        int year = java.util.Arrays.asList(lines[0].split(",")).indexOf("year");
        for (String l : lines) {
            String[] c = l.split(",");
            if (c.length > p90 && c[metric].equals("gdp_real") && c[year].equals("2030")) {
                return c[p90];
            }
        }
        throw new AssertionError("no gdp_real 2030 row");
    }

    @Test
    void theSparkEngineMissingIsAnInputErrorThatSaysWhereItIs() throws Exception {
        RunCommandTest.Result r = RunCommandTest.plansim("batch", batchFile().toString(), "--engine", "spark", "--out", dir.resolve("s").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("spark/target/plansim-spark-local.jar"), r.err());
        assertFalse(Files.exists(dir.resolve("s")), "nothing written");
        RunCommandTest.Result m = RunCommandTest.plansim("batch", batchFile().toString(), "--master", "local[2]", "--out", dir.resolve("m").toString());
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("--master only with --engine spark"), m.err());
    }

    @Test
    void badBatchFilesAreLocated() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: x\nruns:\n  - scenario: yiwu/baseline\n    grid:\n      production.tfpGrowth: {from: 0.02, to: 0.01, step: 0.005}\n");
        RunCommandTest.Result r = RunCommandTest.plansim("batch", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:5:"), r.err());
        assertTrue(r.err().contains("a positive step and to >= from"), r.err());
    }

    @Test
    void aBatchKilledMidwayAndResumedGivesTheSameTables() throws Exception {
        Path file = batchFile();
        Path whole = dir.resolve("whole-k");
        Path parts = dir.resolve("parts-k");
        assertEquals(0, RunCommandTest.plansim("batch", file.toString(), "--out", whole.toString(), "--quiet").code());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "io.plansim.app.Main", "batch",
                file.toString(), "--out", parts.toString(), "--quiet", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("kill-log.txt").toFile()).start();
        Path variants = parts.resolve("variants");
        long deadline = System.nanoTime() + 120_000_000_000L;
        int done = 0;
        while (System.nanoTime() < deadline && p.isAlive() && done < 2) {
            if (Files.isDirectory(variants)) {
                try (var s = Files.list(variants)) {
                    done = (int) s.filter(x -> x.getFileName().toString().endsWith(".json")).count();
                }
            }
            Thread.sleep(5);
        }
        p.destroy(); // SIGTERM midway
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(done >= 2 && !Files.exists(parts.resolve("results.csv")), "killed midway: " + done + " variants done");
        RunCommandTest.Result rest = RunCommandTest.plansim("batch", file.toString(), "--out", parts.toString(), "--quiet", "--resume",
                "--format", "xlsx");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().contains("resumed)"), rest.out());
        for (String table : new String[] {"results.csv", "targets.csv", "results.jsonl"}) {
            assertEquals(Files.readString(whole.resolve(table)), Files.readString(parts.resolve(table)), table);
        }
    }
    /**
     * targets.csv holds what the README says it holds: a row for every target with a probability, the ones judged on an
     * actual included (met or missed, probability 1 or 0, the interval the same figure), none for a target that is
     * not evaluable. The README said the past targets had no row while the file listed them.
     */
    @Test
    void targetsCsvHoldsWhatTheReadmeSays() throws Exception {
        Path f = dir.resolve("one.yaml");
        Files.writeString(f, """
                name: one
                runs:
                  - scenario: yiwu/baseline
                    paths: 400
                    seed: 1
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("one");
        RunCommandTest.Result r = RunCommandTest.plansim("batch", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = Files.readAllLines(out.resolve("targets.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        int probability = header.indexOf("probability");
        int verdict = header.indexOf("verdict");
        int judgedOnActuals = 0;
        java.util.Set<String> verdicts = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            verdicts.add(c[verdict]);
            if (c[verdict].equals("met") || c[verdict].equals("missed")) {
                judgedOnActuals++;
                String p = c[verdict].equals("met") ? "1.0" : "0.0";
                assertEquals(java.util.List.of(p, p, p), java.util.List.of(c[probability], c[probability + 1], c[probability + 2]), line);
            }
        }
        assertTrue(judgedOnActuals > 0, "past targets judged on actuals have rows: " + verdicts);
        assertFalse(verdicts.contains("not evaluable"), verdicts.toString());
        // the targets command lists the ones batch leaves out
        RunCommandTest.Result targets = RunCommandTest.plansim("targets", "yiwu/baseline", "--central-only", "--format", "csv");
        assertEquals(0, targets.code(), targets.err());
        assertTrue(targets.out().contains("not evaluable"), "yiwu/baseline has targets that are not evaluable");

        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        int at = readme.indexOf("`batch-out/targets.csv`");
        String said = readme.substring(at, readme.indexOf("`run-log.json`", at));
        assertTrue(said.contains("`met` or `missed` and probability 1 or 0"), said);
        assertTrue(said.contains("not evaluable") && said.contains("no row"), said);
        assertFalse(said.contains("judged on actuals, or one that is not evaluable, has no probability and no row"), said);
    }
}
