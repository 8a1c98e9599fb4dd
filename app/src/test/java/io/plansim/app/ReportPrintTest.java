package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default report on paper and on a phone, in headless Chromium: {@code --pdf} prints it to at most 30 A4
 * pages; at the printable width of A4 (184 mm = 695 CSS px, the print stylesheet's page less its margins) and
 * at a 420 px phone no table cell is narrower than 4 characters (the width of "0" in the cell's font) and the
 * page body does not run off the side (wide tables scroll inside their own box). The page's self-check script
 * measures both and writes them into the DOM. Skipped only when /usr/bin/chromium is absent (.ci/run installs it).
 */
class ReportPrintTest {
    static final int MAX_PAGES = 30;
    /** (210 mm - 2 x 13 mm margins) at 96 CSS px per inch. */
    static final int A4_PRINTABLE_PX = 695;
    static final int PHONE_PX = 420;

    @Test
    void defaultReportFitsA4AndAPhone(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(ReportBrowserTest.CHROMIUM), "no " + ReportBrowserTest.CHROMIUM);
        Path report = dir.resolve("report");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "--paths", "1000", "--out", report.toString(), "--quiet", "--pdf");
        assertEquals(0, r.code(), r.err());

        byte[] pdf = Files.readAllBytes(report.resolve(ReportCommand.PDF));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF");
        int pages = count(Pattern.compile("/Type\\s*/Page[^s]"), text);
        assertTrue(pages >= 2 && pages <= MAX_PAGES, "pages: " + pages);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)\\s*\\]").matcher(text);
        assertTrue(box.find(), "a media box");
        assertEquals(595.3, Double.parseDouble(box.group(1)), 1.0, "A4 width in points");
        assertEquals(841.9, Double.parseDouble(box.group(2)), 1.0, "A4 height in points");

        for (int width : new int[] {A4_PRINTABLE_PX, PHONE_PX}) {
            for (String page : List.of("index.html", "appendix.html")) {
                Map<String, String> check = selfCheck(dir, "w" + width + "-" + page, width, report.resolve(page));
                assertEquals("ok", check.get("data-status"), page + " at " + width + " px: " + check);
                assertTrue(Integer.parseInt(check.get("data-cells")) > 100, check.toString());
                assertTrue(Double.parseDouble(check.get("data-narrowest-cell")) >= 4.0,
                        page + " at " + width + " px: a cell narrower than 4 characters: " + check);
                assertEquals("0", check.get("data-overflow"), page + " at " + width + " px runs off the side: " + check);
            }
        }

        Path shot = dir.resolve("phone.png");
        ReportBrowserTest.chromium(dir, "phone-shot", "--screenshot=" + shot, "--window-size=" + PHONE_PX + ",1600", "--hide-scrollbars",
                report.resolve("index.html").toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "a phone screenshot");
        assertEquals(PHONE_PX, img.getWidth());
        assertTrue(ReportCommandTest.colouredPixels(img) > 2000, "traffic lights on the phone's first screen");
    }

    /** The self-check marker's attributes after the page loaded in a window {@code width} px wide. */
    static Map<String, String> selfCheck(Path dir, String name, int width, Path page) throws Exception {
        ReportBrowserTest.Run dom = ReportBrowserTest.chromium(dir, name, "--window-size=" + width + ",900", "--virtual-time-budget=10000",
                "--dump-dom", page.toUri().toString());
        Matcher m = Pattern.compile("<span id=\"selfcheck\"([^>]*)>").matcher(dom.out());
        assertTrue(m.find(), "self-check marker in " + page);
        Map<String, String> out = new HashMap<>();
        Matcher a = Pattern.compile("(data-[a-z-]+)=\"([^\"]*)\"").matcher(m.group(1));
        while (a.find()) {
            out.put(a.group(1), a.group(2));
        }
        return out;
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
