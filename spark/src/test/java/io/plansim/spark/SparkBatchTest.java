package io.plansim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine against the local one on a batch of 55 variants (one with a bad override): the same tables
 * byte for byte, the same rows in Parquet, with a task failed on purpose (retried), and with a job aborted
 * midway and resumed. One Spark session serves every test (2 cores; up to 4 attempts per task, so that a task
 * failed on purpose is retried: in local mode that is the master's second number, local[2,4]).
 */
class SparkBatchTest {
    private static final String[] TABLES = {"results.csv", "results.jsonl", "targets.csv"};
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path batch;
    static Path local;
    static Path small;
    static Path smallLocal;

    @BeforeAll
    static void localBatchAndSession() throws Exception {
        spark = SparkSession.builder().master("local[2,4]").appName("plansim-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        batch = dir.resolve("grid.yaml");
        // 9 x 3 + 1 variants of the baseline (the last one's override is out of range: it fails alone),
        // 9 x 3 of the trade shock with common random numbers: 55 variants of 100 paths
        Files.writeString(batch, """
                name: spark-grid
                runs:
                  - scenario: yiwu/baseline
                    paths: 100
                    seed: 11
                    seedPolicy: derived
                    grid:
                      production.tfpGrowth: {from: 0.005, to: 0.025, step: 0.0025}
                      trade.exportTrend: [0.0, 0.02, 0.04]
                    variants:
                      - {population.netMigration: 8}
                  - scenario: yiwu/trade-shock
                    paths: 100
                    seed: 5
                    grid:
                      production.tfpGrowth: {from: 0.005, to: 0.025, step: 0.0025}
                      prices.deflatorGrowth: [0.01, 0.015, 0.02]
                """, StandardCharsets.UTF_8);
        local = dir.resolve("local");
        Result r = plansim("batch", batch.toString(), "--out", local.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("55 variants (55 run now, 0 resumed), 1 failed"), r.out);
        // a retried task and an aborted job need fewer variants to show: 2 x 3 + 1
        small = dir.resolve("small.yaml");
        Files.writeString(small, """
                name: spark-small
                runs:
                  - scenario: yiwu/baseline
                    paths: 100
                    seed: 11
                    seedPolicy: derived
                    grid:
                      production.tfpGrowth: [0.01, 0.02]
                      trade.exportTrend: [0.0, 0.02, 0.04]
                    variants:
                      - {population.netMigration: 8}
                """, StandardCharsets.UTF_8);
        smallLocal = dir.resolve("small-local");
        Result s = plansim("batch", small.toString(), "--out", smallLocal.toString(), "--quiet", "--threads", "2");
        assertEquals(0, s.code, s.err);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    record Result(int code, String out, String err) {
    }

    static Result plansim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertSameTables(Path a, Path b) throws Exception {
        for (String t : TABLES) {
            assertEquals(Files.readString(a.resolve(t)), Files.readString(b.resolve(t)), t);
        }
    }

    @Test
    void sparkWritesTheLocalTablesRowForRowAndTheSameRowsAsParquet() throws Exception {
        Path out = dir.resolve("spark");
        Result r = plansim("batch", batch.toString(), "--engine", "spark", "--master", "local[2]", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("55 variants (55 run now, 0 resumed), 1 failed"), r.out);
        assertSameTables(local, out);
        String log = Files.readString(out.resolve("run-log.json"));
        assertTrue(log.contains("\"status\" : \"failed\"") && log.contains("population.netMigration"), "the bad variant fails alone with its message");

        // every results row is in Parquet with the same numbers, partitioned by scenario and metric
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int metric = header.indexOf("metric"); // after the override columns
        int year = header.indexOf("year");
        Map<String, String[]> byKey = new HashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",");
            byKey.put(c[0] + "|" + c[metric] + "|" + c[year], c); // variant | metric | year
        }
        List<Row> rows = spark.read().parquet(out.resolve("parquet").toString()).collectAsList();
        assertEquals(csv.size() - 1, rows.size());
        for (Row row : rows) {
            String[] c = byKey.get(row.getAs("variant") + "|" + row.getAs("metric") + "|" + row.getAs("year"));
            assertEquals(c[1], row.getAs("scenario"));
            assertEquals(c[header.indexOf("unit")], row.getAs("unit"));
            assertEquals(c[header.indexOf("basis")], row.getAs("basis"));
            assertEquals(Double.parseDouble(c[header.indexOf("mean")]), (double) row.getAs("mean"));
            assertEquals(Double.parseDouble(c[header.indexOf("p95")]), (double) row.getAs("p95"));
        }
        try (Stream<Path> parts = Files.list(out.resolve("parquet"))) {
            assertEquals(List.of("scenario=yiwu%2Fbaseline", "scenario=yiwu%2Ftrade-shock"),
                    parts.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("scenario=")).sorted().toList());
        }
        assertTrue(Files.isDirectory(out.resolve("parquet/scenario=yiwu%2Fbaseline/metric=gdp_nominal")));
    }

    @Test
    void aTaskFailedOnPurposeIsRetriedWithTheSameRows() throws Exception {
        Path out = dir.resolve("retried");
        int before = SparkBatchJob.HOOK_FAILURES.get();
        System.setProperty("plansim.spark.failAttempts", "r00-v00003:2");
        try {
            Result r = plansim("batch", small.toString(), "--engine", "spark", "--out", out.toString(), "--quiet");
            assertEquals(0, r.code, r.err);
        } finally {
            System.clearProperty("plansim.spark.failAttempts");
        }
        assertEquals(2, SparkBatchJob.HOOK_FAILURES.get() - before, "the task failed twice before it ran");
        assertSameTables(smallLocal, out);
    }

    @Test
    void aJobAbortedMidwayAndResumedGivesTheSameTables() throws Exception {
        Path out = dir.resolve("aborted");
        // fails every attempt: the job aborts. Two task slots take the variants in order, so r00-v00005 starts
        // only after four others have finished and written their files
        System.setProperty("plansim.spark.failAttempts", "r00-v00005:100");
        try {
            Result r = plansim("batch", small.toString(), "--engine", "spark", "--out", out.toString(), "--quiet");
            assertEquals(1, r.code, r.out + r.err);
        } finally {
            System.clearProperty("plansim.spark.failAttempts");
        }
        assertFalse(Files.exists(out.resolve("results.csv")), "an aborted batch leaves no result table");
        assertFalse(Files.exists(out.resolve("variants/r00-v00005.json")));
        Result rest = plansim("batch", small.toString(), "--engine", "spark", "--out", out.toString(), "--quiet", "--resume");
        assertEquals(0, rest.code, rest.err);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) run now, (\\d+) resumed\\)").matcher(rest.out);
        assertTrue(m.find(), rest.out);
        assertTrue(Integer.parseInt(m.group(2)) >= 4 && Integer.parseInt(m.group(1)) < 7, "the finished variants were kept: " + rest.out);
        assertSameTables(smallLocal, out);
    }
}
