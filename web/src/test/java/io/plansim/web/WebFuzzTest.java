package io.plansim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 1,200 bad requests (broken JSON, wrong types, huge numbers, unknown drivers and fields, oversized uploads,
 * path-traversal names, unknown routes): each gets a 4xx JSON with a message, no stack trace and no word of the
 * command line, and the server still answers a good request with the same numbers afterwards.
 */
class WebFuzzTest {
    static WebServer server;
    static final String GOOD = "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\"trade.exportTrend=0.01\"],\"paths\":500,\"seed\":3}";

    @BeforeAll
    static void start() {
        server = WebServer.start("127.0.0.1", 0, Limits.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Bad(String method, String path, String body) {
    }

    @Test
    void everyBadRequestGetsA4xxWithAMessageAndTheServerStaysUp() throws Exception {
        WebApiTest.Reply before = WebApiTest.call(server.port(), "POST", "/api/forecast", GOOD);
        assertEquals(200, before.status(), before.body());
        List<Bad> bad = requests(new SplittableRandom(21), 1200);
        int n = 0;
        List<String> wrong = new ArrayList<>();
        for (Bad b : bad) {
            WebApiTest.Reply r = WebApiTest.call(server.port(), b.method(), b.path(), b.body());
            String what = b.method() + " " + b.path() + " " + WebFuzzTest.clip(b.body()) + " -> " + r.status() + " " + clip(r.body());
            n++;
            if (r.status() < 400 || r.status() >= 500) {
                wrong.add(what);
                continue;
            }
            JsonNode j;
            try {
                j = WebApiTest.JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                wrong.add("not JSON: " + what);
                continue;
            }
            if (!j.hasNonNull("error") || j.get("error").asText().isBlank()
                    || r.body().contains("\tat ") || r.body().contains("at io.") || r.body().contains("Exception")) {
                wrong.add("no message or a stack trace: " + what);
            } else if (r.body().contains("command line") || r.body().contains("--set") || r.body().contains("--limit")) {
                wrong.add("worded for the command line: " + what); // the page's user has none (ApiWording)
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " of " + n + " answered wrongly");
        assertTrue(n >= 1000, "requests sent: " + n);
        WebApiTest.Reply after = WebApiTest.call(server.port(), "POST", "/api/forecast", GOOD);
        assertEquals(200, after.status(), after.body());
        assertEquals(WebApiTest.JSON.readTree(before.body()).get("targets"), WebApiTest.JSON.readTree(after.body()).get("targets"));
    }

    static List<Bad> requests(SplittableRandom rnd, int count) {
        String[] drivers = {"trade.exportTrend", "production.tfpGrowth", "population.netMigration", "energy.intensityDecline",
                "prices.cnyPerUsd", "production.capitalShare"};
        String[] traversal = {"../../etc/passwd", "/etc/passwd", "yiwu/../../../etc/passwd", "..\\\\..\\\\windows", "file:///etc/passwd",
                "yiwu/baseline/../../x", "%2e%2e/%2e%2e/etc/passwd", "yiwu/baseline\\u0000", "", " ", "C:/x.yaml"};
        String[] huge = {"1e308", "-1e308", "1e400", "99999999999999999999999", "-9223372036854775809", "1.5", "\"10\"", "true",
                "null0", "NaN", "Infinity", "[]", "{}"};
        List<Bad> out = new ArrayList<>();
        while (out.size() < count) {
            int kind = rnd.nextInt(12);
            String d = drivers[rnd.nextInt(drivers.length)];
            switch (kind) {
                case 0 -> out.add(new Bad("POST", "/api/forecast", brokenJson(rnd)));
                case 1 -> out.add(new Bad("POST", "/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"paths\":" + huge[rnd.nextInt(huge.length)] + "}"));
                case 2 -> out.add(new Bad("POST", "/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\"" + d + "="
                        + pick(rnd, "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "abc", "", "1e5", "-1e5", "0x7fffffff") + "\"]}"));
                case 3 -> out.add(new Bad("POST", pick(rnd, "/api/forecast", "/api/drivers", "/api/yaml"), "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\""
                        + pick(rnd, "trade.nope", "nope", "drivers.trade.exportTrend", "trade", "a.b.c.d", "model") + rnd.nextInt(100) + "=0.01\"]}"));
                case 4 -> out.add(new Bad(rnd.nextBoolean() ? "POST" : "POST", "/api/forecast",
                        "{\"scenario\":\"" + traversal[rnd.nextInt(traversal.length)] + "\"}"));
                case 5 -> out.add(new Bad("POST", pick(rnd, "/api/forecast", "/api/drivers"), "{\"yaml\":\"name: x\\nextends: "
                        + traversal[rnd.nextInt(traversal.length)] + "\\n\"}"));
                case 6 -> out.add(new Bad("POST", "/api/forecast", "{\"yaml\":\"extends: yiwu/baseline\\n"
                        + pick(rnd, "targets: /etc/passwd", "history: ../../etc/shadow", "drivers: [1,2", "drivers:\\n  trade:\\n    exportTrend: 9",
                        "base: {gdp: -5}", "\\t\\tbad: : :", "name: [") + "\\n\"}"));
                case 7 -> out.add(new Bad("POST", pick(rnd, "/api/forecast", "/api/yaml"), rnd.nextInt(20) == 0 ? oversized() : "{\"scenario\":\"yiwu/baseline\",\""
                        + pick(rnd, "paths\":0", "paths\":200001", "seed\":1.5", "seed\":\"x\"", "client\":" + rnd.nextInt(), "extra\":1",
                        "overrides\":\"trade.exportTrend=0.1\"", "overrides\":[1]", "yaml\":\"name: x\"") + "}"));
                case 8 -> out.add(new Bad(pick(rnd, "GET", "PUT", "DELETE", "POST"), pick(rnd, "/api/nothing", "/api/forecast/../../etc/passwd",
                        "/../../etc/passwd", "/webjars/../../etc/passwd", "/api/", "/nope.html", "/%2e%2e/%2e%2e/etc/passwd"), null));
                case 9 -> out.add(rnd.nextBoolean() ? new Bad("GET", "/api/forecast", null)
                        : new Bad("POST", "/api/forecast", "{\"yaml\":\"extends: baseline\",\"name\":\"" + traversal[rnd.nextInt(traversal.length)] + "\"}"));
                case 10 -> out.add(rnd.nextBoolean()
                        // a period or relative change is written into the file as the resulting path: refused only when bad
                        ? new Bad("POST", "/api/yaml", "{\"scenario\":\"yiwu/baseline\",\"overrides\":[\"" + d
                                + pick(rnd, "[2040-2041]=0.01", "[2026-2027]=1e9", "*=1e9", "+=-1e9", "[2027-2026]=0.01") + "\"]}")
                        : badAnalysis(rnd, d));
                default -> out.add(new Bad("POST", "/api/forecast", "{\"scenario\":\"yiwu/baseline\",\"overrides\":[" + manyOverrides(rnd) + "]}"));
            }
        }
        return out;
    }

    /** A request to the solver, the tornado or the Excel download with a bad field of its own. */
    private static Bad badAnalysis(SplittableRandom rnd, String driver) {
        String head = "{\"scenario\":\"yiwu/baseline\",";
        return switch (rnd.nextInt(3)) {
            case 0 -> new Bad("POST", "/api/solve", head + pick(rnd, "\"target\":\"nope\",\"driver\":\"" + driver + "\"",
                    "\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"x\"", "\"driver\":\"" + driver + "\"",
                    "\"target\":\"yiwu2035.gdp_nominal.2035\",\"driver\":\"" + driver + "\",\"probability\":" + pick(rnd, "0", "1", "-1", "\"x\"", "2")) + "}");
            case 1 -> new Bad("POST", "/api/tornado", head + "\"output\":\"" + pick(rnd, "gdp@2035", "gdp_nominal@1999", "nope", "../../etc/passwd") + "\"}");
            default -> new Bad("POST", "/api/xlsx", head + "\"lang\":\"" + pick(rnd, "fr", "", "../x") + "\"}");
        };
    }

    private static String brokenJson(SplittableRandom rnd) {
        String good = GOOD;
        return switch (rnd.nextInt(5)) {
            case 0 -> good.substring(0, rnd.nextInt(good.length() - 1));
            case 1 -> "";
            case 2 -> pick(rnd, "[]", "null", "42", "\"x\"", "[{}]", "{\"scenario\":1}", "{\"scenario\":null}", "{}");
            case 3 -> {
                char[] c = good.toCharArray();
                c[rnd.nextInt(c.length)] = (char) rnd.nextInt(32, 0x3000);
                c[0] = '?';
                yield new String(c);
            }
            default -> "{\"scenario\":\"yiwu/baseline\"" + "{".repeat(rnd.nextInt(1, 3000));
        };
    }

    private static String manyOverrides(SplittableRandom rnd) {
        int n = rnd.nextBoolean() ? 65 + rnd.nextInt(100) : 1;
        String one = n > 1 ? "\"trade.exportTrend=0.01\"" : "\"trade.exportTrend=" + "9".repeat(250) + "\"";
        return String.join(",", java.util.Collections.nCopies(n, one));
    }

    private static String oversized() {
        return "{\"yaml\":\"" + "a".repeat(1_100_000) + "\"}";
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
