package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edge where user files become a trusted {@link Scenario}: resolves {@code extends} chains (child over
 * parent, cycles refused), applies {@code --set} overrides, and validates everything at once, reporting
 * every problem with file, line, column, field, what was found and what is allowed.
 */
public final class ScenarioLoader {
    static final Set<String> TOP_KEYS = Set.of("name", "name_zh", "narrative", "narrative_zh", "region", "baseYear", "horizon", "currency",
            "model", "base", "drivers", "satellites", "shocks", "extends", "targets", "history", "uncertainty", "calibration",
            "backtest", "regionFile");
    private static final Pattern ATOMIC = Pattern.compile(
            "^/drivers/[^/]+/[^/]+$|^/satellites/[^/]+/(trend|ratio|path|elasticity)$|^/base/[^/]+/source$"
                    + "|^/uncertainty/(parameters|shocks|events)/[^/]+$|^/uncertainty/correlation$");

    private final ScenarioRepository repository;

    public ScenarioLoader(ScenarioRepository repository) {
        this.repository = repository;
    }

    public Scenario load(String ref) {
        return load(ref, List.of());
    }

    public Scenario load(String ref, List<ScenarioOverride> overrides) {
        return load(repository.resolve(ref), overrides);
    }

    /** Loads a scenario whose top file is {@code top}, e.g. {@link ScenarioRepository#text} for in-memory text. */
    public Scenario load(ScenarioRepository.ScenarioText top, List<ScenarioOverride> overrides) {
        return load(top, overrides, new java.util.LinkedHashMap<>());
    }

    /**
     * A scenario and every file it was computed from, by the name messages give it (a file path, or a built-in's
     * resource), with its text: the {@code extends} chain child first, then the targets, history and region files
     * it names. What a stored result depends on besides the overrides (a batch's resume compares their hashes).
     */
    public record Loaded(Scenario scenario, Map<String, String> inputs) {
        public Loaded {
            inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        }
    }

    /** {@link #load(String, List)} and the files it read. */
    public Loaded loadWithInputs(String ref, List<ScenarioOverride> overrides) {
        Map<String, String> inputs = new java.util.LinkedHashMap<>();
        Scenario s = load(repository.resolve(ref), overrides, inputs);
        return new Loaded(s, inputs);
    }

    private Scenario load(ScenarioRepository.ScenarioText top, List<ScenarioOverride> overrides, Map<String, String> inputs) {
        for (ScenarioOverride o : overrides) {
            if (o.path().equals("extends")) {
                // the chain is resolved from the files before overrides apply: an override here would do nothing
                throw InputException.of(o.location(), "extends", "an override of the parent scenario",
                        "an override cannot change extends; write a scenario file with extends: " + o.value() + " and run that");
            }
        }
        List<String> lineage = new ArrayList<>();
        Map<String, ScenarioRepository.ScenarioText> texts = new java.util.LinkedHashMap<>(); // chain order, child first
        LocatedDocument doc = readChain(top, new ArrayDeque<>(), lineage, texts, new ArrayList<>());
        texts.forEach((name, t) -> inputs.put(name, t.text()));
        doc.root().remove("extends");
        List<ScenarioOverride> ranged = new ArrayList<>();
        for (ScenarioOverride o : overrides) {
            if (o.onPath()) {
                ranged.add(o);
            } else {
                apply(doc, o);
            }
        }
        Set<String> parents = new java.util.HashSet<>(texts.keySet());
        parents.remove(top.displayFile());
        Scenario s = new Validation(doc, top.id(), lineage, overrides.stream().map(ScenarioOverride::label).toList(),
                top.displayFile(), parents).run(ranged);
        ScenarioRepository.Resource targets = resource(doc, texts, "targets", inputs);
        ScenarioRepository.Resource history = resource(doc, texts, "history", inputs);
        ScenarioRepository.Resource region = resource(doc, texts, "regionFile", inputs);
        return s.withFiles(targets, history, region == null ? null : RegionData.parse(region.display(), inputs.get(region.display())));
    }

