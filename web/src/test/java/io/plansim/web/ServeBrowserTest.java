package io.plansim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plansim.runner.McOptions;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
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
 * its link, a slider moves the targets table and the charts, the downloaded YAML reruns from a file to the
 * probabilities the page shows, the link reopens the same state, and the Chinese page draws every character.
 * Skipped only when /usr/bin/chromedriver is absent (.ci/run installs it). Writes web/target/serve-page.png.
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

    @Test
    void aSliderMovesTheTableAndChartsAndTheDownloadRerunsToTheSameNumbers(@TempDir Path dir) throws Exception {
        browser.get(url("?scenario=yiwu/baseline&paths=" + PATHS + "&seed=1&lang=en"));
        awaitRuns(1);
        Map<String, String> before = probabilities();
        assertTrue(before.size() > 5, "targets shown: " + before);
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

        browser.findElement(By.id("download")).click();
        until(60, () -> !((String) js("return document.getElementById('yaml').textContent;")).isEmpty(), "the YAML");
        String yaml = (String) js("return document.getElementById('yaml').textContent;");
        assertTrue(yaml.contains("extends: yiwu/baseline") && yaml.contains("exportTrend: 0.5"), yaml);
        Path file = dir.resolve("whatif.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        // the file as `plansim mc whatif.yaml --paths 2000 --seed 1` reads it: from disk, extending the built-in
        Forecasts.Simulation rerun = Forecasts.onClasspath().simulate(
                Forecasts.Request.of(new ScenarioSource.File(file)), McOptions.of(PATHS, 1), null);
        for (var v : rerun.verdicts()) {
            String shown = after.get(v.target().id());
            if (Double.isNaN(v.probability())) {
                assertEquals("", shown, v.target().id());
            } else {
                assertEquals(v.probability(), Double.parseDouble(shown), 0.0, v.target().id());
            }
        }

        String link = browser.findElement(By.id("link")).getAttribute("href");
        assertTrue(link.contains("set=trade.exportTrend%3D0.5") && link.contains("seed=1") && link.contains("v="), link);
        browser.get(link);
        awaitRuns(1);
        assertEquals(after, probabilities(), "the link reopens the same state");

        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "serve-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 20_000, "a screenshot with content: " + Files.size(target) + " bytes");
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
