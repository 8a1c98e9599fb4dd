package io.plansim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prints a report page to PDF (A4, the page's print stylesheet with its running header) through headless
 * Chromium, when one is installed: plansim ships no browser.
 */
public final class PdfPrinter {
    /** Browser commands looked for on the PATH, in order. */
    public static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final long TIMEOUT_SECONDS = 180;

    private PdfPrinter() {
    }

    /** The first Chromium on the PATH, if any. */
    public static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : BROWSERS) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Prints {@code html} to {@code pdf}; a failure names the browser's last words. */
    public static void print(Path browser, Path html, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("plansim-pdf-");
        try {
            List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--virtual-time-budget=10000",
                    "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("log.txt").toFile()).start();
            boolean done;
            try {
                done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while printing the PDF", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException(browser + " did not print " + html.getFileName() + " within " + TIMEOUT_SECONDS + " s");
            }
            if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                String log = Files.readString(profile.resolve("log.txt"));
                throw new IOException(browser + " wrote no PDF (exit code " + p.exitValue() + "): "
                        + log.substring(Math.max(0, log.length() - 600)).strip());
            }
        } finally {
            try (var all = Files.walk(profile)) {
                for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            } catch (IOException e) {
                // a temporary browser profile: best effort
            }
        }
    }
}