    /**
     * The targets, history or region file a scenario names, resolved next to the file that named it; its text goes
     * into {@code inputs} under its display name.
     */
    private ScenarioRepository.Resource resource(LocatedDocument doc, Map<String, ScenarioRepository.ScenarioText> texts,
                                                 String key, Map<String, String> inputs) {
        JsonNode ref = doc.root().get(key);
        if (ref == null || ref.isNull()) {
            return null;
        }
        SourceLocation at = doc.locate("/" + key);
        ScenarioRepository.ScenarioText from = texts.get(at.file());
        if (!ref.isTextual() || from == null) {
            throw InputException.of(at, key, FieldReader.describe(ref), "a file name such as targets.yaml");
        }
        ScenarioRepository.Resource r = repository.sibling(from, ref.asText());
        // a file named but missing is an error where it is named, for every command
        inputs.put(r.display(), repository.read(r, at, key));
        return r;
    }

    /** Where the cycle starts in a chain whose last element repeats an earlier one. */
    private static int cycleStart(List<String> chain) {
        return chain.indexOf(chain.get(chain.size() - 1));
    }

    private LocatedDocument readChain(ScenarioRepository.ScenarioText text, Deque<String> stack, List<String> lineage,
                                      Map<String, ScenarioRepository.ScenarioText> texts, List<ScenarioRepository.ScenarioText> chain) {
        LocatedDocument doc = LocatedDocument.parseRecent(text.displayFile(), text.text());
        texts.put(text.displayFile(), text);
        stack.push(ScenarioRepository.key(text));
        lineage.add(text.id());
        JsonNode ext = doc.root().get("extends");
        if (ext == null || ext.isNull()) {
            return doc;
        }
        SourceLocation where = doc.locate("/extends");
        if (!ext.isTextual() || ext.asText().isBlank()) {
            throw InputException.of(where, "extends", FieldReader.describe(ext), "the name of a parent scenario, e.g. baseline or yiwu/baseline");
        }
        ScenarioRepository.ScenarioText parent = repository.resolveParent(ext.asText(), text);
        if (parent == null) {
            throw InputException.of(where, "extends", "'" + ext.asText() + "' (no such scenario)",
                    Suggestions.allowed(ext.asText(), repository.builtIns()));
        }
        if (stack.contains(ScenarioRepository.key(parent))) {
            // named by key (an absolute path), so a.yaml and /abs/a.yaml are one file: the cycle is seen at once
            List<String> cycle = new ArrayList<>();
            for (ScenarioRepository.ScenarioText t : chain) {
                cycle.add(ScenarioRepository.shown(t));
            }
            cycle.add(ScenarioRepository.shown(text));
            cycle.add(ScenarioRepository.shown(parent));
            throw InputException.of(where, "extends", "a cycle " + String.join(" -> ", cycle.subList(cycleStart(cycle), cycle.size())),
                    "a scenario may not extend itself, directly or through its parents");
        }
        if (stack.size() >= Limits.current().extendsDepth()) {
            throw InputException.of(where, "extends", "a chain of more than " + Limits.current().extendsDepth() + " parents",
                    "at most " + Limits.current().extendsDepth() + "; " + Limits.raise("extends"));
        }
        chain.add(text);
        LocatedDocument parentDoc = readChain(parent, stack, lineage, texts, chain);
        stack.pop();
        // a child that renames itself (or retells its story) in one language only must not keep the parent's
        // words in the other: the Chinese text then falls back to the child's own
        for (String key : List.of("name", "narrative")) {
            if (doc.root().has(key) && !doc.root().has(key + "_zh")) {
                ((ObjectNode) parentDoc.root()).remove(key + "_zh");
            }
        }
        return doc.over(parentDoc, p -> ATOMIC.matcher(p).matches());
    }

    /** Where a --set path lives in the document: drivers by their short path, anything else literally. */
    static String pointerOf(String path) {
        String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        boolean driverLike = Driver.byPath(path).isPresent()
                || (Driver.groups().contains(first) && !TOP_KEYS.contains(first));
        String full = driverLike ? "drivers." + path : path;
        StringBuilder sb = new StringBuilder();
        for (String part : full.split("\\.")) {
            sb.append('/').append(LocatedDocument.escape(part));
        }
        return sb.toString();
    }

