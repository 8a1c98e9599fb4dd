package io.plansim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.plansim.runner.McOptions;
import io.plansim.runner.NumericFault;
import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import io.plansim.scenario.Scenario;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code plansim serve}: the what-if page (static resources under {@code /web}, ECharts from its webjar) and its
 * JSON API over the engine's {@link Forecasts} service. Every refusal is a 4xx JSON {@code {"error": ...}} with the
 * engine's located problems where there are some; nothing on disk is read or written.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final RunGate gate;
    private final java.util.concurrent.ExecutorService workers;

    /** At most this much of the last run's random inputs is kept for the next slider move. */
    static final long WHAT_IF_DRAWS_BYTES = 64L << 20;

    private final Forecasts service;

    private WebServer(Javalin app, RunGate gate, java.util.concurrent.ExecutorService workers, Forecasts service) {
        this.app = app;
        this.gate = gate;
        this.workers = workers;
        this.service = service;
    }

    /** Starts a server on {@code host:port} (port 0: a free one); {@link #port()} tells which. */
    public static WebServer start(String host, int port, Limits limits) {
        // one pool for every run's blocks, a thread per core; the gate's threads only wait on it
        java.util.concurrent.ExecutorService workers = io.plansim.runner.Workers.fixed(Runtime.getRuntime().availableProcessors());
        // a slider move runs the same scenario, paths and seed with one driver changed: the last run's random inputs
        // are read, not drawn again (results bit-identical; the page's default 10,000 Yiwu paths keep 32 MB)
        Forecasts service = Forecasts.onClasspath(workers).reusingDraws(WHAT_IF_DRAWS_BYTES);
        ObjectMapper json = new ObjectMapper();
        RunGate gate = new RunGate(limits);
        Api api = new Api(service, json, gate, limits);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            // Jetty refuses some requests (ambiguous or malformed URIs) before Javalin sees them: JSON there too
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
        });
        // each API path with its one method: another method on the path is 405 naming it, not 404
        Map<String, String> methods = new LinkedHashMap<>();
        route(app, methods, "GET", "/api/version", ctx -> api.send(ctx, json.createObjectNode().put("version", version())));
        route(app, methods, "GET", "/api/scenarios", api::scenarios);
        route(app, methods, "POST", "/api/drivers", api::drivers);
        route(app, methods, "POST", "/api/forecast", api::forecast);
        route(app, methods, "POST", "/api/yaml", api::yaml);
        route(app, methods, "POST", "/api/xlsx", api::xlsx);
        route(app, methods, "POST", "/api/solve", api::solve);
        route(app, methods, "POST", "/api/tornado", api::tornado);
        app.exception(ApiError.class, (e, ctx) -> api.error(ctx, e.status(), e.getMessage(), List.of()));
        app.exception(InputException.class, (e, ctx) -> {
            ApiWording.Refusal r = ApiWording.of(e);
            api.error(ctx, 400, r.message(), r.problems());
        });
        app.exception(NumericFault.class, (e, ctx) -> api.error(ctx, 422, e.getMessage(), List.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> api.error(ctx, e.getStatus(), e.getMessage(), List.of()));
        app.exception(Exception.class, (e, ctx) -> api.error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), List.of()));
        app.error(404, ctx -> {
            String allowed = methods.get(ctx.path());
            if (allowed != null) {
                ctx.header("Allow", allowed);
                api.error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path() + "; use " + allowed, List.of());
            } else if (ctx.result() == null || ctx.path().startsWith("/api/")) {
                api.error(ctx, 404, "no such page or API: " + ForecastRequest.clip(ctx.path()), List.of());
            }
        });
        app.error(405, ctx -> api.error(ctx, 405, "method not allowed: " + ctx.method(), List.of()));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            gate.close();
            workers.shutdownNow();
            throw InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--port",
                    host + ":" + port, "a free port on an address of this machine (" + e.getMessage() + ")");
        }
        return new WebServer(app, gate, workers, service);
    }

    private static void route(Javalin app, Map<String, String> methods, String method, String path, io.javalin.http.Handler h) {
        methods.put(path, method);
        if (method.equals("GET")) {
            app.get(path, h);
        } else {
            app.post(path, h);
        }
    }

    public int port() {
        return app.port();
    }

    /** How often the server's service parsed and checked targets and histories: for tests. */
    Forecasts.InputWork inputWork() {
        return service.inputWork();
    }

    @Override
    public void close() {
        app.stop();
        gate.close();
        workers.shutdownNow();
    }

    public static String version() {
        String v = WebServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The handlers. The unmodified scenario's results are kept for the last few (scenario, paths, seed). */
    private static final class Api {
        private static final int BASELINES = 16;
        private final Forecasts service;
        private final ObjectMapper json;
        private final RunGate gate;
        private final Limits limits;
        private final Map<List<Object>, ForecastJson.Baseline> baselines = new LinkedHashMap<>(32, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, ForecastJson.Baseline> eldest) {
                return size() > BASELINES;
            }
        };

        Api(Forecasts service, ObjectMapper json, RunGate gate, Limits limits) {
            this.service = service;
            this.json = json;
            this.gate = gate;
            this.limits = limits;
        }

        void scenarios(Context ctx) {
            ArrayNode a = json.createArrayNode();
            service.builtIns().forEach(b -> a.addObject().put("name", b.name()).put("summary", b.summary()));
            send(ctx, a);
        }

        /** The driver table (group, unit, allowed range) with the scenario's values and the request's. */
        void drivers(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/drivers", Set.of());
            Scenario base = service.load(r.request().withoutOverrides());
            Scenario now = service.load(r.request());
            List<Forecasts.DriverValue> was = Forecasts.drivers(base);
            List<Forecasts.DriverValue> is = Forecasts.drivers(now);
            ObjectNode root = json.createObjectNode();
            root.put("scenario", base.id());
            root.put("name", base.name());
            root.put("baseYear", base.baseYear());
            ArrayNode a = root.putArray("drivers");
            for (int i = 0; i < was.size(); i++) {
                Forecasts.DriverValue d = was.get(i);
                if (!now.production().reads(d.driver())) {
                    continue; // a control for a driver the model does not read would move nothing (the loader refuses it)
                }
                ObjectNode o = a.addObject();
                o.put("path", d.driver().path());
                o.put("group", d.driver().group());
                o.put("name", d.driver().driverName());
                o.put("kind", d.driver().kind().name().toLowerCase(java.util.Locale.ROOT));
                unit(o, d.driver());
                o.put("min", d.driver().min());
                o.put("max", d.driver().max());
                o.put("scenarioValue", d.firstYear());
                o.put("varies", d.varies());
                o.put("value", is.get(i).firstYear());
                o.put("why", d.driver().why());
                if (!d.periods().isEmpty()) {
                    // per period: the scenario's value and the request's (the value in the period's first year)
                    double[] path = new double[now.years()];
                    now.drivers().getOrDefault(d.driver(), new io.plansim.scenario.PathSpec.Constant(d.driver().defaultValue()))
                            .fill(path, now.baseYear());
                    ArrayNode periods = o.putArray("periods");
                    for (io.plansim.scenario.PathSpec.Period p : d.periods()) {
                        periods.addObject().put("from", p.from()).put("to", p.to()).put("scenarioValue", p.value())
                                .put("value", path[Math.max(0, Math.min(path.length - 1, p.from() - now.baseYear()))]);
                    }
                }
            }
            send(ctx, root);
        }

        void forecast(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/forecast", ForecastRequest.MONTE_CARLO);
            McOptions o = McOptions.of(r.paths(), r.seed());
            ObjectNode out = gate.run(r.client(), cancel -> {
                Forecasts.Simulation s = forPage(r.request(), o, cancel);
                ForecastJson.Baseline base = baseline(r, o, s, cancel);
                return ForecastJson.of(json, s, base, service.actuals(s.scenario(), r.request()), r, version());
            });
            send(ctx, out);
        }

        private ForecastJson.Baseline baseline(ForecastRequest r, McOptions o, Forecasts.Simulation s,
                                               io.plansim.runner.Cancellation cancel) {
            if (r.request().overrides().isEmpty()) {
                ForecastJson.Baseline b = ForecastJson.Baseline.of(s);
                remember(r, b);
                return b;
            }
            List<Object> key = List.of(r.request().source(), r.paths(), r.seed());
            ForecastJson.Baseline b;
            synchronized (baselines) {
                b = baselines.get(key);
            }
            if (b == null) {
                b = ForecastJson.Baseline.of(forPage(r.request().withoutOverrides(), McOptions.of(r.paths(), r.seed()), cancel));
                remember(r, b);
            }
            return b;
        }

        /** A run with the percentiles of the page's series only (the page reads no others). */
        private Forecasts.Simulation forPage(Forecasts.Request request, McOptions o, io.plansim.runner.Cancellation cancel) {
            Forecasts.Prepared p = service.prepare(request);
            return service.simulate(p, o, cancel, null, ForecastJson.series(p.scenario()));
        }

        private void remember(ForecastRequest r, ForecastJson.Baseline b) {
            synchronized (baselines) {
                baselines.put(List.of(r.request().source(), r.paths(), r.seed()), b);
            }
        }

        /** A driver's unit in English and Chinese, as the report's and the workbook's driver tables write it. */
        private static void unit(ObjectNode o, io.plansim.scenario.Driver d) {
            o.put("unit", io.plansim.report.Labels.driverUnit(d.unit(), false));
            o.put("unitZh", io.plansim.report.Labels.driverUnit(d.unit(), true));
        }

        /** The current state as a scenario file that {@code plansim run}/{@code mc} reproduce. */
        void yaml(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/yaml", Set.of());
            String text = service.scenarioText(r.request());
            String file = r.request().source() instanceof ScenarioSource.BuiltIn b
                    ? b.name().replace('/', '-') + "-whatif.yaml" : "scenario-whatif.yaml";
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.contentType("application/yaml; charset=utf-8").result(text);
        }

        /** The current state's Monte Carlo as an Excel workbook, by the command line's writer (mc --format xlsx). */
        void xlsx(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/xlsx", union(ForecastRequest.MONTE_CARLO, "lang"));
            io.plansim.report.Lang lang = r.lang();
            McOptions o = McOptions.of(r.paths(), r.seed());
            Forecasts.Simulation s = gate.run(r.client(), cancel -> service.simulate(r.request(), o, cancel, null));
            byte[] workbook = io.plansim.report.Workbooks.mc(s.scenario(), s.central(), s.verdicts(), s.mc(), s.calibration(),
                    s.failedPathsWarning(), version(), lang);
            String file = io.plansim.report.ScenarioRun.slug(s.scenario().id()) + "-whatif.xlsx";
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(workbook);
        }

        /** What would it take: the driver level at which a target is met centrally or with a probability. */
        void solve(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/solve", union(ForecastRequest.MONTE_CARLO, "target", "driver", "probability"));
            String target = r.field("target", null);
            String driver = r.field("driver", null);
            Double probability = r.probability();
            if (probability == null) {
                r.refuse("without 'probability' the central path alone is solved, no Monte Carlo is run", "paths", "seed");
            }
            McOptions o = McOptions.of(r.paths(), r.seed());
            Forecasts.Solution x = gate.run(r.client(), cancel -> service.solve(r.request(), target, driver, probability, o));
            ObjectNode out = json.createObjectNode();
            out.put("scenario", x.scenario().runId());
            out.put("target", x.target().id());
            out.put("driver", x.knob().driver().path());
            unit(out, x.knob().driver());
            out.put("from", x.knob().from());
            out.put("to", x.knob().to());
            if (probability != null) {
                out.put("probability", probability);
                out.put("paths", r.paths());
                out.put("seed", r.seed());
            }
            out.put("found", x.result().found());
            io.plansim.tables.Format.json(out, "value", x.result().value());
            io.plansim.tables.Format.json(out, "achieved", x.result().achieved());
            out.put("iterations", x.result().iterations());
            out.put("message", x.result().message());
            send(ctx, out);
        }

        /** The tornado of an output (a target id or METRIC@YEAR) in the layout of every other output. */
        void tornado(Context ctx) {
            ForecastRequest r = ForecastRequest.parse(json, body(ctx), limits, "POST /api/tornado", Set.of("output", "client"));
            String output = r.field("output", null);
            Forecasts.Tornado x = gate.run(r.client(), cancel -> service.tornado(r.request(), output));
            ObjectNode out = json.createObjectNode();
            out.put("scenario", x.scenario().runId());
            out.put("output", x.output());
            io.plansim.tables.Format.json(out, "atMedians", x.atMedians());
            out.set("bars", io.plansim.tables.Tables.jsonRows(io.plansim.tables.SensitivityTables.tornado(x.output(), x.bars())));
            send(ctx, out);
        }

        /**
         * The request body, refused with 413 past the limit however it is sent: Javalin's maxRequestSize checks only a
         * Content-Length, so a chunked body is counted while it is read and reading stops one byte past the limit.
         */
        String body(Context ctx) {
            long max = limits.maxBodyBytes();
            if (ctx.contentLength() > max) {
                throw tooLarge(max);
            }
            byte[] b;
            try {
                b = ctx.req().getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            } catch (java.io.IOException e) {
                throw ApiError.bad("the request body could not be read: " + e.getMessage());
            }
            if (b.length > max) {
                throw tooLarge(max);
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static ApiError tooLarge(long max) {
            return new ApiError(413, "the request body is too large: at most " + max + " bytes");
        }

        private static java.util.Set<String> union(java.util.Set<String> a, String... more) {
            java.util.Set<String> u = new java.util.HashSet<>(a);
            u.addAll(List.of(more));
            return u;
        }

        /** Every reply's JSON, its numbers {@link #noiseFree}. */
        void send(Context ctx, com.fasterxml.jackson.databind.JsonNode node) {
            noiseFree(node);
            try {
                ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Every fractional number in the reply to {@link io.plansim.tables.Format#noiseFree 12 significant digits}:
         * 0.21, not the 0.21000000000000002 that 0.2 + 0.01 makes; whole numbers (years, counts, seeds) as they are.
         */
        static void noiseFree(com.fasterxml.jackson.databind.JsonNode node) {
            if (node instanceof ObjectNode o) {
                o.fields().forEachRemaining(e -> {
                    if (e.getValue().isFloatingPointNumber()) {
                        e.setValue(o.numberNode(io.plansim.tables.Format.noiseFree(e.getValue().doubleValue())));
                    } else {
                        noiseFree(e.getValue());
                    }
                });
            } else if (node instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isFloatingPointNumber()) {
                        a.set(i, a.numberNode(io.plansim.tables.Format.noiseFree(a.get(i).doubleValue())));
                    } else {
                        noiseFree(a.get(i));
                    }
                }
            }
        }

        void error(Context ctx, int status, String message, List<InputProblem> problems) {
            ObjectNode o = json.createObjectNode();
            o.put("error", message == null || message.isBlank() ? "HTTP " + status : message);
            ArrayNode a = o.putArray("problems");
            for (InputProblem p : problems) {
                a.addObject().put("location", p.location().toString()).put("field", p.field())
                        .put("found", p.found()).put("allowed", p.allowed()).put("message", p.message());
            }
            ctx.status(status);
            send(ctx, o);
        }
    }
}
