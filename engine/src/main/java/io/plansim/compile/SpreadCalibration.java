package io.plansim.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.plansim.scenario.InputException;
import io.plansim.scenario.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spread recalibration (docs/MODEL.md "Recalibration"): for each variable group, factors by horizon h (years after
 * the base year) that scale every Monte Carlo path's deviation from the scenario's central path, in logs for a
 * positive level: x' = m exp(k ln(x / m)), m the central path's value, k = k_lo(h) where the path is below the
 * central path (x &lt; m) and k_hi(h) where it is above. The map is monotone in x at every year, so percentiles map
 * to percentiles, a path stays a path (a target is still judged path by path) and the central path is unchanged.
 * A symmetric group has k_lo = k_hi. Variables in no group keep their spread (k = 1). Beyond the last fitted horizon
 * the last factors hold.
 *
 * <p>Read from a versioned file ({@link #BUILT_IN}) that carries its provenance (the command that fitted it, the
 * data's checksum, plansim's version, the date) and the out-of-sample figures the fit achieved, so a report can
 * show them without re-running the evaluation.
 */
public final class SpreadCalibration {
    /** The calibration {@code mc}, {@code targets} and {@code report} use unless {@code --raw}. */
    public static final String BUILT_IN = "scenarios/reference/calibration/spread.yaml";
    /** The file format's version: 2 adds factorsBelow and factorsAbove (asymmetric); a format-1 file still loads. */
    public static final int FORMAT = 2;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /**
     * Out-of-sample figures of one horizon: raw and calibrated coverage of the central 50 and 80% intervals,
     * mean CRPS (log points) and the PIT histogram as densities per tenth.
     */
    public record Figures(int horizon, long n, double coverage50Raw, double coverage80Raw, double coverage50,
                          double coverage80, double crpsRaw, double crps, double[] pitRaw, double[] pit) {
    }

    /**
     * One variable group.
     *
     * @param id          name, e.g. {@code gdp}
     * @param variables   the variable ids it scales
     * @param fittedOn    what the factors were fitted on, in words
     * @param factorsBelow k_lo(h) for h = 1..n: the factor on a path's deviation below the central path
     * @param standardErrorsBelow jackknife standard error of each, over the left-out blocks
     * @param factorsAbove k_hi(h), the factor on a deviation above it (equal to k_lo for a symmetric group)
     * @param standardErrorsAbove their standard errors
     * @param outOfSample figures by horizon, each scored with factors fitted without its block
     */
    public record Group(String id, List<String> variables, String fittedOn, double[] factorsBelow, double[] standardErrorsBelow,
                        double[] factorsAbove, double[] standardErrorsAbove, List<Figures> outOfSample) {
        public Group {
            variables = List.copyOf(variables);
            outOfSample = List.copyOf(outOfSample);
            factorsBelow = factorsBelow.clone();
            standardErrorsBelow = standardErrorsBelow.clone();
            factorsAbove = factorsAbove.clone();
            standardErrorsAbove = standardErrorsAbove.clone();
            int n = factorsBelow.length;
            if (n == 0 || factorsAbove.length != n || standardErrorsBelow.length != n || standardErrorsAbove.length != n) {
                throw new IllegalArgumentException("group " + id + ": " + n + " factors below and " + factorsAbove.length + " above the centre, "
                        + standardErrorsBelow.length + " and " + standardErrorsAbove.length
                        + " standard errors; need at least one factor, as many on each side, and one error per factor");
            }
            for (double[] ks : new double[][] {factorsBelow, factorsAbove}) {
                for (double k : ks) {
                    if (!(k > 0) || !Double.isFinite(k)) {
                        throw new IllegalArgumentException("group " + id + ": factor " + k + " is not a finite positive number");
                    }
                }
            }
            for (String v : variables) {
                String why = unscalable(v, variables);
                if (why != null) {
                    throw new IllegalArgumentException("group " + id + ": " + why);
                }
            }
        }

        /** A symmetric group: k_lo = k_hi = {@code factors}. */
        public Group(String id, List<String> variables, String fittedOn, double[] factors, double[] standardErrors, List<Figures> outOfSample) {
            this(id, variables, fittedOn, factors, standardErrors, factors, standardErrors, outOfSample);
        }

        /** Whether the factors below and above the centre are the same at every horizon. */
        public boolean symmetric() {
            return Arrays.equals(factorsBelow, factorsAbove) && Arrays.equals(standardErrorsBelow, standardErrorsAbove);
        }

        /** Horizons with a factor. */
        public int horizons() {
            return factorsBelow.length;
        }

        /** k_lo at horizon h (the first factor before horizon 1, the last beyond the last). */
        public double factorBelow(int h) {
            return factorsBelow[index(h)];
        }

        /** k_hi at horizon h (the first factor before horizon 1, the last beyond the last). */
        public double factorAbove(int h) {
            return factorsAbove[index(h)];
        }

        /** The standard errors of k_lo and k_hi at horizon h, as {@link #factorBelow}. */
        public double standardErrorBelow(int h) {
            return standardErrorsBelow[index(h)];
        }

        public double standardErrorAbove(int h) {
            return standardErrorsAbove[index(h)];
        }

        private int index(int h) {
            return Math.max(0, Math.min(factorsBelow.length, h) - 1);
        }
    }

    /** A reliability bin of P(target met): probabilities in [from, to), their mean, and the share met. */
    public record Bin(double from, double to, int n, double meanProbability, double shareMet) {
    }

    /**
     * What the evaluation that wrote the file measured with it on the regions and the plan record (null fields
     * when it was not asked to).
     *
     * @param regionRows       regional backtest rows scored
     * @param regionCoverage50 their coverage of the central 50% intervals
     * @param regionCoverage80 of the 80% intervals
     * @param regionCrps       their mean CRPS relative to the actual
     * @param plans            plan-record targets with a plansim probability
     * @param brier            plansim's Brier score over them
     * @param brierBaseRate    the base-rate forecaster's over the same targets
     * @param reliability      plansim's reliability bins
     * @param baseRateReliability the base rate's
     */
    public record Evaluated(int regionRows, double regionCoverage50, double regionCoverage80, double regionCrps, int plans,
                            double brier, double brierBaseRate, List<Bin> reliability, List<Bin> baseRateReliability) {
        public Evaluated {
            reliability = List.copyOf(reliability);
            baseRateReliability = List.copyOf(baseRateReliability);
        }
    }

    private final String id;
    private final String file;
    private final Map<String, String> provenance;
    private final List<Group> groups;
    private final Evaluated evaluated;

    private SpreadCalibration(String id, String file, Map<String, String> provenance, List<Group> groups, Evaluated evaluated) {
        this.id = id;
        this.file = file;
        this.provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        this.groups = List.copyOf(groups);
        this.evaluated = evaluated;
    }

    /** The same calibration with what the regions and the plan record scored with it. */
    public SpreadCalibration withEvaluated(Evaluated e) {
        return new SpreadCalibration(id, file, provenance, groups, e);
    }

    /** The same calibration without the group {@code groupId} (unchanged when it has none). */
    public SpreadCalibration withoutGroup(String groupId) {
        return new SpreadCalibration(id, file, provenance, groups.stream().filter(g -> !g.id().equals(groupId)).toList(), evaluated);
    }

    /** The same calibration with one more group (replacing one of the same id). */
    public SpreadCalibration withGroup(Group g) {
        List<Group> gs = new ArrayList<>(withoutGroup(g.id()).groups());
        gs.add(g);
        return new SpreadCalibration(id, file, provenance, of(id, provenance, gs).groups(), evaluated);
    }

    /** Every variable some group scales. */
    public java.util.Set<String> variables() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        groups.forEach(g -> out.addAll(g.variables()));
        return out;
    }

    /** What the regions and the plan record scored with this calibration when it was fitted; null when not measured. */
    public Evaluated evaluated() {
        return evaluated;
    }

    /**
     * @param id         the calibration's name and version, e.g. {@code pwt91-spread-1}
     * @param provenance command, data, dataSha256, plansim, date, commit, method (in this order when written)
     */
    public static SpreadCalibration of(String id, Map<String, String> provenance, List<Group> groups) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Group g : groups) {
            for (String v : g.variables()) {
                if (!seen.add(v)) {
                    throw new IllegalArgumentException("variable " + v + " is in two groups of calibration " + id);
                }
            }
        }
        return new SpreadCalibration(id, null, provenance, groups, null);
    }

    public String id() {
        return id;
    }

    /** The file it was read from (null when built in memory). */
    public String file() {
        return file;
    }

    public Map<String, String> provenance() {
        return provenance;
    }

    public List<Group> groups() {
        return groups;
    }

    /** The group that scales a variable, null when none does (its factors are 1). */
    public Group groupOf(String variable) {
        for (Group g : groups) {
            if (g.variables().contains(variable)) {
                return g;
            }
        }
        return null;
    }

    /** k_lo for a variable at horizon h, 1 when no group holds it. */
    public double factorBelow(String variable, int h) {
        Group g = groupOf(variable);
        return g == null ? 1 : g.factorBelow(h);
    }

    /** k_hi for a variable at horizon h, 1 when no group holds it. */
    public double factorAbove(String variable, int h) {
        Group g = groupOf(variable);
        return g == null ? 1 : g.factorAbove(h);
    }

    /** The one line a command prints to say its distribution is calibrated. */
    public String describe(boolean zh) {
        String groupsText = String.join(", ", groups.stream().filter(g -> !g.variables().isEmpty())
                .map(g -> g.id() + " " + String.join("/", g.variables())).toList());
        return zh
                ? "已校准：离散度缩放 " + id + "（" + (file == null ? "内存" : file) + "，plansim " + provenance.getOrDefault("plansim", "?")
                        + " 拟合于 " + provenance.getOrDefault("date", "?") + "；" + groupsText + "）；--raw 给出未校准分布"
                : "calibrated: spread scaling " + id + " (" + (file == null ? "in memory" : file) + ", fitted with plansim "
                        + provenance.getOrDefault("plansim", "?") + " on " + provenance.getOrDefault("date", "?") + "; " + groupsText
                        + "); --raw gives the uncalibrated distribution";
    }

    /** The built-in calibration ({@link #BUILT_IN} on the class path). */
    public static SpreadCalibration builtIn() {
        return Holder.BUILT_IN_CALIBRATION;
    }

    /** The built-in calibration file's text (what a batch carries to its executors, {@code BatchSettings}). */
    public static String builtInText() {
        return Holder.BUILT_IN_TEXT;
    }

    private static final class Holder {
        static final String BUILT_IN_TEXT = read();
        static final SpreadCalibration BUILT_IN_CALIBRATION = parse(BUILT_IN, BUILT_IN_TEXT);

        private static String read() {
            try (InputStream in = SpreadCalibration.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("built-in calibration " + BUILT_IN + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a calibration file; a bad file is an {@link InputException} naming the file, line and field. A group gives
     * either {@code factors} (format 1 and later: k_lo = k_hi, a symmetric scaling) or {@code factorsBelow} and
     * {@code factorsAbove} (format 2), each with its standard errors.
     */
    public static SpreadCalibration parse(String file, String text) {
        LocatedDocument doc = LocatedDocument.parse(file, text);
        JsonNode root = doc.root();
        int format = root.path("format").asInt(-1);
        if (format < 1 || format > FORMAT) {
            throw bad(doc, "/format", root.path("format").toString(), "a format from 1 to " + FORMAT + " (this plansim's)");
        }
        String id = root.path("id").asText("");
        if (id.isBlank()) {
            throw bad(doc, "/id", "missing", "the calibration's name and version");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        root.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
        List<Group> groups = new ArrayList<>();
        JsonNode gs = root.path("groups");
        if (!gs.isArray() || gs.isEmpty()) {
            throw bad(doc, "/groups", gs.toString(), "a list of variable groups");
        }
        for (int i = 0; i < gs.size(); i++) {
            JsonNode g = gs.get(i);
            String p = "/groups/" + i;
            String gid = g.path("id").asText("");
            List<String> variables = new ArrayList<>();
            g.path("variables").forEach(v -> variables.add(v.asText()));
            for (int j = 0; j < variables.size(); j++) {
                String why = unscalable(variables.get(j), variables);
                if (why != null) {
                    throw bad(doc, p + "/variables/" + j, variables.get(j), why);
                }
            }
            List<Figures> figures = new ArrayList<>();
            for (JsonNode f : g.path("outOfSample")) {
                figures.add(new Figures(f.path("horizon").asInt(), f.path("n").asLong(), f.path("coverage50Raw").asDouble(),
                        f.path("coverage80Raw").asDouble(), f.path("coverage50").asDouble(), f.path("coverage80").asDouble(),
                        f.path("crpsRaw").asDouble(), f.path("crps").asDouble(), numbers(f.path("pitRaw")), numbers(f.path("pit"))));
            }
            boolean sided = g.has("factorsBelow") || g.has("factorsAbove");
            if (sided && (g.has("factors") || format < 2)) {
                throw bad(doc, p + (g.has("factorsBelow") ? "/factorsBelow" : "/factorsAbove"), "group " + gid + " with "
                        + (format < 2 ? "format " + format : "factors as well"), "either factors (one list, the same below and above the "
                        + "central path) or, from format 2, factorsBelow and factorsAbove");
            }
            String fittedOn = g.path("fittedOn").asText("");
            if (sided) {
                double[] below = factors(doc, p + "/factorsBelow", -1);
                int n = below.length;
                groups.add(new Group(gid, variables, fittedOn, below, errors(doc, p + "/standardErrorsBelow", n),
                        factors(doc, p + "/factorsAbove", n), errors(doc, p + "/standardErrorsAbove", n), figures));
            } else {
                double[] k = factors(doc, p + "/factors", -1);
                groups.add(new Group(gid, variables, fittedOn, k, errors(doc, p + "/standardErrors", k.length), figures));
            }
        }
        Evaluated ev = null;
        JsonNode ev0 = root.path("evaluated");
        if (ev0.isObject()) {
            JsonNode e = ev0;
            ev = new Evaluated(e.path("regionRows").asInt(), e.path("regionCoverage50").asDouble(Double.NaN),
                    e.path("regionCoverage80").asDouble(Double.NaN), e.path("regionCrps").asDouble(Double.NaN), e.path("plans").asInt(),
                    e.path("brier").asDouble(Double.NaN), e.path("brierBaseRate").asDouble(Double.NaN), bins(e.path("reliability")),
                    bins(e.path("baseRateReliability")));
        }
        try {
            return new SpreadCalibration(id, file, provenance, of(id, provenance, groups).groups(), ev);
        } catch (IllegalArgumentException e) {
            throw bad(doc, "/groups", e.getMessage(), "each variable in one group at most");
        }
    }

    /** A list of factors at {@code pointer}: finite and positive, one per horizon ({@code n} of them; -1: at least one). */
    private static double[] factors(LocatedDocument doc, String pointer, int n) {
        double[] k = list(doc, pointer, n, "factors, one per horizon (years after the base year)");
        for (int h = 0; h < k.length; h++) {
            if (!(k[h] > 0) || !Double.isFinite(k[h])) {
                throw bad(doc, pointer + "/" + h, String.valueOf(doc.root().at(pointer + "/" + h)),
                        "a finite positive factor (horizon " + (h + 1) + ")");
            }
        }
        return k;
    }

    /** A list of standard errors at {@code pointer}: finite and non-negative, {@code n} of them. */
    private static double[] errors(LocatedDocument doc, String pointer, int n) {
        double[] se = list(doc, pointer, n, "standard errors, one per factor");
        for (int h = 0; h < se.length; h++) {
            if (!(se[h] >= 0) || !Double.isFinite(se[h])) {
                throw bad(doc, pointer + "/" + h, String.valueOf(doc.root().at(pointer + "/" + h)),
                        "a finite non-negative standard error (horizon " + (h + 1) + ")");
            }
        }
        return se;
    }

    private static double[] list(LocatedDocument doc, String pointer, int n, String what) {
        JsonNode a = doc.root().at(pointer);
        if (!a.isArray() || a.isEmpty() || (n >= 0 && a.size() != n)) {
            String found = a.isMissingNode() ? "missing" : a.isArray() ? "a list of " + a.size() : a.toString();
            throw bad(doc, pointer, found, (n >= 0 ? n + " " : "a non-empty list of ") + what);
        }
        for (int h = 0; h < a.size(); h++) {
            if (!a.get(h).isNumber()) {
                throw bad(doc, pointer + "/" + h, a.get(h).toString(), "a number (horizon " + (h + 1) + ")");
            }
        }
        return numbers(a);
    }

    /** Whether a group may scale v on its own: a level or a satellite, not a value derived from levels nor a share. */
    public static boolean mayScaleAlone(String v) {
        return unscalable(v, List.of()) == null;
    }

    /**
     * Why a group may not scale the variable v beside the others it lists (null when it may): a core value the kernel
     * derives from levels follows them ({@link io.plansim.model.LevelIdentities}), so it is scaled only through a
     * level its group also lists; a share or the production side's stocks feed identities a scaled value would break.
     * Satellites (not core variables) may be scaled.
     */
    static String unscalable(String v, List<String> groupVariables) {
        java.util.Optional<io.plansim.model.Variable> core = io.plansim.model.Variable.byId(v);
        if (core.isEmpty() || io.plansim.model.LevelIdentities.scalable(core.get())) {
            return null;
        }
        java.util.Set<io.plansim.model.Variable> from = io.plansim.model.LevelIdentities.followsFrom(core.get());
        if (from.stream().anyMatch(level -> groupVariables.contains(level.id()))) {
            return null; // it follows a level of its group by identity
        }
        return from.isEmpty()
                ? v + " is not scaled: a calibration may scale levels ("
                        + String.join(", ", java.util.Arrays.stream(io.plansim.model.Variable.values())
                                .filter(io.plansim.model.LevelIdentities::scalable).map(io.plansim.model.Variable::id).toList())
                        + ") and satellites, whose derived values follow them"
                : v + " follows " + String.join(" and ", from.stream().map(io.plansim.model.Variable::id).toList())
                        + " by identity: list " + (from.size() == 1 ? "that level" : "one of those levels") + " in the group instead (or beside it)";
    }

    private static InputException bad(LocatedDocument doc, String pointer, String found, String allowed) {
        return InputException.of(doc.locate(pointer), LocatedDocument.fieldPath(pointer), found, allowed);
    }

    private static List<Bin> bins(JsonNode a) {
        List<Bin> out = new ArrayList<>();
        for (JsonNode b : a) {
            out.add(new Bin(b.path("from").asDouble(), b.path("to").asDouble(), b.path("n").asInt(), b.path("meanProbability").asDouble(Double.NaN),
                    b.path("shareMet").asDouble(Double.NaN)));
        }
        return out;
    }

    private static void putBins(ArrayNode a, List<Bin> bins) {
        for (Bin b : bins) {
            ObjectNode o = a.addObject();
            o.put("from", b.from());
            o.put("to", b.to());
            o.put("n", b.n());
            o.put("meanProbability", round(b.meanProbability()));
            o.put("shareMet", round(b.shareMet()));
        }
    }

    private static double[] numbers(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    /** The file's text: a comment saying what it is, then format, id, provenance and groups. */
    public String toYaml() {
        ObjectNode root = YAML.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", id);
        ObjectNode p = root.putObject("provenance");
        provenance.forEach(p::put);
        ArrayNode gs = root.putArray("groups");
        for (Group g : groups) {
            ObjectNode n = gs.addObject();
            n.put("id", g.id());
            ArrayNode vs = n.putArray("variables");
            g.variables().forEach(vs::add);
            n.put("fittedOn", g.fittedOn());
            if (g.symmetric()) {
                put(n.putArray("factors"), g.factorsBelow());
                put(n.putArray("standardErrors"), g.standardErrorsBelow());
            } else {
                put(n.putArray("factorsBelow"), g.factorsBelow());
                put(n.putArray("standardErrorsBelow"), g.standardErrorsBelow());
                put(n.putArray("factorsAbove"), g.factorsAbove());
                put(n.putArray("standardErrorsAbove"), g.standardErrorsAbove());
            }
            ArrayNode fs = n.putArray("outOfSample");
            for (Figures f : g.outOfSample()) {
                ObjectNode o = fs.addObject();
                o.put("horizon", f.horizon());
                o.put("n", f.n());
                o.put("coverage50Raw", round(f.coverage50Raw()));
                o.put("coverage80Raw", round(f.coverage80Raw()));
                o.put("coverage50", round(f.coverage50()));
                o.put("coverage80", round(f.coverage80()));
                o.put("crpsRaw", round(f.crpsRaw()));
                o.put("crps", round(f.crps()));
                put(o.putArray("pitRaw"), f.pitRaw());
                put(o.putArray("pit"), f.pit());
            }
        }
        if (evaluated != null) {
            ObjectNode e = root.putObject("evaluated");
            e.put("regionRows", evaluated.regionRows());
            e.put("regionCoverage50", round(evaluated.regionCoverage50()));
            e.put("regionCoverage80", round(evaluated.regionCoverage80()));
            e.put("regionCrps", round(evaluated.regionCrps()));
            e.put("plans", evaluated.plans());
            e.put("brier", round(evaluated.brier()));
            e.put("brierBaseRate", round(evaluated.brierBaseRate()));
            putBins(e.putArray("reliability"), evaluated.reliability());
            putBins(e.putArray("baseRateReliability"), evaluated.baseRateReliability());
        }
        try {
            return "# plansim spread recalibration (docs/MODEL.md \"Recalibration\"); written by the command under provenance,\n"
                    + "# do not edit by hand: refit it.\n" + YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ArrayNode a, double[] xs) {
        for (double x : xs) {
            a.add(round(x));
        }
    }

    /** Four significant decimals: the figures are estimates, not bits. */
    private static double round(double x) {
        return Double.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x;
    }
}