    private static void apply(LocatedDocument doc, ScenarioOverride o) {
        String pointer = pointerOf(o.path());
        JsonNode value = LocatedDocument.parse(o.location().file(), "v: " + o.value()).root().get("v");
        ObjectNode node = doc.root();
        String[] parts = pointer.substring(1).split("/");
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            String key = parts[i].replace("~1", "/").replace("~0", "~");
            at.append('/').append(parts[i]);
            JsonNode next = node.get(key);
            if (next == null || !next.isObject()) {
                if (next != null) {
                    throw InputException.of(o.location(), o.path(), "'" + key + "' holds " + FieldReader.describe(next),
                            "an override can only reach into mappings");
                }
                next = node.putObject(key);
                doc.markLocation(at.toString(), o.location());
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1].replace("~1", "/").replace("~0", "~"), value);
        doc.markLocation(pointer, o.location());
        // Values beneath the replaced node came from the file: they are gone now, so point at the override.
    }

    /** One validation pass over a merged document; collects every problem before failing. */
    private static final class Validation extends FieldReader {
        private final String id;
        private final List<String> lineage;
        private int baseYear;
        private int horizon;
        /** Drivers changed by a ranged or relative --set, with where the change came from. */
        private final Map<Driver, SourceLocation> overridden = new EnumMap<>(Driver.class);

        private final List<String> overrides;
        /** The file loaded, and the files it extends: where a value was set decides whether it is the user's. */
        private final String topFile;
        private final Set<String> parentFiles;

        Validation(LocatedDocument doc, String id, List<String> lineage, List<String> overrides, String topFile,
                   Set<String> parentFiles) {
            super(doc);
            this.id = id;
            this.lineage = lineage;
            this.overrides = overrides;
            this.topFile = topFile;
            this.parentFiles = parentFiles;
        }

        Scenario run(List<ScenarioOverride> ranged) {
            ObjectNode root = doc.root();
            checkKeys("", root, TOP_KEYS);
            String name = text("/name", root.get("name"), false, id);
            String narrative = text("/narrative", root.get("narrative"), false, "");
            String nameZh = text("/name_zh", root.get("name_zh"), false, name);
            String narrativeZh = text("/narrative_zh", root.get("narrative_zh"), false, narrative);
            String region = text("/region", root.get("region"), true, "");
            String currency = text("/currency", root.get("currency"), false, "CNY");
            text("/targets", root.get("targets"), false, "");
            text("/history", root.get("history"), false, "");
            text("/regionFile", root.get("regionFile"), false, "");
            String calibration = text("/calibration", root.get("calibration"), false, null);
            if (!currency.equals("CNY")) {
                problem("/currency", "'" + currency + "'", "allowed: CNY (values in 亿元; trade also in 亿美元)");
            }
            baseYear = year("/baseYear", root.get("baseYear"), 1950, 2100);
            horizon = year("/horizon", root.get("horizon"), 1950, 3000);
            if (baseYear > 0 && horizon > 0 && horizon <= baseYear) {
                problem("/horizon", String.valueOf(horizon), "must be after baseYear " + baseYear);
                horizon = -1;
            }
            ProductionKind model = ProductionKind.SOLOW;
            JsonNode m = root.get("model");
            if (m != null) {
                String s = m.asText().toUpperCase(Locale.ROOT);
                if (!m.isTextual() || !(s.equals("SOLOW") || s.equals("GROWTH"))) {
                    problem("/model", FieldReader.describe(m), "allowed: solow, growth");
                } else {
                    model = ProductionKind.valueOf(s);
                }
            }
            // one reader per section, as UncertaintyReader; all report into this pass's problems
            BaseReader values = new BaseReader(this);
            PathReader paths = new PathReader(this, baseYear, horizon);
            Map<BaseField, BaseValue> base = values.base(root.get("base"));
            List<Satellite> satellites = new SatellitesReader(this, paths, values).satellites(root.get("satellites"));
            Map<Driver, PathSpec> drivers = new DriversReader(this, paths, baseYear, horizon).drivers(root.get("drivers"));
            new RangedOverrides(this, baseYear, horizon, overridden).applyRanged(ranged, drivers, satellites);
            List<Shock> shocks = new ShocksReader(this, baseYear, horizon).shocks(root.get("shocks"), satellites);
            Uncertainty uncertainty = new UncertaintyReader(this, baseYear, horizon, SatellitesReader.shockable(satellites))
                    .read(root.get("uncertainty"));
            refuseIgnoredOverrides(uncertainty);
            refuseUnreadDrivers(model, uncertainty);
            Map<String, String> breaks = new BacktestReader(this).backtestBreaks(root.get("backtest"), satellites);
            failIfProblems();
            return new Scenario(id, name, narrative, region, baseYear, horizon, currency, model, base, drivers,
                    satellites, shocks, lineage, null, null, uncertainty, calibration, breaks, overrides, nameZh, narrativeZh, null);
        }

        /**
         * A driver drawn with {@code apply: replace} takes the draw whatever its value: a value given to it
         * anywhere but beside that distribution (a child file, {@code --set}, a batch grid) would change the
         * central path and leave every probability as it was, so it is refused.
         */
        private void refuseIgnoredOverrides(Uncertainty uncertainty) {
            for (Uncertainty.Parameter p : uncertainty.parameters()) {
                if (p.mode() != DrawMode.REPLACE) {
                    continue;
                }
                Driver d = p.driver();
                String drawnAt = "/uncertainty/parameters/" + LocatedDocument.escape(d.path());
                SourceLocation distribution = doc.locate(drawnAt);
                String valueAt = "/drivers/" + LocatedDocument.escape(d.group()) + "/" + LocatedDocument.escape(d.driverName());
                SourceLocation value = overridden.get(d);
                if (value == null && doc.root().at(valueAt).isMissingNode()) {
                    continue;
                }
                if (value == null) {
                    value = doc.locate(valueAt);
                }
                if (!value.file().equals(distribution.file())) {
                    String why = "Monte Carlo would ignore it: " + distribution + " draws " + d.path()
                            + " with apply: replace; restate that distribution as a spread around the value "
                            + "(apply: shift or scale) so the change moves the whole distribution";
                    if (overridden.containsKey(d)) {
                        problems.add(new InputProblem(value, d.path(), "an override of a driver drawn whole", why));
                    } else {
                        problem(valueAt, "a value given here", why);
                    }
                }
            }
        }


        /**
         * A driver the model does not read (production.realGrowth under solow, the Solow inputs under growth) would
         * change nothing, so a value or distribution given to one is refused where it was given. Only settings made
         * at the model's own level or above count: a parent's values for its own model are inherited quietly when a
         * child (or --set model=...) switches model, as are the built-in defaults.
         */
        private void refuseUnreadDrivers(ProductionKind model, Uncertainty uncertainty) {
            int modelLevel = doc.root().hasNonNull("model") ? level(doc.locate("/model")) : 0;
            for (Driver d : Driver.values()) {
                if (model.reads(d)) {
                    continue;
                }
                String why = model.notRead(d);
                String valueAt = "/drivers/" + LocatedDocument.escape(d.group()) + "/" + LocatedDocument.escape(d.driverName());
                JsonNode value = doc.root().at(valueAt);
                SourceLocation ranged = overridden.get(d);
                if (ranged != null && level(ranged) >= modelLevel) {
                    problems.add(new InputProblem(ranged, d.path(), "an override of a driver the model does not read", why));
                } else if (!value.isMissingNode() && level(doc.locate(valueAt)) > 0 && level(doc.locate(valueAt)) >= modelLevel) {
                    problem(valueAt, describe(value), why);
                }
                for (Uncertainty.Parameter p : uncertainty.parameters()) {
                    String drawnAt = "/uncertainty/parameters/" + LocatedDocument.escape(d.path());
                    if (p.driver() == d && level(doc.locate(drawnAt)) > 0 && level(doc.locate(drawnAt)) >= modelLevel) {
                        problem(drawnAt, "a distribution on it", why);
                    }
                }
            }
        }

        /** 0 for a file the scenario extends, 1 for the scenario's own file, 2 for --set and batch overrides. */
        private int level(SourceLocation at) {
            return parentFiles.contains(at.file()) ? 0 : at.file().equals(topFile) ? 1 : 2;
        }
    }
}
