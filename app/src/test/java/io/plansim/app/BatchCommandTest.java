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
        RunCommandTest.Result rest = RunCommandTest.plansim("batch", file.toString(), "--out", parts.toString(), "--quiet", "--resume");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().contains("(5 run now, 4 resumed)"), rest.out());
        for (String table : new String[] {"results.csv", "targets.csv", "results.jsonl"}) {
            assertEquals(Files.readString(whole.resolve(table)), Files.readString(parts.resolve(table)), table);
        }
        String failed = Files.readString(whole.resolve("run-log.json"));
        assertTrue(failed.contains("population.netMigration"), "the bad variant fails alone with its message");
        assertTrue(failed.contains("batchSha256"));
        String csv = Files.readString(whole.resolve("results.csv"));
        assertTrue(csv.startsWith("variant,scenario,production.tfpGrowth,trade.exportTrend,population.netMigration,metric,year,mean,sd,p05"), csv.substring(0, 120));
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
        RunCommandTest.Result rest = RunCommandTest.plansim("batch", file.toString(), "--out", parts.toString(), "--quiet", "--resume");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().contains("resumed)"), rest.out());
        for (String table : new String[] {"results.csv", "targets.csv", "results.jsonl"}) {
            assertEquals(Files.readString(whole.resolve(table)), Files.readString(parts.resolve(table)), table);
        }
    }
}
