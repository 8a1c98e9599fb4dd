package io.plansim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plansim.runner.McOptions;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import io.plansim.verdict.TargetVerdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON API on a real server in-process: its numbers are the forecast service's, to the 12 significant digits
 * the API writes (0.21, not the 0.21000000000000002 of 0.2 + 0.01).
 */
class WebApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Forecasts SERVICE = Forecasts.onClasspath();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.start("127.0.0.1", 0, Limits.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Reply call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    static Reply post(String path, String body) throws Exception {
        return call(server.port(), "POST", path, body);
    }

    /** A number of the service as the API writes it. */
    static double shown(double x) {
        return io.plansim.tables.Format.noiseFree(x);
    }

    @Test
    void aForecastIsTheServicesForecastWithItsChangeAgainstTheUnmodifiedScenario() throws Exception {
        Reply r = post("/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\"trade.exportTrend=-0.03\"],\"paths\":2000,\"seed\":7}");
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        McOptions o = McOptions.of(2000, 7);
        Forecasts.Request req = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"), "trade.exportTrend=-0.03");
        Forecasts.Simulation s = SERVICE.simulate(req, o, null);
        Forecasts.Simulation base = SERVICE.simulate(req.withoutOverrides(), o, null);
        Map<String, Double> baseP = new HashMap<>();
        base.verdicts().forEach(v -> baseP.put(v.target().id(), v.probability()));
        assertEquals(s.verdicts().size(), j.get("targets").size());
        boolean moved = false;
        for (int i = 0; i < s.verdicts().size(); i++) {
            TargetVerdict v = s.verdicts().get(i);
            JsonNode t = j.get("targets").get(i);
            assertEquals(v.target().id(), t.get("id").asText());
            assertEquals(v.verdict().name().toLowerCase(), t.get("verdict").asText());
            if (Double.isNaN(v.probability())) {
                assertTrue(t.get("probability").isNull());
                continue;
            }
            assertEquals(shown(v.probability()), t.get("probability").asDouble(), 0.0, v.target().id());
            assertEquals(shown(baseP.get(v.target().id())), t.get("baselineProbability").asDouble(), 0.0);
            assertEquals(shown(v.probability() - baseP.get(v.target().id())), t.get("change").asDouble(), 0.0);
            moved |= t.get("change").asDouble() != 0;
        }
        assertTrue(moved, "exports 3 points a year weaker move some target's probability");
        JsonNode gdp = j.get("areas").get("gdp").get(0);
        assertEquals("gdp_nominal", gdp.get("id").asText());
        assertEquals("亿元", gdp.get("unit").asText());
        int v = s.mc().variableIndex("gdp_nominal");
        int t2025 = 2025 - s.mc().years()[0];
        assertEquals(shown(s.mc().quantile(v, t2025, 0.05)), gdp.get("percentiles").get("p05").get(t2025).asDouble(), 0.0);
        assertEquals(shown(s.mc().quantile(v, t2025, 0.95)), gdp.get("percentiles").get("p95").get(t2025).asDouble(), 0.0);
        assertEquals(shown(base.mc().quantile(v, t2025, 0.5)), gdp.get("baseline").get(t2025).asDouble(), 0.0);
        assertTrue(gdp.get("actuals").size() > 0, "the history's actuals come with the series");
        for (String area : ForecastJson.areas(s.scenario()).keySet()) {
            assertTrue(j.get("areas").get(area).size() > 0, area);
        }
    }

    @Test
    void theUnmodifiedScenarioHasNoChangeAndTheDownloadedYamlRerunsToTheSameNumbers() throws Exception {
        JsonNode plain = post("/api/forecast", "{\"scenario\":\"yiwu/plan\",\"paths\":1000}").json();
        for (JsonNode t : plain.get("targets")) {
            if (!t.get("change").isNull()) {
                assertEquals(0.0, t.get("change").asDouble(), 0.0, t.get("id").asText());
            }
        }
        String state = "{\"scenario\":\"yiwu/plan\",\"overrides\":[\"energy.intensityDecline=0.05\"]";
        Reply yaml = post("/api/yaml", state + "}");
        assertEquals(200, yaml.status(), yaml.body());
        assertTrue(yaml.body().contains("extends: yiwu/plan"), yaml.body());
        JsonNode viaPage = post("/api/forecast", state + ",\"paths\":1000}").json();
        Forecasts.Simulation viaFile = SERVICE.simulate(Forecasts.Request.of(ScenarioSource.text("x.yaml", yaml.body())), McOptions.of(1000, 1), null);
        for (int i = 0; i < viaFile.verdicts().size(); i++) {
            double p = viaFile.verdicts().get(i).probability();
            JsonNode q = viaPage.get("targets").get(i).get("probability");
            assertEquals(Double.isNaN(p), q.isNull());
            if (!q.isNull()) {
                assertEquals(shown(p), q.asDouble(), 0.0);
            }
        }
        JsonNode uploaded = post("/api/forecast", JSON.createObjectNode().put("yaml", yaml.body()).put("name", "义乌 情景(1).yaml").put("paths", 1000).toString()).json();
        assertEquals(viaPage.get("targets"), withoutChange(uploaded.get("targets"), viaPage.get("targets")));
    }

    /** The upload's own targets with the change column of the other reply (an upload is its own unmodified scenario). */
    private static JsonNode withoutChange(JsonNode upload, JsonNode page) {
        JsonNode copy = upload.deepCopy();
        for (int i = 0; i < copy.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get(i)).set("change", page.get(i).get("change"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get(i)).set("baselineProbability", page.get(i).get("baselineProbability"));
        }
        return copy;
    }

    @Test
    void theDriverTableShowsUnitsRangesAndTheScenariosValues() throws Exception {
        JsonNode d = post("/api/drivers", "{\"scenario\":\"yiwu/high-growth\",\"overrides\":[\"trade.exportTrend=0.01\"]}").json();
        JsonNode export = null;
        for (JsonNode x : d.get("drivers")) {
            if (x.get("path").asText().equals("trade.exportTrend")) {
                export = x;
            }
        }
        assertEquals(0.04, export.get("scenarioValue").asDouble(), 0.0, "high-growth.yaml: exportTrend: 0.04");
        assertEquals(0.01, export.get("value").asDouble(), 0.0);
        assertEquals(-0.5, export.get("min").asDouble(), 0.0);
        assertEquals("1/yr", export.get("unit").asText());
        // only the drivers the scenario's model reads: a realGrowth control on a Solow scenario would be refused
        assertFalse(d.toString().contains("production.realGrowth"), d.toString());
        assertTrue(d.toString().contains("production.tfpGrowth"), d.toString());
        JsonNode plan = post("/api/drivers", "{\"scenario\":\"yiwu/plan\"}").json();
        assertFalse(plan.toString().contains("production.tfpGrowth"), plan.toString());
        assertTrue(plan.toString().contains("production.realGrowth"), plan.toString());
        Reply scenarios = call(server.port(), "GET", "/api/scenarios", null);
        assertTrue(scenarios.body().contains("jinhua/baseline"));
        Reply page = call(server.port(), "GET", "/", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/webjars/echarts/5.5.0/echarts.min.js"));
        Reply echarts = call(server.port(), "GET", "/webjars/echarts/5.5.0/echarts.min.js", null);
        assertEquals(200, echarts.status());
        assertFalse(echarts.body().isEmpty());
    }

    /**
     * A period's override ("group.name[Y1-Y2]=value") is written into the downloaded YAML as the driver's resulting
     * path, which loads to the forecast the page ran; the driver table offers the periods of a path stated by periods.
     */
    @Test
    void aPeriodOverrideDownloadsAsAFileWithTheSameForecast() throws Exception {
        String body = "{\"scenario\":\"yiwu/trade-shock\",\"overrides\":[\"trade.worldDemandGrowth[2026-2027]=0\"]}";
        JsonNode drivers = post("/api/drivers", body).json().get("drivers");
        JsonNode world = null;
        for (JsonNode d : drivers) {
            world = d.get("path").asText().equals("trade.worldDemandGrowth") ? d : world;
        }
        assertEquals(4, world.get("periods").size(), world.toString());
        assertEquals(-0.10, world.get("periods").get(1).get("scenarioValue").asDouble(), 0.0);
        assertEquals(0.0, world.get("periods").get(1).get("value").asDouble(), 0.0);
        Reply yaml = post("/api/yaml", body);
        assertEquals(200, yaml.status(), yaml.body());
        assertTrue(yaml.body().contains("\"2026-2027\": 0.0"), yaml.body());
        McOptions o = McOptions.of(500, 3);
        Forecasts.Simulation page = SERVICE.simulate(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/trade-shock"),
                "trade.worldDemandGrowth[2026-2027]=0"), o, null);
        Forecasts.Simulation file = SERVICE.simulate(Forecasts.Request.of(ScenarioSource.text("whatif.yaml", yaml.body())), o, null);
        for (int i = 0; i < page.verdicts().size(); i++) {
            assertEquals(page.verdicts().get(i).probability(), file.verdicts().get(i).probability(), 0.0);
        }
    }

    /** The Excel download, "what would it take" and the tornado answer as the service does; bad fields are 400 with a message. */
    @Test
    void workbookSolverAndTornadoAreTheServicesAndRefuseBadFields() throws Exception {
        HttpResponse<byte[]> x = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/xlsx"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"yiwu/baseline\",\"paths\":500,\"lang\":\"zh\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, x.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(x.body()))) {
            assertEquals("说明", wb.getSheetName(0));
            assertEquals("目标判断", wb.getSheetName(1));
            // the about sheet: the run's paths, seed and distribution, as the page ran them
            java.util.Map<String, String> about = new java.util.HashMap<>();
            wb.getSheetAt(0).forEach(row -> about.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue()));
            assertEquals("500", about.get("路径数"));
            assertEquals("1", about.get("随机种子"));
            assertTrue(about.get("分布校准").startsWith("已校准"), about.toString());
        }
        Reply solved = post("/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\"}");
        assertEquals(200, solved.status(), solved.body());
        Forecasts.Solution expected = SERVICE.solve(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")),
                "yiwu2035.gdp_nominal.2035", "production.tfpGrowth", null, McOptions.of(10_000, 1));
        assertTrue(expected.result().found());
        assertEquals(shown(expected.result().value()), solved.json().get("value").asDouble(), 0.0);
        Reply tornado = post("/api/tornado", "{\"scenario\":\"yiwu/baseline\",\"output\":\"gdp_nominal@2035\"}");
        assertEquals(200, tornado.status(), tornado.body());
        Forecasts.Tornado t = SERVICE.tornado(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")), "gdp_nominal@2035");
        assertEquals(t.bars().size(), tornado.json().get("bars").size());
        assertEquals(shown(t.bars().get(0).atHigh()), tornado.json().get("bars").get(0).get("output_at_p90").asDouble(), 0.0);
        for (String[] bad : new String[][] {
                {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"nope\",\"driver\":\"production.tfpGrowth\"}", "target"},
                {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"x.y\"}", "driver"},
                {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\",\"probability\":1.5}", "probability"},
                {"/api/tornado", "{\"scenario\":\"yiwu/baseline\",\"output\":\"gdp@2035\"}", "output"},
                {"/api/xlsx", "{\"scenario\":\"yiwu/baseline\",\"lang\":\"fr\"}", "lang"}}) {
            Reply r = post(bad[0], bad[1]);
            assertEquals(400, r.status(), bad[1] + " -> " + r.body());
            assertTrue(r.json().get("error").asText().contains(bad[2]), r.body());
        }
    }

    /** Failed Monte Carlo paths: the API carries plansim mc's warning in "warning" and in the notes (docs/ERRORS.md). */
    @Test
    void failedPathsAreWarnedAboutAsTheCommandLineDoes() throws Exception {
        String yaml = "extends: yiwu/baseline\nsatellites:\n  express_parcels: {link: gdp_real, trend: -0.5, elasticity: 6.0}\n";
        Reply r = post("/api/forecast", JSON.createObjectNode().put("yaml", yaml).put("paths", 2000).put("seed", 1).toString());
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        Forecasts.Simulation s = SERVICE.simulate(Forecasts.Request.of(ScenarioSource.text(ForecastRequest.UPLOADED, yaml)), McOptions.of(2000, 1), null);
        String expected = s.failedPathsWarning();
        assertTrue(expected != null && j.get("faults").asInt() > 0, r.body());
        assertEquals(expected, j.get("warning").asText());
        assertTrue(expected.contains("Monte Carlo paths") && expected.contains("left out of every figure"), expected);
        assertEquals("warning: " + expected, j.get("notes").get(0).asText());
        assertFalse(post("/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"paths\":200}").json().has("warning"));
    }

    /** An upload's body: its text, the file name the page sends (null: none) and overrides. */
    static String upload(String name, String yaml, String... overrides) {
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode().put("yaml", yaml);
        if (name != null) {
            o.put("name", name);
        }
        java.util.Arrays.stream(overrides).forEach(o.putArray("overrides")::add);
        return o.toString();
    }

    static String builtIn(String override) {
        return JSON.createObjectNode().put("scenario", "yiwu/baseline").set("overrides",
                JSON.createArrayNode().add(override)).toString();
    }

    /**
     * The errors of an upload and of a request name what the user sent: the upload by the file name the page sends
     * (or "uploaded scenario") with line and field, the request's fields and overrides as the API takes them (the
     * page's driver controls are named by their paths), the server's limits as its own; never the command line, its
     * options or a file the user has not seen (the YAML download located a bad override in "scenario.yaml").
     */
    @Test
    void errorsNameTheUploadAndTheRequestsFieldsNotTheCommandLine() throws Exception {
        String trade9 = "extends: yiwu/baseline\ndrivers:\n  trade:\n    exportTrend: 9\n";
        StringBuilder deep = new StringBuilder("extends: yiwu/baseline\nx:\n");
        for (int i = 0; i < 22; i++) {
            deep.append("  ".repeat(i + 1)).append("a").append(i).append(":\n");
        }
        deep.append("  ".repeat(23)).append("b: 1\n");
        StringBuilder many = new StringBuilder("extends: yiwu/baseline\n");
        for (int i = 0; i < 60; i++) {
            many.append("unknown").append(i).append(": 1\n");
        }
        String[][] cases = {
                // route, body, how the error begins, what it says further on
                {"/api/forecast", upload(null, "extends: yiwu/baseline\nname: [\n"), "uploaded scenario:2:", "malformed YAML"},
                {"/api/forecast", upload("mine.yaml", trade9), "mine.yaml:4:5: drivers.trade.exportTrend: found value 9.0", ""},
                {"/api/yaml", upload("mine.yaml", trade9), "mine.yaml:4:5: drivers.trade.exportTrend: found value 9.0", ""},
                {"/api/yaml", upload(null, "extends: yiwu/baseline\n", "trade.exportTrend=1e9"),
                        "override 'trade.exportTrend=1e9': drivers.trade.exportTrend: found value 1.0E9", ""},
                {"/api/yaml", builtIn("trade.exportTrend=1e9"), "override 'trade.exportTrend=1e9': drivers.trade.exportTrend: found value 1.0E9", ""},
                {"/api/yaml", builtIn("model=growth"), "override 'model=growth': model: found 'model' (not a driver)", ""},
                {"/api/forecast", builtIn("trade.exportTrend"), "request: overrides: found 'trade.exportTrend'; write path=value", ""},
                {"/api/forecast", builtIn("trade.exportTrend=abc"), "override 'trade.exportTrend=abc': drivers.trade.exportTrend: found text 'abc'", ""},
                {"/api/forecast", builtIn("extends=yiwu/plan"), "override 'extends=yiwu/plan': extends:", "an override cannot change extends"},
                {"/api/forecast", builtIn("production.capitalShare[2026-2027]=0.3"),
                        "override 'production.capitalShare[2026-2027]=0.3': production.capitalShare: found a year range",
                        "model constant: production.capitalShare=value, without a year range"},
                {"/api/drivers", "{\"scenario\":\"yiwu/nope\"}", "request: scenario: found 'yiwu/nope' (no such built-in scenario)", ""},
                {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"trade.exportTrendx\"}",
                        "request: driver: found 'trade.exportTrendx'; did you mean 'trade.exportTrend'?", ""},
                {"/api/tornado", "{\"scenario\":\"yiwu/baseline\",\"output\":\"gdp@2035\"}", "request: output: found 'gdp@2035'", ""},
                {"/api/forecast", upload(null, "extends: yiwu/baseline\ntargets: nope.yaml\n"),
                        "uploaded scenario:2:1: targets: found 'nope.yaml' (no such built-in file); a built-in file such as yiwu/targets.yaml", ""},
                {"/api/forecast", upload(null, deep.toString()), "uploaded scenario:", "nested 21 deep; at most 20 levels; a documented limit "
                        + "(docs/ERRORS.md, 'depth') that this server keeps"},
                {"/api/forecast", upload("many.yaml", many.toString()), "60 problems:\n  - many.yaml:2:1: unknown0: found unknown key",
                        "... and 10 more (a documented limit (docs/ERRORS.md, 'messages') that this server keeps)"}};
        for (String[] c : cases) {
            Reply r = post(c[0], c[1]);
            assertEquals(400, r.status(), c[0] + " " + c[1] + " -> " + r.body());
            String error = r.json().get("error").asText();
            assertTrue(error.startsWith(c[2]) && error.contains(c[3]), c[0] + " " + c[1] + " -> " + error);
            for (String cli : new String[] {"command line", "--set", "--limit", "upload.yaml", "scenario.yaml"}) {
                assertFalse(r.body().contains(cli), cli + " in " + r.body());
            }
        }
    }

    /**
     * Every number of every reply is the shortest decimal of its value to 12 significant digits: the driver table's
     * 2021 share of non-fossil energy is 0.21 (the scenario's anchors 0.20 in 2020 and 0.25 in 2025 make
     * 0.21000000000000002 in binary), a change of P(met) is -0.0015, not -0.0015000000000000568.
     */
    @Test
    void noNumberCarriesFloatNoise() throws Exception {
        Reply drivers = post("/api/drivers", "{\"scenario\":\"yiwu/baseline\"}");
        assertTrue(drivers.body().contains("\"path\":\"energy.nonFossilShare\""), drivers.body());
        assertTrue(drivers.body().contains("\"scenarioValue\":0.21,"), drivers.body());
        String[][] replies = {
                {"/api/drivers", "{\"scenario\":\"yiwu/trade-shock\",\"overrides\":[\"trade.worldDemandGrowth[2026-2027]=0.013\"]}"},
                {"/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\"trade.exportTrend=0.02\"],\"paths\":2000}"},
                {"/api/forecast", "{\"scenario\":\"jinhua/baseline\",\"overrides\":[\"energy.nonFossilShare+=0.013\"],\"paths\":3000}"},
                {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\"}"},
                {"/api/tornado", "{\"scenario\":\"yiwu/baseline\",\"output\":\"gdp_nominal@2035\"}"}};
        ObjectMapper exact = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        for (String[] q : replies) {
            Reply r = post(q[0], q[1]);
            assertEquals(200, r.status(), r.body());
            List<String> noisy = new ArrayList<>();
            int[] numbers = {0};
            digits(exact.readTree(r.body()), "", noisy, numbers);
            assertEquals(List.of(), noisy.subList(0, Math.min(10, noisy.size())), q[0] + ": " + noisy.size() + " of " + numbers[0]);
            assertTrue(numbers[0] > 1, q[0] + ": numbers read " + numbers[0]);
        }
    }

    /** The fractional numbers below {@code node} written with more than 12 significant digits, by where they are. */
    private static void digits(JsonNode node, String at, List<String> noisy, int[] numbers) {
        if (node.isFloatingPointNumber()) {
            numbers[0]++;
            if (node.decimalValue().stripTrailingZeros().precision() > io.plansim.tables.Format.SIGNIFICANT_DIGITS) {
                noisy.add(at + "=" + node.decimalValue());
            }
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> digits(e.getValue(), at + "." + e.getKey(), noisy, numbers));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            digits(node.get(i), at + "[" + i + "]", noisy, numbers);
        }
    }

    /**
     * Every driver states its unit, in English and Chinese as the report's driver table writes it; an elasticity,
     * dimensionless, says so (it was "").
     */
    @Test
    void everyDriverHasAUnitAndAnElasticitySaysItIsOne() throws Exception {
        JsonNode d = post("/api/drivers", "{\"scenario\":\"yiwu/baseline\"}").json().get("drivers");
        Map<String, JsonNode> byPath = new HashMap<>();
        d.forEach(x -> byPath.put(x.get("path").asText(), x));
        assertTrue(byPath.size() > 20, d.toString());
        for (JsonNode x : d) {
            assertFalse(x.get("unit").asText().isBlank() || x.get("unitZh").asText().isBlank(), x.toString());
        }
        for (String elasticity : List.of("trade.exportElasticity", "trade.importElasticity", "trade.outputElasticity", "income.passThrough")) {
            assertEquals("elasticity", byPath.get(elasticity).get("unit").asText(), elasticity);
            assertEquals("弹性系数", byPath.get(elasticity).get("unitZh").asText(), elasticity);
        }
        assertEquals("1/yr", byPath.get("trade.exportTrend").get("unit").asText());
        assertEquals("每年比率", byPath.get("trade.exportTrend").get("unitZh").asText());
        assertEquals("元/美元", byPath.get("prices.cnyPerUsd").get("unitZh").asText());
        Reply solved = post("/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"trade.exportElasticity\"}");
        assertEquals(200, solved.status(), solved.body());
        assertEquals("elasticity", solved.json().get("unit").asText());
        assertEquals("弹性系数", solved.json().get("unitZh").asText());
    }

    /**
     * The service keeps the targets catalog and history it checked: the first forecast of a server parses and checks
     * Yiwu's once each, and a what-if of it, the driver table, the solver and the tornado check neither again (they
     * were checked several times a request).
     */
    @Test
    void aWhatIfDoesNotCheckTheTargetsOrTheHistoryAgain() throws Exception {
        try (WebServer s = WebServer.start("127.0.0.1", 0, Limits.defaults())) {
            assertEquals(200, call(s.port(), "POST", "/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"paths\":200}").status());
            Forecasts.InputWork first = s.inputWork();
            assertEquals(new Forecasts.InputWork(2, 2), first, "yiwu/targets.yaml and yiwu/history.csv");
            for (String[] q : new String[][] {
                    {"/api/forecast", builtIn("trade.exportTrend=0.03").replace("}", ",\"paths\":200}")},
                    {"/api/forecast", builtIn("production.tfpGrowth+=0.002").replace("}", ",\"paths\":200}")},
                    {"/api/drivers", "{\"scenario\":\"yiwu/baseline\"}"},
                    {"/api/solve", "{\"scenario\":\"yiwu/baseline\",\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\"}"},
                    {"/api/tornado", "{\"scenario\":\"yiwu/baseline\",\"output\":\"yiwu2035.gdp_nominal.2035\"}"}}) {
                Reply r = call(s.port(), "POST", q[0], q[1]);
                assertEquals(200, r.status(), q[0] + " " + r.body());
            }
            assertEquals(first, s.inputWork());
        }
    }

    /** The body limit holds whether the client sends a Content-Length or a chunked body (which has none). */
    @Test
    void aBodyOverTheLimitIs413HoweverItIsSent() throws Exception {
        long max = Limits.defaults().maxBodyBytes();
        String big = "{\"yaml\":\"" + "#".repeat(5_000_000) + "\"}";
        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/forecast"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("at most " + max + " bytes"), r.body());
        Reply sized = post("/api/forecast", big);
        assertEquals(413, sized.status(), sized.body());
        assertTrue(sized.body().contains("at most " + max + " bytes"), sized.body());
        assertEquals(200, post("/api/drivers", "{\"scenario\":\"yiwu/baseline\"}").status(), "the server goes on");
    }

    /** A wrong method on an API path is 405 naming the method to use (with an Allow header); an unknown path stays 404. */
    @Test
    void aWrongMethodIs405NamingTheAllowedOne() throws Exception {
        for (String[] c : new String[][] {{"GET", "/api/forecast", "POST"}, {"PUT", "/api/forecast", "POST"},
                {"POST", "/api/scenarios", "GET"}, {"DELETE", "/api/tornado", "POST"}}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + c[1]))
                    .method(c[0], HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), c[0] + " " + c[1] + " -> " + r.body());
            assertEquals(c[2], r.headers().firstValue("Allow").orElse(""));
            assertEquals("method not allowed: " + c[0] + " " + c[1] + "; use " + c[2], JSON.readTree(r.body()).get("error").asText());
        }
        Reply none = call(server.port(), "GET", "/api/nope", null);
        assertEquals(404, none.status(), none.body());
        assertTrue(none.body().contains("no such page or API"), none.body());
    }

    /**
     * A field the route would not use is refused, as the command line refuses an option it would not use: "lang" and
     * "probability" on a forecast, paths on the YAML download or the tornado, paths without "probability" on the solver.
     */
    @Test
    void aFieldTheRouteDoesNotUseIsRefused() throws Exception {
        String base = "{\"scenario\":\"yiwu/baseline\",";
        for (String[] bad : new String[][] {
                {"/api/forecast", base + "\"lang\":\"fr\"}", "no 'lang' here: POST /api/forecast does not use it"},
                {"/api/forecast", base + "\"probability\":5}", "no 'probability' here: POST /api/forecast does not use it"},
                {"/api/forecast", base + "\"name\":\"x.yaml\"}", "no 'name' here"},
                {"/api/forecast", base + "\"colour\":1}", "unknown field 'colour'; allowed: client, name, overrides, paths, scenario, seed, yaml"},
                {"/api/yaml", base + "\"paths\":1000}", "no 'paths' here: POST /api/yaml does not use it"},
                {"/api/drivers", base + "\"seed\":2}", "no 'seed' here"},
                {"/api/tornado", base + "\"output\":\"gdp_nominal@2035\",\"paths\":500}", "no 'paths' here"},
                {"/api/solve", base + "\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\",\"paths\":500}",
                        "no 'paths' here: without 'probability' the central path alone is solved"},
                {"/api/xlsx", base + "\"lang\":\"fr\"}", "'lang' must be \"en\" or \"zh\""},
                {"/api/solve", base + "\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"production.tfpGrowth\",\"probability\":5}",
                        "'probability' must be a number strictly between 0 and 1"}}) {
            Reply r = post(bad[0], bad[1]);
            assertEquals(400, r.status(), bad[1] + " -> " + r.body());
            assertTrue(r.json().get("error").asText().contains(bad[2]), bad[0] + " " + bad[1] + " -> " + r.body());
        }
    }
}
