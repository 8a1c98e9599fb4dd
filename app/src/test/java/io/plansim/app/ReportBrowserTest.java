package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: headless Chromium loads index.html from disk, every chart image
 * decodes (the page's own self-check writes the result into the DOM), nothing is logged to the console, and
 * the screenshot is not blank. Skipped only when /usr/bin/chromium is absent (.ci/run installs it).
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void pageRendersEveryChartWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM);
        Path report = dir.resolve("report");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "1000", "--out", report.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        int charts = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("charts").size();
        String url = report.resolve("index.html").toUri().toString();

        Run dom = chromium(dir, "dom", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", url);
        Matcher m = Pattern.compile("<span id=\"selfcheck\"([^>]*)>").matcher(dom.out());
        assertTrue(m.find(), "self-check marker in the DOM:\n" + tail(dom.out()));
        String attrs = m.group(1);
        assertTrue(attrs.contains("data-status=\"ok\""), "self-check: " + attrs);
        // the trust section's charts are drawn from the calibration file beside the report's chart files
        int trust = Pattern.compile("<figure id=\"chart-trust-").split(Files.readString(report.resolve("index.html")), -1).length - 1;
        assertTrue(attrs.contains("data-images=\"" + (charts + trust) + "\""), "images: " + attrs + ", charts: " + charts + " + " + trust);
        assertTrue(attrs.contains("data-broken=\"0\""), attrs);
        assertTrue(attrs.contains("data-errors=\"0\""), attrs);
        List<String> console = new ArrayList<>();
        for (String line : dom.err().split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        assertEquals(List.of(), console, "console messages");

        Path shot = dir.resolve("screenshot.png");
        Run s = chromium(dir, "shot", "--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars", url);
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "screenshot is a PNG: " + tail(s.err()));
        assertEquals(1280, img.getWidth());
        long nonWhite = 0;
        long coloured = ReportCommandTest.colouredPixels(img);
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 0.03 * img.getWidth() * img.getHeight() / 4, "screenshot nearly blank: " + nonWhite);
        assertTrue(coloured > 5000, "traffic lights visible: " + coloured + " coloured pixels");
    }

    record Run(int code, String out, String err) {
    }

    static Run chromium(Path dir, String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile-" + name)));
        cmd.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + tail(Files.readString(err)));
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, r.code(), "chromium exit code; stderr:\n" + tail(r.err()));
        return r;
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : "..." + s.substring(s.length() - 3000);
    }
}
