package io.plansim.service;

import io.plansim.aggregate.McResult;
import io.plansim.aggregate.PathTargets;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.Observations;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.compile.SpreadCalibration;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.McOptions;
import io.plansim.runner.Cancellation;
import io.plansim.runner.CancelledException;
import io.plansim.runner.MonteCarloRunner;
import io.plansim.runner.RunControl;
import io.plansim.runner.Workers;
import io.plansim.scenario.Limits;
import io.plansim.verdict.FailedPaths;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import io.plansim.runner.Projection;
import io.plansim.scenario.InputException;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioOverride;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.SourceLocation;
import io.plansim.target.History;
import io.plansim.target.TargetCatalog;
import io.plansim.verdict.TargetJudge;
import io.plansim.verdict.TargetVerdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.plansim.scenario.Driver;
import io.plansim.scenario.PathSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's entry point for every front end (command line, web page, cluster): load a scenario from a
 * built-in name, a file or in-memory text, apply overrides, condition on actuals, run the central path or the
 * Monte Carlo, judge the targets. Catalogs and histories are parsed and checked against a scenario once and kept
 * (read again when their file changes); an instance is safe to share between threads, and a result depends only on
 * its inputs (scenario, overrides, actuals, options).
 */
public final class Forecasts {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private final ScenarioRepository repository;
    private final ScenarioLoader loader;
    private final ConcurrentMap<String, TargetCatalog> catalogs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, History> histories = new ConcurrentHashMap<>();
    /** Built-in scenarios with their overrides, loaded and validated once (a what-if page asks for the same ones again and again). */
    private final Map<List<Object>, Scenario> builtInsLoaded = lru();
    /**
     * Targets catalogs and histories that passed their check against a scenario, under the file's {@link #cacheKey}
     * and what the check read of the scenario: a what-if request checks neither again, a rewritten file is read and
     * checked again.
     */
    private final Map<List<Object>, Object> checked = lru();
    private static final int LOADED = 256;
    private final java.util.concurrent.atomic.AtomicLong parses = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService executor;
    /** The last run's random inputs, for the next run that draws the same (null: every run draws its own). */
    private final io.plansim.runner.DrawCache draws;

    private Forecasts(ScenarioRepository repository, ExecutorService executor, io.plansim.runner.DrawCache draws) {
        this.repository = repository;
        this.loader = new ScenarioLoader(repository);
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
        this.draws = draws;
    }

    /** The built-in scenarios on the classpath (module {@code scenarios}), Monte Carlo on the process's shared pool. */
    public static Forecasts onClasspath() {
        return onClasspath(Workers.shared());
    }

    /**
     * The built-in scenarios, every Monte Carlo run on {@code executor}: one pool for a whole server, batch or
     * command-line process, whose owner shuts it down.
     */
    public static Forecasts onClasspath(ExecutorService executor) {
        return new Forecasts(ScenarioRepository.onClasspath(), executor, null);
    }

    /**
     * This service with every {@link #simulate} keeping its random inputs (up to {@code maxBytes}) for the next run
     * that draws the same ones: a what-if page's slider moves, which change a driver's value and keep the scenario's
     * uncertainty, paths and seed, then skip the draws. Results are bit for bit those of a run without the cache
     * ({@link io.plansim.runner.DrawCache}).
     */
    public Forecasts reusingDraws(long maxBytes) {
        return new Forecasts(repository, executor, io.plansim.runner.DrawCache.of(maxBytes));
    }

    /** The draw cache of {@link #reusingDraws} (null without one): its counts, for tests and benchmarks. */
    public io.plansim.runner.DrawCache drawCache() {
        return draws;
    }

    /** How many targets catalogs and histories this service parsed and checked against a scenario (a cached one is neither). */
    public record InputWork(long parsed, long checked) {
    }

    /** The parsing and checking of targets and histories so far: for tests and benchmarks. */
    public InputWork inputWork() {
        return new InputWork(parses.get(), checks.get());
    }

