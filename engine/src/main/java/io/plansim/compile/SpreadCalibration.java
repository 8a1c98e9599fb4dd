package io.plansim.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spread recalibration (docs/MODEL.md "Recalibration"): for each variable group, a factor k(h) by horizon h (years
 * after the base year) that scales every Monte Carlo path's deviation from the scenario's central path, in logs for
 * a positive level: x' = m exp(k ln(x / m)), m the central path's value. A path stays a path (a target is still judged
 * path by path) and the central path is unchanged. Variables in no group keep their spread (k = 1). Beyond the last
 * fitted horizon the last factor holds.
 *
 * <p>Read from a versioned file ({@link #BUILT_IN}) that carries its provenance (the command that fitted it, the
 * data's checksum, plansim's version, the date) and the out-of-sample figures the fit achieved, so a report can
 * show them without re-running the evaluation.
 */
public final class SpreadCalibration {
    /** The calibration {@code mc}, {@code targets} and {@code report} use unless {@code --raw}. */
    public static final String BUILT_IN = "scenarios/reference/calibration/spread.yaml";
    /** The file format's version. */
    public static final int FORMAT = 1;
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
     * @param factors     k(h) for h = 1..factors.length
     * @param standardErrors jackknife standard error of each factor over the left-out blocks
     * @param outOfSample figures by horizon, each scored with factors fitted without its block
     */
    public record Group(String id, List<String> variables, String fittedOn, double[] factors, double[] standardErrors,
                        List<Figures> outOfSample) {
        public Group {
            variables = List.copyOf(variables);
            outOfSample = List.copyOf(outOfSample);
            factors = factors.clone();
            standardErrors = standardErrors.clone();
            if (factors.length == 0 || standardErrors.length != factors.length) {
                throw new IllegalArgumentException("group " + id + ": " + factors.length + " factors and "
                        + standardErrors.length + " standard errors; need at least one factor and one error per factor");
            }
            for (double k : factors) {
                if (!(k > 0) || !Double.isFinite(k)) {
                    throw new IllegalArgumentException("group " + id + ": factor " + k + " is not a finite positive number");
                }
            }
        }

        /** k at horizon h (the first factor before horizon 1, the last beyond the last). */
        public double factor(int h) {
            return factors[Math.max(0, Math.min(factors.length, h) - 1)];
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

    /** k for a variable at horizon h, 1 when no group holds it. */
    public double factor(String variable, int h) {
        for (Group g : groups) {
            if (g.variables().contains(variable)) {
                return g.factor(h);
            }
        }
        return 1;
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

    /** Reads a calibration file; a bad file is an {@link InputException} naming the file and field. */
    public static SpreadCalibration parse(String file, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw InputException.of(new SourceLocation(file, 1, 0), "calibration", "unreadable YAML (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    "a calibration file written by plansim evaluate --fit-calibration");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "calibration", "no mapping", "a mapping with format, id, provenance and groups");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw bad(file, "format", root.path("format").toString(), String.valueOf(FORMAT));
        }
        String id = root.path("id").asText("");
        if (id.isBlank()) {
            throw bad(file, "id", "missing", "the calibration's name and version");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        root.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
        List<Group> groups = new ArrayList<>();
        JsonNode gs = root.path("groups");
        if (!gs.isArray() || gs.isEmpty()) {
            throw bad(file, "groups", gs.toString(), "a list of variable groups");
        }
        for (JsonNode g : gs) {
            String gid = g.path("id").asText("");
            List<String> variables = new ArrayList<>();
            g.path("variables").forEach(v -> variables.add(v.asText()));
            double[] factors = numbers(g.path("factors"));
            double[] se = numbers(g.path("standardErrors"));
            List<Figures> figures = new ArrayList<>();
            for (JsonNode f : g.path("outOfSample")) {
                figures.add(new Figures(f.path("horizon").asInt(), f.path("n").asLong(), f.path("coverage50Raw").asDouble(),
                        f.path("coverage80Raw").asDouble(), f.path("coverage50").asDouble(), f.path("coverage80").asDouble(),
                        f.path("crpsRaw").asDouble(), f.path("crps").asDouble(), numbers(f.path("pitRaw")), numbers(f.path("pit"))));
            }
            try {
                groups.add(new Group(gid, variables, g.path("fittedOn").asText(""), factors, se, figures));
            } catch (IllegalArgumentException e) {
                throw bad(file, "groups." + gid, e.getMessage(), "finite positive factors, one standard error each");
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
            throw bad(file, "groups", e.getMessage(), "each variable in one group at most");
        }
    }

    private static InputException bad(String file, String field, String found, String allowed) {
        return InputException.of(new SourceLocation(file, 1, 0), field, found, allowed);
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
            put(n.putArray("factors"), g.factors());
            put(n.putArray("standardErrors"), g.standardErrors());
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
