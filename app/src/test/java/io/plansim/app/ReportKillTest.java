package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report run killed while it writes leaves no report folder and no partial folder behind. */
class ReportKillTest {
    @TempDir
    Path dir;

    @Test
    void killedMidwayLeavesNothing() throws Exception {
        Path out = dir.resolve("report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "io.plansim.app.Main", "report", "yiwu/baseline", "yiwu/low-growth", "--paths", "3000", "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        boolean sawPartial = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.anyMatch(x -> x.getFileName().toString().startsWith(".report.partial-"))) {
                    sawPartial = true;
                    break;
                }
            }
            Thread.sleep(5);
        }
        p.destroy(); // SIGTERM, as a kill or a closed terminal sends
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends");
        assertTrue(sawPartial, "the run was caught while writing: " + Files.readString(dir.resolve("log.txt")));
        try (Stream<Path> left = Files.list(dir)) {
            List<String> names = left.map(x -> x.getFileName().toString()).filter(n -> !n.equals("log.txt")).toList();
            assertEquals(List.of(), names, "nothing left that looks like a report");
        }
        assertTrue(!new File(out.toString()).exists());
    }
}
