package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plansim.model.Basis;
import io.plansim.model.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge where user files become a trusted {@link Scenario}: resolves {@code extends} chains (child over
 * parent, cycles refused), applies {@code --set} overrides, and validates everything at once, reporting
 * every problem with file, line, column, field, what was found and what is allowed.
 */
public final class ScenarioLoader {
    static final Set<String> TOP_KEYS = Set.of("name", "name_zh", "narrative", "narrative_zh", "region", "baseYear", "horizon", "currency",
            "model", "base", "drivers", "satellites", "shocks", "extends", "targets", "history", "uncertainty", "calibration",
            "backtest");
    private static final Pattern RANGE = Pattern.compile("^(\\d{4})(?:\\s*-\\s*(\\d{4}))?$");
    private static final Pattern SNAKE = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Pattern ATOMIC = Pattern.compile(
            "^/drivers/[^/]+/[^/]+$|^/satellites/[^/]+/(trend|ratio|path|elasticity)$|^/base/[^/]+/source$"
                    + "|^/uncertainty/(parameters|shocks|events)/[^/]+$|^/uncertainty/correlation$");
    private static final List<String> SATELLITE_KEYS =
            List.of("name", "name_zh", "unit", "basis", "mode", "link", "base", "trend", "ratio", "path", "elasticity", "note");
    private static final List<String> VALUE_KEYS = List.of("value", "unit", "source", "note");

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
        for (ScenarioOverride o : overrides) {
            if (o.path().equals("extends")) {
                // the chain is resolved from the files before overrides apply: an override here would do nothing
                throw InputException.of(o.location(), "extends", "an override of the parent scenario",
                        "--set cannot change extends; write a scenario file with extends: " + o.value() + " and run that");
            }
        }
        List<String> lineage = new ArrayList<>();
        Map<String, ScenarioRepository.ScenarioText> texts = new java.util.HashMap<>();
        LocatedDocument doc = readChain(top, new ArrayDeque<>(), lineage, texts, new ArrayList<>());
        doc.root().remove("extends");
        List<ScenarioOverride> ranged = new ArrayList<>();
        for (ScenarioOverride o : overrides) {
            if (o.onPath()) {
                ranged.add(o);
            } else {
                apply(doc, o);
            }
        }
        Scenario s = new Validation(doc, top.id(), lineage, overrides.stream().map(ScenarioOverride::label).toList()).run(ranged);
        return s.withCatalogs(resource(doc, texts, "targets"), resource(doc, texts, "history"));
    }

    /** The targets or history file a scenario names, resolved next to the file that named it. */
    private ScenarioRepository.Resource resource(LocatedDocument doc, Map<String, ScenarioRepository.ScenarioText> texts,
                                                 String key) {
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
        repository.read(r, at, key); // a file named but missing is an error where it is named, for every command
        return r;
    }

    /** Where the cycle starts in a chain whose last element repeats an earlier one. */
    private static int cycleStart(List<String> chain) {
        return chain.indexOf(chain.get(chain.size() - 1));
    }

    private LocatedDocument readChain(ScenarioRepository.ScenarioText text, Deque<String> stack, List<String> lineage,
                                      Map<String, ScenarioRepository.ScenarioText> texts, List<ScenarioRepository.ScenarioText> chain) {
        LocatedDocument doc = LocatedDocument.parse(text.displayFile(), text.text());
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
                            "--set can only reach into mappings");
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

        Validation(LocatedDocument doc, String id, List<String> lineage, List<String> overrides) {
            super(doc);
            this.id = id;
            this.lineage = lineage;
            this.overrides = overrides;
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
            Map<BaseField, BaseValue> base = base(root.get("base"));
            List<Satellite> satellites = satellites(root.get("satellites"));
            Map<Driver, PathSpec> drivers = drivers(root.get("drivers"));
            applyRanged(ranged, drivers, satellites);
            List<Shock> shocks = shocks(root.get("shocks"), satellites);
            Uncertainty uncertainty = new UncertaintyReader(this, baseYear, horizon, shockable(satellites))
                    .read(root.get("uncertainty"));
            refuseIgnoredOverrides(uncertainty);
            Map<String, String> breaks = backtestBreaks(root.get("backtest"), satellites);
            failIfProblems();
            return new Scenario(id, name, narrative, region, baseYear, horizon, currency, model, base, drivers,
                    satellites, shocks, lineage, null, null, uncertainty, calibration, breaks, overrides, nameZh, narrativeZh);
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
         * {@code backtest: {breaks: {metric: reason}}}: the projected metrics whose later actuals sit across a
         * statistical break from the base year's basis, each with its reason.
         */
        private Map<String, String> backtestBreaks(JsonNode node, List<Satellite> satellites) {
            Map<String, String> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem("/backtest", FieldReader.describe(node), "a mapping {breaks: {metric: reason}}");
                return out;
            }
            checkKeys("/backtest", node, List.of("breaks"));
            JsonNode breaks = node.get("breaks");
            if (breaks == null || breaks.isNull()) {
                return out;
            }
            if (!breaks.isObject()) {
                problem("/backtest/breaks", FieldReader.describe(breaks),
                        "a mapping of projected metric ids to the reason their later actuals are across a break, "
                                + "e.g. {population: \"2020 actual is a census count, the base a yearly estimate\"}");
                return out;
            }
            List<String> metrics = projected(satellites);
            for (Iterator<Map.Entry<String, JsonNode>> it = breaks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "/backtest/breaks/" + LocatedDocument.escape(e.getKey());
                JsonNode reason = e.getValue();
                if (!metrics.contains(e.getKey())) {
                    problem(p, "unknown metric '" + e.getKey() + "'", Suggestions.allowed(e.getKey(), metrics));
                } else if (reason.isNull() || reason.isTextual() && reason.asText().isBlank()) {
                    problem(p, "an empty reason", "say what changed between the base year's basis and the actuals");
                } else if (!reason.isTextual()) {
                    problem(p, FieldReader.describe(reason), "the reason as text: what changed between the base year's basis and the actuals");
                } else {
                    out.put(e.getKey(), reason.asText().strip());
                }
            }
            return out;
        }







        private BaseValue value(String pointer, JsonNode node, String unit) {
            if (node == null || node.isNull()) {
                problem(pointer, "nothing", "this base-year value is required: {value: ..., unit: " + unit + ", source: ...}");
                return null;
            }
            if (!node.isObject()) {
                problem(pointer, FieldReader.describe(node), "a mapping {value: ..., unit: " + unit + ", source: ...}");
                return null;
            }
            checkKeys(pointer, node, VALUE_KEYS);
            Double v = number(pointer + "/value", node.get("value"));
            String u = node.has("unit") ? node.get("unit").asText() : null;
            if (unit != null && !unit.equals(u)) {
                problem(pointer + "/unit", u == null ? "no unit" : "'" + u + "'", "the unit must be " + unit);
            }
            Source s = source(pointer + "/source", node.get("source"));
            if (v != null && v < 0) {
                problem(pointer + "/value", FieldReader.describe(node.get("value")), "a level cannot be negative");
            }
            return v == null ? null : new BaseValue(v, u == null ? unit : u, s);
        }

        private Map<BaseField, BaseValue> base(JsonNode node) {
            Map<BaseField, BaseValue> out = new EnumMap<>(BaseField.class);
            if (node == null || !node.isObject()) {
                problem("/base", FieldReader.describe(node), "a mapping of base-year values: " + String.join(", ", BaseField.keys()));
                return out;
            }
            checkKeys("/base", node, BaseField.keys());
            for (BaseField f : BaseField.values()) {
                BaseValue v = value("/base/" + f.key(), node.get(f.key()), f.unit());
                if (v != null) {
                    out.put(f, v);
                }
            }
            if (out.containsKey(BaseField.PRIMARY_SHARE) && out.containsKey(BaseField.SECONDARY_SHARE)
                    && out.containsKey(BaseField.TERTIARY_SHARE)) {
                double sum = out.get(BaseField.PRIMARY_SHARE).value() + out.get(BaseField.SECONDARY_SHARE).value()
                        + out.get(BaseField.TERTIARY_SHARE).value();
                if (Math.abs(sum - 100) > 0.15) {
                    problem(shareStatedHere(), "sector shares summing to " + sum + "%", "the three shares must sum to 100% (within 0.15 for rounding)");
                }
            }
            BaseValue u = out.get(BaseField.URBANIZATION_RATE);
            if (u != null && (u.value() <= 0 || u.value() >= 100)) {
                problem("/base/urbanizationRate/value", String.valueOf(u.value()), "a rate in percent between 0 and 100");
            }
            for (BaseField f : List.of(BaseField.GDP_NOMINAL, BaseField.POPULATION, BaseField.ENERGY_INTENSITY,
                    BaseField.INCOME_PER_CAPITA)) {
                if (out.containsKey(f) && out.get(f).value() == 0) { // a negative one is reported by value()
                    problem("/base/" + f.key() + "/value", "0", "a positive level");
                }
            }
            return out;
        }

        /** The sector share a child file states (the one its author changed), else the tertiary share. */
        private String shareStatedHere() {
            for (String key : List.of("primaryShare", "secondaryShare", "tertiaryShare")) {
                if (doc.locate("/base/" + key).file().equals(doc.file())) {
                    return "/base/" + key;
                }
            }
            return "/base/tertiaryShare";
        }

        private Map<Driver, PathSpec> drivers(JsonNode node) {
            Map<Driver, PathSpec> out = new EnumMap<>(Driver.class);
            if (node != null && !node.isNull()) {
                if (!node.isObject()) {
                    problem("/drivers", FieldReader.describe(node), "a mapping of driver groups: " + String.join(", ", Driver.groups()));
                } else {
                    checkKeys("/drivers", node, Driver.groups());
                    for (Iterator<Map.Entry<String, JsonNode>> g = node.fields(); g.hasNext(); ) {
                        Map.Entry<String, JsonNode> group = g.next();
                        if (!Driver.groups().contains(group.getKey())) {
                            continue;
                        }
                        String gp = "/drivers/" + group.getKey();
                        List<String> names = java.util.Arrays.stream(Driver.values())
                                .filter(d -> d.group().equals(group.getKey())).map(Driver::driverName).toList();
                        if (!group.getValue().isObject()) {
                            problem(gp, FieldReader.describe(group.getValue()), "a mapping of drivers: " + String.join(", ", names));
                            continue;
                        }
                        checkKeys(gp, group.getValue(), names);
                        for (Iterator<Map.Entry<String, JsonNode>> d = group.getValue().fields(); d.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = d.next();
                            Driver.byPath(group.getKey() + "." + e.getKey()).ifPresent(driver -> {
                                PathSpec spec = pathSpec(gp + "/" + e.getKey(), e.getValue(), driver.scalar());
                                if (spec != null && checkBounds(gp + "/" + e.getKey(), spec, driver.kind(), driver.min(), driver.max())) {
                                    out.put(driver, spec);
                                }
                            });
                        }
                    }
                }
            }
            for (Driver d : Driver.values()) {
                out.putIfAbsent(d, new PathSpec.Constant(d.defaultValue()));
            }
            if (baseYear > 0 && horizon > baseYear) {
                double[] primary = new double[horizon - baseYear + 1];
                double[] secondary = new double[primary.length];
                out.get(Driver.PRIMARY_LONG_RUN).fill(primary, baseYear);
                out.get(Driver.SECONDARY_LONG_RUN).fill(secondary, baseYear);
                for (int t = 0; t < primary.length; t++) {
                    if (primary[t] + secondary[t] > 1) {
                        problem("/drivers/structure", "long-run primary + secondary shares of " + (primary[t] + secondary[t])
                                + " in " + (baseYear + t), "at most 1 (the tertiary share is the rest)");
                        break;
                    }
                }
            }
            return out;
        }

        /** Parses a time path; scalar drivers accept only a number. */
        private PathSpec pathSpec(String pointer, JsonNode node, boolean scalar) {
            if (node != null && (node.isNumber() || node.isTextual())) {
                Double v = number(pointer, node);
                return v == null ? null : new PathSpec.Constant(v);
            }
            String forms = scalar ? "a single number (this is a model constant, not a time path)"
                    : "a number, a mapping of periods {2021-2025: 0.065, 2026-2035: 0.05}, or {anchors: {2020: 0.07, 2035: 0.04}}";
            if (scalar || node == null || !node.isObject() || node.isEmpty()) {
                problem(pointer, FieldReader.describe(node), forms);
                return null;
            }
            if (node.has("anchors")) {
                checkKeys(pointer, node, List.of("anchors"));
                JsonNode a = node.get("anchors");
                if (!a.isObject() || a.isEmpty()) {
                    problem(pointer + "/anchors", FieldReader.describe(a), "a mapping of years to values {2020: 0.07, 2035: 0.04}");
                    return null;
                }
                TreeMap<Integer, Double> anchors = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = pointer + "/anchors/" + e.getKey();
                    Matcher mm = RANGE.matcher(e.getKey().trim());
                    Double v = number(p, e.getValue());
                    if (!mm.matches() || mm.group(2) != null) {
                        problem(p, "key '" + e.getKey() + "'", "anchor keys are single years such as 2025");
                    } else if (inRange(p, Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(1))) && v != null) {
                        anchors.put(Integer.parseInt(mm.group(1)), v);
                    }
                }
                return anchors.isEmpty() ? null : new PathSpec.Anchors(anchors);
            }
            List<PathSpec.Period> periods = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/" + LocatedDocument.escape(e.getKey());
                Matcher mm = RANGE.matcher(e.getKey().trim());
                Double v = number(p, e.getValue());
                if (!mm.matches()) {
                    problem(p, "key '" + e.getKey() + "'", "period keys are year ranges such as 2021-2025 or single years; " + forms);
                    continue;
                }
                int from = Integer.parseInt(mm.group(1));
                int to = mm.group(2) == null ? from : Integer.parseInt(mm.group(2));
                if (to < from) {
                    problem(p, "period " + e.getKey(), "a period ends in or after the year it starts");
                } else if (inRange(p, from, to) && v != null) {
                    periods.add(new PathSpec.Period(from, to, v));
                }
            }
            periods.sort(java.util.Comparator.comparingInt(PathSpec.Period::from));
            if (periods.isEmpty()) {
                return null;
            }
            int expected = baseYear + 1;
            for (PathSpec.Period per : periods) {
                if (per.from() < expected && per.from() > baseYear) {
                    problem(pointer, "periods overlapping in " + per.from() + "-" + Math.min(per.to(), expected - 1),
                            "periods must not overlap");
                } else if (per.from() > expected && baseYear > 0) { // no gap to tell without a valid base year
                    problem(pointer, "no value for " + expected + (per.from() - 1 > expected ? "-" + (per.from() - 1) : ""),
                            "periods must cover every year from " + (baseYear + 1) + " to " + horizon + " without gaps");
                }
                expected = Math.max(expected, per.to() + 1);
            }
            if (baseYear > 0 && horizon > 0 && expected <= horizon) {
                problem(pointer, "no value for " + expected + (horizon > expected ? "-" + horizon : ""),
                        "periods must cover every year from " + (baseYear + 1) + " to " + horizon + " without gaps");
            }
            return new PathSpec.Periods(periods);
        }

        private boolean inRange(String pointer, int from, int to) {
            if (baseYear <= 0 || horizon <= 0) {
                return true;
            }
            if (from < baseYear || to > horizon) {
                problem(pointer, (from == to ? "year " + from : "years " + from + "-" + to),
                        "years between baseYear " + baseYear + " and horizon " + horizon);
                return false;
            }
            return true;
        }

        private boolean checkBounds(String pointer, PathSpec spec, DriverKind kind, double min, double max) {
            boolean ok = true;
            for (double v : spec.values()) {
                if (v < min || v > max) {
                    String hint = kind == DriverKind.RATE && v / 100 >= min && v / 100 <= max && Math.abs(v) >= 1
                            ? "; rates are fractions: write " + (v / 100) + " for " + v + "%"
                            : kind == DriverKind.FRACTION && v > 1 && v <= 100 ? "; shares are fractions: write " + (v / 100) + " for " + v + "%" : "";
                    problem(pointer, "value " + v, "allowed range is " + min + " to " + max + hint);
                    ok = false;
                }
            }
            return ok;
        }

        private List<Satellite> satellites(JsonNode node) {
            List<Satellite> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem("/satellites", FieldReader.describe(node), "a mapping of satellite ids to definitions");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = e.getKey();
                String p = "/satellites/" + LocatedDocument.escape(id);
                JsonNode s = e.getValue();
                if (!SNAKE.matcher(id).matches() || Variable.byId(id).isPresent()) {
                    problem(p, "id '" + id + "'", Variable.byId(id).isPresent()
                            ? "this id is a core variable; pick another" : "snake_case ids such as express_parcels");
                    continue;
                }
                if (!s.isObject()) {
                    problem(p, FieldReader.describe(s), "a mapping with " + String.join(", ", SATELLITE_KEYS));
                    continue;
                }
                checkKeys(p, s, SATELLITE_KEYS);
                String unit = text(p + "/unit", s.get("unit"), true, "");
                Basis basis = Basis.NONE;
                if (s.has("basis")) {
                    try {
                        basis = Basis.valueOf(s.get("basis").asText().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        problem(p + "/basis", FieldReader.describe(s.get("basis")), "allowed: nominal, real, none");
                    }
                }
                SatelliteMode mode = SatelliteMode.GROWTH;
                if (s.has("mode")) {
                    try {
                        mode = SatelliteMode.valueOf(s.get("mode").asText().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        problem(p + "/mode", FieldReader.describe(s.get("mode")), "allowed: growth, ratio, path");
                    }
                }
                String link = s.has("link") ? s.get("link").asText() : null;
                if (mode != SatelliteMode.PATH) {
                    if (link == null) {
                        problem(p + "/link", "nothing", "the core variable this indicator moves with, e.g. gdp_nominal");
                    } else if (Variable.byId(link).isEmpty()) {
                        problem(p + "/link", "'" + link + "'", Suggestions.allowed(link,
                                java.util.Arrays.stream(Variable.values()).map(Variable::id).toList()));
                    }
                }
                BaseValue base = value(p + "/base", s.get("base"), unit.isEmpty() ? null : unit);
                String primaryKey = switch (mode) {
                    case GROWTH -> "trend";
                    case RATIO -> "ratio";
                    case PATH -> "path";
                };
                for (String k : List.of("trend", "ratio", "path")) {
                    if (!k.equals(primaryKey) && s.has(k)) {
                        problem(p + "/" + k, "'" + k + "' in mode " + mode.name().toLowerCase(Locale.ROOT),
                                "mode " + mode.name().toLowerCase(Locale.ROOT) + " takes '" + primaryKey + "'");
                    }
                }
                if (mode != SatelliteMode.GROWTH && s.has("elasticity")) {
                    problem(p + "/elasticity", "an elasticity in mode " + mode.name().toLowerCase(Locale.ROOT),
                            "only mode growth takes an elasticity");
                }
                PathSpec primary = null;
                if (s.has(primaryKey)) {
                    primary = pathSpec(p + "/" + primaryKey, s.get(primaryKey), false);
                    if (primary != null && mode == SatelliteMode.GROWTH) {
                        checkBounds(p + "/trend", primary, DriverKind.RATE, -0.5, 1.0);
                    }
                    if (primary != null && mode != SatelliteMode.GROWTH) {
                        checkBounds(p + "/" + primaryKey, primary, DriverKind.LEVEL, 0, Double.MAX_VALUE);
                    }
                } else if (mode == SatelliteMode.PATH) {
                    problem(p + "/path", "nothing", "mode path needs the path itself");
                }
                PathSpec elasticity = s.has("elasticity") && mode == SatelliteMode.GROWTH
                        ? pathSpec(p + "/elasticity", s.get("elasticity"), false) : null;
                out.add(new Satellite(id, text(p + "/name", s.get("name"), false, id),
                        text(p + "/name_zh", s.get("name_zh"), false, ""), unit, basis, mode, link, base, primary, elasticity));
            }
            return out;
        }

        /**
         * Overrides applied to parsed paths: a year range ({@code path[Y1-Y2]=v}) or a relative change
         * ({@code path+=v}, {@code path*=v}, over the whole path unless a range is given).
         */
        private void applyRanged(List<ScenarioOverride> ranged, Map<Driver, PathSpec> drivers, List<Satellite> satellites) {
            for (ScenarioOverride o : ranged) {
                String field = o.path();
                InputProblem bad = null;
                double value = Double.NaN;
                if (FieldReader.isDecimal(o.value().trim())) {
                    value = Double.parseDouble(o.value().trim());
                }
                String refused = FieldReader.refusedNumber(value);
                if (refused != null) {
                    bad = new InputProblem(o.location(), field, "'" + o.value() + "'", refused);
                }
                int from = o.ranged() ? o.from() : baseYear;
                int to = o.ranged() ? o.to() : horizon;
                if (bad == null && baseYear > 0 && horizon > 0 && o.ranged() && (o.from() < baseYear + 1 || o.to() > horizon || o.to() < o.from())) {
                    bad = new InputProblem(o.location(), field, "years " + o.from() + "-" + o.to(),
                            "a range within " + (baseYear + 1) + "-" + horizon);
                }
                java.util.Optional<Driver> driver = Driver.byPath(field);
                if (bad == null && driver.isPresent()) {
                    Driver d = driver.get();
                    PathSpec under = drivers.getOrDefault(d, new PathSpec.Constant(d.defaultValue()));
                    PathSpec changed = new PathSpec.Overlay(under, new PathSpec.Period(from, to, value), o.op());
                    double[] filled = new double[Math.max(horizon - baseYear + 1, 1)];
                    changed.fill(filled, baseYear);
                    double lo = java.util.Arrays.stream(filled).min().orElse(value);
                    double hi = java.util.Arrays.stream(filled).max().orElse(value);
                    if (d.scalar() && o.ranged()) {
                        bad = new InputProblem(o.location(), field, "a year range", "this driver is a model constant: --set " + field + "=value");
                    } else if (lo < d.min() || hi > d.max()) {
                        bad = new InputProblem(o.location(), field, o.op() == DrawMode.REPLACE ? "value " + value
                                : "a path reaching " + (lo < d.min() ? lo : hi) + " after " + o.label(),
                                "allowed range is " + d.min() + " to " + d.max());
                    } else {
                        drivers.put(d, changed);
                        overridden.put(d, o.location());
                    }
                } else if (bad == null) {
                    Matcher sm = Pattern.compile("^satellites\\.([a-z][a-z0-9_]*)\\.(trend|ratio|path|elasticity)$").matcher(field);
                    int idx = -1;
                    if (sm.matches()) {
                        for (int i = 0; i < satellites.size(); i++) {
                            if (satellites.get(i).id().equals(sm.group(1))) {
                                idx = i;
                            }
                        }
                    }
                    if (idx < 0) {
                        List<String> known = new ArrayList<>(java.util.Arrays.stream(Driver.values()).map(Driver::path).toList());
                        satellites.forEach(s -> known.add("satellites." + s.id() + ".trend"));
                        bad = new InputProblem(o.location(), field, "unknown driver '" + field + "'", Suggestions.closest(field, known)
                                .map(s -> "did you mean '" + s + "'? a year range applies to drivers and satellite paths")
                                .orElse("a year range applies to drivers (group.name) and satellites.<id>.trend|ratio|path|elasticity"));
                    } else {
                        Satellite s = satellites.get(idx);
                        PathSpec.Period per = new PathSpec.Period(from, to, value);
                        boolean el = sm.group(2).equals("elasticity");
                        PathSpec under = el ? s.elasticity() : s.primary();
                        PathSpec over = new PathSpec.Overlay(under == null ? new PathSpec.Constant(el ? 0 : defaultPrimary(s)) : under, per, o.op());
                        satellites.set(idx, new Satellite(s.id(), s.name(), s.nameZh(), s.unit(), s.basis(), s.mode(), s.link(),
                                s.base(), el ? s.primary() : over, el ? over : s.elasticity()));
                    }
                }
                if (bad != null) {
                    problems.add(bad);
                }
            }
        }

        private static double defaultPrimary(Satellite s) {
            return s.mode() == SatelliteMode.PATH && s.base() != null ? s.base().value() : 0;
        }

        /** Every variable a scenario projects: the core variables and its satellites. */
        private static List<String> projected(List<Satellite> satellites) {
            List<String> projected = new ArrayList<>(java.util.Arrays.stream(Variable.values()).map(Variable::id).toList());
            satellites.forEach(s -> projected.add(s.id()));
            return projected;
        }

        private static List<String> shockable(List<Satellite> satellites) {
            List<String> shockable = new ArrayList<>(java.util.Arrays.stream(Variable.values())
                    .filter(Variable::shockable).map(Variable::id).toList());
            satellites.forEach(s -> shockable.add(s.id())); // every mode: growth, ratio and path satellites carry a shock factor
            return shockable;
        }

        private List<Shock> shocks(JsonNode node, List<Satellite> satellites) {
            List<Shock> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem("/shocks", FieldReader.describe(node), "a mapping of shock names to {variable, year, size}");
                return out;
            }
            List<String> shockable = shockable(satellites);
            Map<String, JsonNode> sorted = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                String p = "/shocks/" + LocatedDocument.escape(e.getKey());
                JsonNode s = e.getValue();
                if (!s.isObject()) {
                    problem(p, FieldReader.describe(s), "a mapping {variable: exports, year: 2022, size: -0.04}");
                    continue;
                }
                checkKeys(p, s, List.of("variable", "year", "size", "note"));
                String variable = text(p + "/variable", s.get("variable"), true, "");
                if (!variable.isEmpty() && !shockable.contains(variable)) {
                    problem(p + "/variable", "'" + variable + "'", Suggestions.allowed(variable, shockable));
                }
                int year = year(p + "/year", s.get("year"), 1950, 3000);
                if (year > 0 && baseYear > 0 && horizon > 0 && (year <= baseYear || year > horizon)) {
                    problem(p + "/year", String.valueOf(year), "a projected year, " + (baseYear + 1) + " to " + horizon);
                }
                Double size = number(p + "/size", s.get("size"));
                if (size != null && (size <= -1 || size > 1)) {
                    problem(p + "/size", "value " + size, "a growth shock as a fraction above -1 and at most 1 (-0.04 = -4%)"
                            + (Math.abs(size) > 1 && Math.abs(size) <= 100 ? "; write " + size / 100 + " for " + size + "%" : ""));
                }
                if (size != null) {
                    out.add(new Shock(e.getKey(), variable, year, size, opt(s, "note")));
                }
            }
            return out;
        }
    }
}