    /** A map that keeps the {@link #LOADED} entries used last, safe to share between threads. */
    private static <K, V> Map<K, V> lru() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LOADED;
            }
        });
    }

    /** What to forecast: a scenario, its {@code --set} overrides, extra actuals and the year known up to. */
    public record Request(ScenarioSource source, List<String> overrides, History extraActuals, Integer asOf) {
        public Request {
            overrides = List.copyOf(overrides);
            extraActuals = extraActuals == null ? History.empty() : extraActuals;
        }

        public static Request of(ScenarioSource source, String... overrides) {
            return new Request(source, List.of(overrides), null, null);
        }

        /** The same scenario and actuals without the overrides: the unmodified forecast a what-if is compared with. */
        public Request withoutOverrides() {
            return new Request(source, List.of(), extraActuals, asOf);
        }
    }

    /**
     * A driver as a scenario sets it, for a front end's inputs: the registry entry (group, unit, allowed range)
     * and the value in the first projected year; {@code varies} when the scenario's path is not one number;
     * {@code periods} the periods the file states the path by (empty when it gives one number or anchors).
     */
    public record DriverValue(Driver driver, double firstYear, boolean varies, List<PathSpec.Period> periods) {
    }

    /** A central path with its target verdicts and what the forecast was conditioned on. */
    public record Central(Scenario scenario, Projection central, List<TargetVerdict> verdicts, List<String> notes) {
        public Central {
            verdicts = List.copyOf(verdicts);
            notes = List.copyOf(notes);
        }
    }

    /**
     * A Monte Carlo run, the central path, the verdicts with probabilities, and what it was conditioned on;
     * {@code calibration} is the spread calibration its paths were recalibrated by, null for the raw distribution.
     */
    public record Simulation(Scenario scenario, McResult mc, Projection central, List<TargetVerdict> verdicts,
                             List<String> notes, SpreadCalibration calibration) {
        public Simulation {
            verdicts = List.copyOf(verdicts);
            notes = List.copyOf(notes);
        }

        /** A warning when some paths failed the numeric check (how many, the first to replay); null when none did. */
        public String failedPathsWarning() {
            return FailedPaths.check(scenario.lineage().get(0), mc);
        }
    }

    /** The built-in scenarios with their one-line narratives. */
    public List<ScenarioRepository.BuiltIn> builtIns() {
        return repository.index();
    }

    /** Every driver of the registry with the value the scenario gives it (its default when the file names none). */
    public static List<DriverValue> drivers(Scenario s) {
        List<DriverValue> out = new ArrayList<>();
        double[] path = new double[s.horizon() - s.baseYear() + 1];
        for (Driver d : Driver.values()) {
            PathSpec spec = s.drivers().getOrDefault(d, new PathSpec.Constant(d.defaultValue()));
            spec.fill(path, s.baseYear());
            int first = Math.min(1, path.length - 1);
            boolean varies = false;
            for (int t = first; t < path.length; t++) {
                varies |= path[t] != path[first];
            }
            // a path the file states by periods ({2021-2025: 0.065, 2026-2035: 0.05}) can be moved period by period
            List<PathSpec.Period> periods = spec instanceof PathSpec.Periods p ? p.periods() : List.of();
            out.add(new DriverValue(d, path[first], varies, periods));
        }
        return out;
    }

    /**
     * The request as a scenario file: a built-in becomes {@code extends: <name>} with the overrides written as
     * drivers, uploaded text gets the overrides merged into its {@code drivers:}. Only drivers can be written; the
     * text loads to the same scenario as the request. The request is loaded first, so that a bad upload or override
     * is told where the user wrote it, never at a line of the text written here, which the user has not seen.
     */
    public String scenarioText(Request r) {
        Scenario applied = load(r);
        ObjectNode root;
        if (r.source() instanceof ScenarioSource.BuiltIn b) {
            root = YAML.createObjectNode();
            root.put("name", b.name() + (r.overrides().isEmpty() ? "" : " with " + String.join(", ", r.overrides())));
            root.put("extends", b.name());
        } else if (r.source() instanceof ScenarioSource.Text t) {
            try {
                root = (ObjectNode) YAML.readTree(t.yaml());
            } catch (IOException | ClassCastException e) {
                throw InputException.of(new SourceLocation(t.name(), 0, 0), "", "text that is not a YAML mapping", "a scenario file");
            }
        } else {
            throw new IllegalArgumentException("a scenario file is written from a built-in or from text, not " + r.source());
        }
        java.util.Set<Driver> byYear = new java.util.LinkedHashSet<>();
        for (String text : r.overrides()) {
            ScenarioOverride o = ScenarioOverride.parse(text);
            Driver d = Driver.byPath(o.path()).orElse(null);
            if (d == null) {
                throw InputException.of(o.location(), o.path(), "'" + o.path() + "' (not a driver)",
                        "a driver (group.name=value or \"group.name[Y1-Y2]=value\") to write it into a scenario file");
            }
            if (!o.onPath() && applied.drivers().get(d) instanceof PathSpec.Constant c) {
                // the number as the loader read it from the override
                root.withObjectProperty("drivers").withObjectProperty(d.group()).put(d.driverName(), c.value());
            } else {
                byYear.add(d); // a period or a relative change: the driver's resulting path is written out below
            }
        }
        if (!byYear.isEmpty()) {
            double[] path = new double[applied.years()];
            for (Driver d : byYear) {
                applied.drivers().getOrDefault(d, new PathSpec.Constant(d.defaultValue())).fill(path, applied.baseYear());
                ObjectNode periods = root.withObjectProperty("drivers").withObjectProperty(d.group()).putObject(d.driverName());
                // the path as it results, in runs of equal values: the file gives exactly the numbers the page ran
                // (from the base year for a driver whose base-year value is observed: a file's periods would
                // otherwise give the base year the first period's value, which the what-if left as recorded)
                for (int t = d.observedInBaseYear() ? 0 : 1; t < path.length; ) {
                    int end = t;
                    while (end + 1 < path.length && path[end + 1] == path[t]) {
                        end++;
                    }
                    periods.put((applied.baseYear() + t) + "-" + (applied.baseYear() + end), path[t]);
                    t = end + 1;
                }
            }
        }
        // an upload's own name: its extends resolves as the upload's did
        String name = r.source() instanceof ScenarioSource.Text t ? t.name() : "scenario.yaml";
        String out;
        try {
            out = YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            load(Request.of(ScenarioSource.text(name, out)));
        } catch (InputException e) {
            // the request loaded: a text that does not is this method's fault, not the user's input
            throw new IllegalStateException("the scenario file written for " + applied.runId() + " does not load: " + e.getMessage(), e);
        }
        return out;
    }

    /** Loads and validates the request's scenario with its overrides (an {@link InputException} when it is bad). */
    public Scenario load(Request r) {
        List<ScenarioOverride> overrides = r.overrides().stream().map(ScenarioOverride::parse).toList();
        ScenarioSource src = r.source();
        if (src instanceof ScenarioSource.BuiltIn b) {
            List<Object> key = List.of(b.name(), r.overrides(), Limits.current());
            Scenario cached = builtInsLoaded.get(key);
            if (cached == null) {
                cached = loader.load(repository.resolveBuiltIn(b.name()), overrides);
                builtInsLoaded.put(key, cached);
            }
            return cached;
        }
        if (src instanceof ScenarioSource.File f) {
            return loader.load(f.path().toString(), overrides);
        }
        ScenarioSource.Text t = (ScenarioSource.Text) src;
        return loader.load(ScenarioRepository.text(t.name(), t.yaml()), overrides);
    }

    /**
     * The scenario's targets catalog (parsed once per file; checked once against what a scenario has, as scenarios
     * of one region share a catalog), or null when it names none.
     */
    public TargetCatalog targets(Scenario s) {
        if (s.targets() == null) {
            return null;
        }
        String file = cacheKey(s.targets());
        Map<String, io.plansim.model.VariableInfo> variables = variables(s);
        java.util.Set<String> regionMetrics = regionMetrics(s);
        return checked(java.util.Arrays.asList("targets", file, variables, regionMetrics, s.baseYear(), s.horizon()),
                () -> catalogs.computeIfAbsent(file, k -> parsed(TargetCatalog.parse(s.targets().display(), repository.read(s.targets(), at(s), "targets"))))
                .checkedFor(variables, regionMetrics, s.baseYear(), s.horizon()));
    }

    /**
     * What {@code check} gives, checked once for {@code key} (the file's {@link #cacheKey} and what the check reads of
     * the scenario); a check that fails is not kept, so the next request is told again.
     */
    @SuppressWarnings("unchecked")
    private <T> T checked(List<Object> key, java.util.function.Supplier<T> check) {
        Object done = checked.get(key);
        if (done == null) {
            done = check.get();
            checks.incrementAndGet();
            checked.put(key, done);
        }
        return (T) done;
    }

    private <T> T parsed(T file) {
        parses.incrementAndGet();
        return file;
    }

    /**
     * What a parsed file is cached under: a built-in's name, a file's name with its size and time of last change, so
     * that a file rewritten while the service runs (the what-if server, a test) is read again, not served stale.
     */
    private static String cacheKey(ScenarioRepository.Resource r) {
        if (r.file() == null) {
            return r.display();
        }
        try {
            java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(r.file(),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return r.display() + "@" + a.lastModifiedTime().toInstant() + "/" + a.size();
        } catch (java.io.IOException e) {
            return r.display(); // reading it will then say why it cannot be read
        }
    }

    /** What the region knows beyond what a scenario projects: its region file's satellites, its history's metrics. */
    private java.util.Set<String> regionMetrics(Scenario s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        s.regionData().areas().forEach(a -> out.addAll(a.variables()));
        history(s).records().forEach(r -> out.add(r.metric()));
        return out;
    }

    /**
     * The scenario's own history (parsed once per file, checked once per region, base year and variables of the
     * scenarios that name it; empty when it names none).
     */
    public History history(Scenario s) {
        if (s.history() == null) {
            return History.empty();
        }
        String file = cacheKey(s.history());
        Map<String, io.plansim.model.VariableInfo> variables = variables(s);
        return checked(java.util.Arrays.asList("history", file, s.region(), s.baseYear(), variables),
                () -> histories.computeIfAbsent(file, k -> parsed(History.parse(s.history().display(), repository.read(s.history(), at(s), "history"))))
                .checkedFor(s.region(), s.baseYear(), variables, null));
    }

    /** The actuals a request's forecast is conditioned on: the scenario's history, the extra rows over it, cut at asOf. */
    public History actuals(Scenario s, Request r) {
        History h = actuals(s, r.extraActuals());
        return r.asOf() == null ? h : h.asOf(r.asOf());
    }

    /**
     * The scenario's history with {@code extra} rows laid over it, every year. The extra rows are checked against
     * the scenario (History#checkedFor), and must name a metric something reads or the region records: a variable
     * of the scenario, a metric of its targets, its region file or its own history (a misspelt one would be ignored
     * silently).
     */
    public History actuals(Scenario s, History extra) {
        java.util.Set<String> known = regionMetrics(s);
        TargetCatalog t = targets(s);
        if (t != null) {
            t.targets().forEach(x -> known.add(x.metric()));
        }
        return history(s).with(extra.checkedFor(s.region(), s.baseYear(), variables(s), known));
    }

    /** The metrics a scenario projects, by id: the model's variables and the scenario's satellites. */
    static Map<String, io.plansim.model.VariableInfo> variables(Scenario s) {
        Map<String, io.plansim.model.VariableInfo> out = new java.util.LinkedHashMap<>();
        for (io.plansim.model.Variable v : io.plansim.model.Variable.values()) {
            out.put(v.id(), v.info());
        }
        s.satellites().forEach(sat -> out.put(sat.id(), sat.info()));
        return out;
    }

    /** The scenario compiled and conditioned on the request's actuals. */
    public CompiledScenario compile(Scenario s, Request r) {
        return condition(ScenarioCompiler.compile(s), s, actuals(s, r), r.asOf() == null ? Integer.MAX_VALUE : r.asOf());
    }

    /** c conditioned on the rows of {@code history} up to {@code asOf}; the base year gives the unconditioned forecast. */
    public static CompiledScenario condition(CompiledScenario c, Scenario s, History history, int asOf) {
        if (asOf < s.baseYear()) {
            throw InputException.of(SourceLocation.commandLine(), "--as-of", String.valueOf(asOf),
                    "a year from the scenario's base year " + s.baseYear() + " (an earlier origin needs a scenario based then)");
        }
        return c.withObservations(Observations.of(c, history, asOf));
    }

    /** The central path and its verdicts. */
    public Central central(Request r) {
        return central(prepare(r));
    }

    /** As above from a request already prepared. */
    public Central central(Prepared p) {
        Projection central = DeterministicRunner.run(p.compiled());
        List<TargetVerdict> verdicts = p.catalog() == null ? List.of() : TargetJudge.judge(p.catalog(), central, p.actuals());
        return new Central(p.scenario(), central, verdicts, notes(p.compiled()));
    }

    /** The Monte Carlo run, with progress reported to {@code progress} (may be null). */
    public Simulation simulate(Request r, McOptions o, MonteCarloRunner.Progress progress) {
        return simulate(r, o, Cancellation.never(), progress);
    }

    /**
     * The Monte Carlo run on this service's executor, stopped by {@code cancel} (a {@link CancelledException},
     * no result) and reporting to {@code progress} (may be null).
     */
    public Simulation simulate(Request r, McOptions o, Cancellation cancel, MonteCarloRunner.Progress progress) {
        return simulate(prepare(r), o, cancel, progress);
    }

    /** As above from a request already prepared (a front end that also reads the compiled scenario). */
    public Simulation simulate(Prepared p, McOptions o, Cancellation cancel, MonteCarloRunner.Progress progress) {
        return simulate(p, o, cancel, progress, null);
    }

    /**
     * As above, keeping the percentiles of the variables named in {@code percentilesOf} only (null: all): a front end
     * that shows a few (the what-if page) neither stores nor selects the rest. Their means, sds, the central path and
     * every target's probability are as in the full run; reading another variable's percentile is an
     * {@link IllegalArgumentException}.
     */
    public Simulation simulate(Prepared p, McOptions o, Cancellation cancel, MonteCarloRunner.Progress progress,
                               java.util.Set<String> percentilesOf) {
        McResult mc = MonteCarloRunner.summarise(p.compiled(), o, p.judged(), new RunControl(executor, cancel, progress, draws), percentilesOf);
        // too many failed paths is the user's input error, told before anything is computed from the rest
        FailedPaths.check(p.scenario().lineage().get(0), mc);
        Projection central = DeterministicRunner.run(p.compiled());
        List<TargetVerdict> verdicts = p.catalog() == null ? List.of() : TargetJudge.judge(p.catalog(), central, p.actuals(), mc);
        List<String> notes = new ArrayList<>(notes(p.compiled()));
        notes.add(p.calibrationLine(false));
        return new Simulation(p.scenario(), mc, central, verdicts, notes, p.compiled().calibration());
    }

    /**
     * What a run of a request starts from: the scenario, compiled and conditioned on its actuals, its targets
     * catalog (null when it names none) and the targets a path can be judged on.
     */
    public record Prepared(Scenario scenario, CompiledScenario compiled, TargetCatalog catalog, History actuals, PathTargets judged) {
        /** The same request with its Monte Carlo paths recalibrated by {@code cal}; null gives the raw distribution. */
        public Prepared withCalibration(SpreadCalibration cal) {
            return new Prepared(scenario, compiled.withCalibration(cal), catalog, actuals, judged);
        }

        /** The one line that says which distribution a run of this request shows. */
        public String calibrationLine(boolean zh) {
            return Forecasts.calibrationLine(compiled.calibration(), zh);
        }
    }

    /** Loads, compiles and conditions a request, ready for a run (a benchmark measures the run alone from here). */
    public Prepared prepare(Request r) {
        Scenario s = load(r);
        CompiledScenario c = compile(s, r);
        TargetCatalog t = targets(s);
        History actuals = actuals(s, r);
        PathTargets judged = t == null ? PathTargets.none() : PathTargets.of(c, t.targets(), actuals);
        // Prepared.withCalibration(null) gives the raw distribution
        return new Prepared(s, calibrated(c), t, actuals, judged);
    }

    /** c with the service's default distributions, the calibrated ones (docs/MODEL.md "Recalibration"). */
    private static CompiledScenario calibrated(CompiledScenario c) {
        return c.withCalibration(SpreadCalibration.builtIn());
    }

    /** The one line that says which distribution a run shows: the calibration's description, or that it is raw (null). */
    public static String calibrationLine(SpreadCalibration cal, boolean zh) {
        return cal == null ? (zh ? "未校准（--raw）：蒙特卡洛原始分布" : "uncalibrated (--raw): the raw Monte Carlo distribution") : cal.describe(zh);
    }

    /** The answer to "what would it take": the target, the driver setting searched and the solver's result. */
    public record Solution(Scenario scenario, io.plansim.target.Target target, io.plansim.analysis.DriverSetting knob,
                           io.plansim.analysis.SolveResult result) {
    }

    /**
     * The level of {@code driverPath} (the same value from the year after the base to the target's year) at which
     * the target is met on the central path ({@code probability} null) or on that share of Monte Carlo paths
     * (common random numbers, options {@code o}), searched over the driver's allowed range by
     * {@link io.plansim.analysis.RequiredDriverSolver}. Bad names or a probability outside (0, 1) are an
     * {@link InputException} naming the field.
     */
    public Solution solve(Request r, String targetId, String driverPath, Double probability, McOptions o) {
        Scenario s = load(r);
        Driver driver = Driver.byPath(driverPath).orElseThrow(() -> InputException.of(SourceLocation.commandLine(), "driver",
                "'" + driverPath + "'", io.plansim.scenario.Suggestions.allowed(driverPath,
                        java.util.Arrays.stream(Driver.values()).map(Driver::path).toList())));
        TargetCatalog catalog = targets(s);
        io.plansim.target.Target target = catalog == null ? null : catalog.byId(targetId);
        if (target == null || target.year() <= s.baseYear() || target.year() > s.horizon()) {
            List<String> ids = catalog == null ? List.of() : catalog.targets().stream()
                    .filter(t -> t.year() > s.baseYear() && t.year() <= s.horizon()).map(io.plansim.target.Target::id).toList();
            throw InputException.of(SourceLocation.commandLine(), "target", "'" + targetId + "'",
                    io.plansim.scenario.Suggestions.allowed(targetId, ids));
        }
        if (probability != null && !(probability > 0 && probability < 1)) {
            throw InputException.of(SourceLocation.commandLine(), "probability", String.valueOf(probability), "a share strictly between 0 and 1");
        }
        if (probability != null && s.uncertainty().parameters().stream()
                .anyMatch(p -> p.driver() == driver && p.mode() == io.plansim.scenario.DrawMode.REPLACE)) {
            throw InputException.of(SourceLocation.commandLine(), "driver", driverPath
                            + " is drawn per path with apply: replace, which overrides any value the solver tries",
                    "a driver the scenario does not draw whole (or the central path: no probability)");
        }
        // the distribution every other run of the service shows, the calibrated one (as prepare, and plansim solve):
        // the raw one here gave the page's solver a driver value for other probabilities than the page's
        CompiledScenario c = calibrated(compile(s, r));
        History actuals = actuals(s, r);
        io.plansim.analysis.DriverSetting knob = new io.plansim.analysis.DriverSetting(driver, s.baseYear() + 1, target.year(),
                io.plansim.scenario.DrawMode.REPLACE);
        io.plansim.analysis.SolveResult result;
        try {
            result = probability == null
                    ? io.plansim.analysis.RequiredDriverSolver.central(c, target, actuals, knob, driver.min(), driver.max())
                    : io.plansim.analysis.RequiredDriverSolver.probability(c, target, actuals, knob, driver.min(), driver.max(), probability, o,
                            executor);
        } catch (IllegalArgumentException e) {
            result = io.plansim.analysis.SolveResult.notSolvable(driver.min(), driver.max(), e.getMessage());
        }
        return new Solution(s, target, knob, result);
    }

    /** Tornado bars of one output, largest swing first, and the output with every parameter at its median. */
    public record Tornado(Scenario scenario, String output, List<io.plansim.analysis.Sensitivity.Bar> bars, double atMedians) {
        public Tornado {
            bars = List.copyOf(bars);
        }
    }

    /**
     * The tornado of a target's outcome (a target id) or of a variable in a year ({@code gdp_nominal@2035}): each
     * uncertain parameter at its 10th and 90th percentile, the others at their medians, on the deterministic model.
     */
    public Tornado tornado(Request r, String output) {
        Scenario s = load(r);
        CompiledScenario c = compile(s, r);
        java.util.function.ToDoubleFunction<double[]> f;
        try {
            int at = output.indexOf('@');
            if (at > 0) {
                f = io.plansim.analysis.Sensitivity.variableAt(c, output.substring(0, at), Integer.parseInt(output.substring(at + 1)));
            } else {
                TargetCatalog catalog = targets(s);
                io.plansim.target.Target t = catalog == null ? null : catalog.byId(output);
                if (t == null) {
                    throw new IllegalArgumentException("no target " + output + (catalog == null ? "" : " in " + catalog.file()));
                }
                PathTargets one = PathTargets.of(c, List.of(t), actuals(s, r));
                if (one.size() == 0) {
                    throw new IllegalArgumentException("target " + output + " is not in the projected years");
                }
                f = io.plansim.analysis.Sensitivity.targetOutcome(one);
            }
        } catch (IllegalArgumentException e) {
            throw InputException.of(SourceLocation.commandLine(), "output", "'" + output + "' (" + e.getMessage() + ")",
                    "METRIC@YEAR such as gdp_nominal@2035, or a target id");
        }
        if (s.uncertainty().parameters().isEmpty()) {
            throw InputException.of(at(s), "uncertainty.parameters", "no uncertain parameters",
                    "a tornado needs at least one parameter with a distribution under uncertainty.parameters");
        }
        return new Tornado(s, output, io.plansim.analysis.Sensitivity.tornado(c, f), io.plansim.analysis.Sensitivity.atMedians(c, f));
    }

    /** What a compiled scenario was conditioned on, and the partial-year figures it could not use. */
    public static List<String> notes(CompiledScenario c) {
        List<String> out = new ArrayList<>();
        Observations o = c.observations();
        if (o.baseYearRate() != null) {
            out.add(o.baseYearRate());
        }
        if (o.any()) {
            out.add("conditioned on actuals up to " + (c.baseYear() + o.lastIndex()) + ": "
                    + String.join("; ", o.notes().stream().map(n -> n.metric() + " " + n.text()).toList()));
        }
        o.unused().forEach(u -> out.add("not used: " + u));
        return out;
    }

    private static SourceLocation at(Scenario s) {
        return new SourceLocation(s.lineage().get(0), 0, 0);
    }
}
