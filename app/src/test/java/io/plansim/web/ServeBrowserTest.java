package io.plansim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The what-if page in a real browser (Debian's chromium and chromium-driver, headless): it loads a state from
 * its link, a slider and a per-period slider move the targets table and the charts, the downloaded YAML run by
 * the command line ({@code plansim targets FILE}, through Main) gives the probabilities the page shows, the
 * Excel download reopens with POI with the same probabilities, "what would it take" and the tornado answer as
 * {@code plansim solve} and {@code plansim sensitivity} do on that file (to the 12 significant digits the API
 * writes), the link reopens the same state, and
 * the Chinese page draws every character. In the app module, which has both the server and the command line.
 * Skipped only when /usr/bin/chromedriver is absent (.ci/run installs it). Writes app/target/serve-page.png.
 */
class ServeBrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final long PATHS = 2000;
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
    static WebServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), "no " + CHROMEDRIVER);
        // the test uses WebDriver only; Selenium's note that it has no DevTools binding for this Chromium is noise
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        server = WebServer.start("127.0.0.1", 0, Limits.defaults());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1700", "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String url(String query) {
        return "http://127.0.0.1:" + server.port() + "/" + query;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Waits until the page finished run number {@code runs} (data-runs on the body) and is not busy. */
    private static void awaitRuns(int runs) {
        until(120, () -> ((Number) js("return document.body.dataset.busy === 'false' ? Number(document.body.dataset.runs || 0) : -1;"))
                .intValue() >= runs, "run " + runs);
    }

    /** Polls {@code done} until it holds, failing after {@code seconds} (the machine may be busy: generous). */
    private static void until(int seconds, java.util.function.BooleanSupplier done, String what) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; status: " + js(
                        "return document.getElementById('status').textContent + ' | ' + document.getElementById('error').textContent;"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> probabilities() {
        return (Map<String, String>) js("const m = {}; document.querySelectorAll('#targets tbody tr').forEach(r => m[r.dataset.id] = r.dataset.probability); return m;");
    }

    private static String gdpMedian() {
        return (String) js("const c = echarts.getInstanceByDom(document.querySelector('#area-gdp .chart'));"
                + "return JSON.stringify(c.getOption().series[4].data);");
    }

    /** A number of the command line's as the page's API writes it: to 12 significant digits, without float noise. */
    private static double shown(double x) {
        return io.plansim.tables.Format.noiseFree(x);
    }

    /** {@code plansim ARGS} in-process, its standard output (exit code 0 asserted). */
    private static String plansim(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.plansim.app.Main.execute(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }

    @Test
    void aSliderMovesTheTableAndChartsAndTheDownloadsRerunOnTheCommandLine(@TempDir Path dir) throws Exception {
        browser.get(url("?scenario=yiwu/trade-shock&paths=" + PATHS + "&seed=1&lang=en"));
        awaitRuns(1);
        Map<String, String> before = probabilities();
        assertTrue(before.size() > 5, "targets shown: " + before);
        // the target column words each target whole, as every output does (it showed "1,000 亿元" for both)
        for (String[] t : new String[][] {{"yiwu14.imports.2025.a", "about 1000 (±20) 亿元"}, {"yiwu14.imports.2025.b", "> 1000 亿元"},
                {"yiwu13.exports_usd.2020.growth", "growth 2015-2020 >= 10 %/yr"}}) {
            assertEquals(t[1], js("return document.querySelector(\"#targets tbody tr[data-id='" + t[0] + "'] td:nth-child(4)\").textContent;"), t[0]);
        }
        String medianBefore = gdpMedian();

        WebElement slider = browser.findElement(By.cssSelector(".driver[data-path='trade.exportTrend'] input[type=range]"));
        slider.sendKeys(Keys.END); // the top of the allowed range, 0.5 a year
        awaitRuns(2);
        Map<String, String> after = probabilities();
        assertEquals(before.keySet(), after.keySet());
        assertNotEquals(before, after, "P(met) moves with exports growing 50% a year beyond world demand");
        Number changed = (Number) js("return [...document.querySelectorAll('#targets tbody tr')].filter(r => Number(r.dataset.change) !== 0).length;");
        assertTrue(changed.intValue() > 0, "the change column shows the move");
        assertNotEquals(medianBefore, gdpMedian(), "the GDP fan chart's median moved");
        String ghost = (String) js("return JSON.stringify(echarts.getInstanceByDom(document.querySelector('#area-gdp .chart')).getOption().series[5].data);");
        assertEquals(medianBefore, ghost, "the unmodified scenario stays as the ghost line");

        // trade-shock states world demand by periods: one slider per period, the 2026-2027 slump lifted to 0
        WebElement period = browser.findElement(By.cssSelector(".driver[data-path='trade.worldDemandGrowth[2026-2027]'] input[type=number]"));
        period.clear();
        period.sendKeys("0", Keys.TAB);
        awaitRuns(3);
        after = probabilities();

        browser.findElement(By.id("download")).click();
        until(60, () -> !((String) js("return document.getElementById('yaml').textContent;")).isEmpty(), "the YAML");
        String yaml = (String) js("return document.getElementById('yaml').textContent;");
        assertTrue(yaml.contains("extends: yiwu/trade-shock") && yaml.contains("exportTrend: 0.5")
                && yaml.contains("\"2026-2027\": 0.0"), yaml);
        Path file = dir.resolve("whatif.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        // the file run by the command line: plansim targets whatif.yaml --paths 2000 --seed 1
        com.fasterxml.jackson.databind.JsonNode cli = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                plansim("targets", file.toString(), "--paths", String.valueOf(PATHS), "--seed", "1", "--quiet", "--format", "json"));
        assertEquals(after.size(), cli.get("targets").size());
        for (com.fasterxml.jackson.databind.JsonNode t : cli.get("targets")) {
            String shown = after.get(t.get("id").asText());
            if (t.get("probability") == null || t.get("probability").isNull()) {
                assertEquals("", shown, t.get("id").asText());
            } else {
                assertEquals(shown(t.get("probability").asDouble()), Double.parseDouble(shown), 0.0, t.get("id").asText());
            }
        }

        // Download Excel: the page's blob, reopened with POI, has the probabilities the page shows
        js("window.blobs = []; const make = URL.createObjectURL; URL.createObjectURL = b => { window.blobs.push(b); return make(b); };");
        browser.findElement(By.id("xlsx")).click();
        until(120, () -> ((Number) js("return window.blobs.length;")).intValue() > 0, "the workbook");
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const r = new FileReader();"
                        + "r.onload = () => done(r.result.split(',')[1]); r.readAsDataURL(window.blobs[0]);");
        try (org.apache.poi.ss.usermodel.Workbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("targets");
            java.util.List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int id = header.indexOf("id");
            int p = header.indexOf("probability");
            assertEquals(after.size(), sheet.getLastRowNum());
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                var cells = sheet.getRow(row);
                String shown = after.get(cells.getCell(id).getStringCellValue());
                var cell = cells.getCell(p);
                if (shown.isEmpty()) {
                    assertTrue(cell == null, cells.getCell(id).getStringCellValue());
                } else {
                    assertEquals(Double.parseDouble(shown), shown(cell.getNumericCellValue()), 0.0, cells.getCell(id).getStringCellValue());
                }
            }
        }

        // what would it take, on the central path: as plansim solve on the downloaded file
        String target = "yiwu2035.gdp_nominal.2035";
        js("document.getElementById('solve-box').open = true; document.getElementById('tornado-box').open = true;"
                + "document.getElementById('solve-target').value = arguments[0]; document.getElementById('tornado-output').value = arguments[0];"
                + "document.getElementById('solve-driver').value = 'production.tfpGrowth';", target);
        assertEquals(target, js("return document.getElementById('solve-target').value;"), "the target is offered");
        browser.findElement(By.id("solve-p")).clear();
        browser.findElement(By.id("solve")).click();
        until(120, () -> !"".equals(js("return document.getElementById('solve-result').dataset.value || '';")), "the solver");
        com.fasterxml.jackson.databind.JsonNode solved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plansim("solve",
                file.toString(), "--target", target, "--driver", "production.tfpGrowth", "--format", "json")).get("results").get(0);
        assertEquals(shown(solved.get("value").asDouble()), Double.parseDouble((String) js("return document.getElementById('solve-result').dataset.value;")), 0.0);

        // and on a share of the paths: the page's paths and seed, the calibrated distribution the page shows, as plansim
        // solve --probability on the file (the page's solver searched the raw distribution until session 9)
        js("document.getElementById('solve-result').dataset.value = ''; document.getElementById('solve-p').value = '0.8';");
        browser.findElement(By.id("solve")).click();
        until(120, () -> !"".equals(js("return document.getElementById('solve-result').dataset.value || '';")), "the probability solver");
        com.fasterxml.jackson.databind.JsonNode share = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plansim("solve",
                file.toString(), "--target", target, "--driver", "production.tfpGrowth", "--probability", "0.8", "--paths",
                String.valueOf(PATHS), "--seed", "1", "--format", "json")).get("results").get(0);
        assertTrue(share.get("found").asBoolean(), share.toString());
        assertEquals(shown(share.get("value").asDouble()), Double.parseDouble((String) js("return document.getElementById('solve-result').dataset.value;")), 0.0);

        // the tornado of that target: the bars of plansim sensitivity on the file
        browser.findElement(By.id("tornado")).click();
        until(120, () -> js("return window.plansim.tornado ? 1 : null;") != null, "the tornado");
        com.fasterxml.jackson.databind.JsonNode bars = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plansim("sensitivity",
                file.toString(), "--output", target, "--format", "json")).get("parameters");
        assertTrue(bars.size() > 3, bars.toString());
        com.fasterxml.jackson.databind.JsonNode page = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree((String) js("return JSON.stringify(window.plansim.tornado.bars);"));
        assertEquals(bars.size(), page.size());
        for (int i = 0; i < bars.size(); i++) {
            // one layout: the page's bars have sensitivity's fields, with its numbers (JSON.stringify writes 0.0 as 0)
            java.util.List<String> fields = new java.util.ArrayList<>();
            bars.get(i).fieldNames().forEachRemaining(fields::add);
            java.util.List<String> pageFields = new java.util.ArrayList<>();
            page.get(i).fieldNames().forEachRemaining(pageFields::add);
            assertEquals(fields, pageFields);
            assertEquals(bars.get(i).get("parameter").asText(), page.get(i).get("parameter").asText());
            for (String f : fields.subList(1, fields.size())) {
                assertEquals(shown(bars.get(i).get(f).asDouble()), page.get(i).get(f).asDouble(), 0.0, i + " " + f);
            }
        }
        assertEquals(String.valueOf(bars.size()), js("return document.getElementById('tornado-chart').dataset.bars;"), "every bar drawn");

        // the screenshot (README): the moved state with the solver's answer and the tornado open
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path png = Path.of("target", "serve-page.png");
        Files.createDirectories(png.getParent());
        Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(png) > 20_000, "a screenshot with content: " + Files.size(png) + " bytes");

        String link = browser.findElement(By.id("link")).getAttribute("href");
        assertTrue(link.contains("set=trade.exportTrend%3D0.5") && link.contains("seed=1") && link.contains("v="), link);
        assertTrue(link.contains("set=trade.worldDemandGrowth%5B2026-2027%5D%3D0"), link);
        browser.get(link);
        awaitRuns(1);
        assertEquals(after, probabilities(), "the link reopens the same state");

    }

    @Test
    @SuppressWarnings("unchecked")
    void theChinesePageDrawsEveryCharacter() {
        browser.get(url("?scenario=yiwu/baseline&paths=500&lang=zh"));
        awaitRuns(1);
        assertEquals("zh-CN", js("return document.documentElement.lang;"));
        String text = (String) js("return document.body.innerText;");
        assertTrue(text.contains("达成概率") && text.contains("规划目标"), "Chinese labels shown");
        // a character without a glyph is drawn as the font's .notdef box, like an unassigned code point
        Map<String, Object> r = (Map<String, Object>) js(
                "const chars = [...new Set([...document.body.innerText].filter(c => /[\\u3000-\\u9fff\\uff00-\\uffef]/.test(c)))];"
                        + "const font = getComputedStyle(document.body).fontFamily;"
                        + "const cv = document.createElement('canvas'); cv.width = 48; cv.height = 48;"
                        + "const g = cv.getContext('2d', {willReadFrequently: true});"
                        + "const draw = c => { g.clearRect(0, 0, 48, 48); g.font = '32px ' + font; g.fillText(c, 4, 38);"
                        + "  return Array.from(g.getImageData(0, 0, 48, 48).data).join(','); };"
                        + "const blank = draw(' '); const notdef = draw('\\u0378');"
                        + "const missing = chars.filter(c => { const d = draw(c); return d === notdef || d === blank; });"
                        + "return {count: chars.length, missing: missing.join(''), probe: draw('\\u0378') === notdef};");
        assertTrue(((Number) r.get("count")).intValue() > 30, "distinct Chinese characters on the page: " + r.get("count"));
        assertEquals(Boolean.TRUE, r.get("probe"));
        assertEquals("", r.get("missing"), "characters drawn without a glyph");
    }
}
