package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.plansim.tables.ProjectionJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates inputs (deleted, duplicated and truncated lines, values replaced by extreme numbers, wrong types,
 * stray characters) and runs each through the command line: the Yiwu baseline as a scenario file, a small
 * batch file, and {@code --set} overrides of paths and values. For every mutant: exit 0 only with a result
 * that holds no invalid number; otherwise exit 2 with a message naming the file and line (or the option),
 * never 1, no stack trace, and nothing written to {@code --out}.
 *
 * <p>The mutations are seeded, so a failure is reproducible; its input is printed. The count per kind is
 * scaled by {@code -Dplansim.fuzz.mutants=N} (default 200: 200 scenarios, 100 overrides, 50 batch files).
 */
class ScenarioFuzzTest {
    private static final String[] VALUES = {"0", "-1", "1e308", "-1e308", "8", "100", "0.5", "abc", "\"\"", "[]", "{}",
            "null", "true", "2020", "3000", "1899", "NaN", ".inf", "-0.99", "{anchors: {}}", "{2021-2020: 1}", "１２",
            "'NaN'", "Infinity", "4.9e-324", "4294969316", "9223372036854775807", "-.inf", "0.02", "\"\\u0007\""};
    private static final String[] SET_PATHS = {"trade.exportTrend", "production.tfpGrowth", "population.netMigration",
            "prices.deflatorGrowth", "energy.intensityDecline", "population.urbanSpeed", "baseYear", "horizon", "model",
            "base.gdpNominal.value", "base.population.value", "uncertainty.shocks.exports.sd", "uncertainty.shocks.exports.persistence",
            "uncertainty.parameters.production.tfpGrowth.sd", "extends", "name", "trade.exportTrend[2026-2030]",
            "trade.exportTrend[2019-2040]", "production.tfpGrowth[2030]", "trade..x", "drivers", "nowhere.key"};
    private static final String BATCH = """
            name: fuzz
            runs:
              - scenario: yiwu/baseline
                paths: 20
                seed: 3
                seedPolicy: derived
                grid:
                  production.tfpGrowth: {from: 0.01, to: 0.02, step: 0.005}
                  trade.exportTrend: [0.0, 0.03]
                variants:
                  - {population.netMigration: 0.001}
              - scenario: yiwu/low-growth
                paths: 20
                variants:
                  - {trade.exportTrend: 0.02, prices.deflatorGrowth: 0.01}
            """;
    /** An error's first line names a file with line and column, an option, or (for a fault of the numbers) the scenario. */
    private static final Pattern LOCATED = Pattern.compile(
            "^error: (\\d+ problems:\\n  - )?(\\S+:\\d+:\\d+: |--set |command line: --|numeric fault in scenario \\S+|\\S+\\.yaml: uncertainty: )");

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private int zeros;
    private int twos;

    private static int count(int share) {
        return Integer.getInteger("plansim.fuzz.mutants", 200) * share / 4;
    }

    @Test
    void mutatedScenariosBatchFilesAndOverridesEndWithZeroOrALocatedTwo() throws IOException {
        String base;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/yiwu/baseline.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        base = base.replace("targets: targets.yaml", "targets: yiwu/targets.yaml").replace("history: history.csv", "history: yiwu/history.csv");
        Random random = new Random(20261122L);
        long t0 = System.nanoTime();
        for (int i = 0; i < count(4) && failures.size() < 4; i++) {
            String mutated = mutate(base, random);
            Path file = dir.resolve("m" + i + ".yaml");
            Files.writeString(file, mutated, StandardCharsets.UTF_8);
            check("scenario mutation " + i + ":\n" + mutated, dir.resolve("out-m" + i), false,
                    "run", file.toString(), "--format", "json");
            Files.delete(file);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < count(2) && failures.size() < 4; i++) {
            String path = SET_PATHS[random.nextInt(SET_PATHS.length)];
            String set = path + "=" + VALUES[random.nextInt(VALUES.length)];
            String command = new String[] {"run", "run", "mc", "targets"}[random.nextInt(4)];
            List<String> args = new ArrayList<>(List.of(command, "yiwu/baseline", "--set", set, "--format", "json"));
            if (!command.equals("run")) {
                args.addAll(List.of("--paths", "64", "--quiet"));
            }
            check("override " + i + ": " + String.join(" ", args), dir.resolve("out-s" + i), false, args.toArray(String[]::new));
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < count(1) && failures.size() < 4; i++) {
            String mutated = mutate(BATCH, random);
            Path file = dir.resolve("b" + i + ".yaml");
            Files.writeString(file, mutated, StandardCharsets.UTF_8);
            // limits keep a mutant's work small: a mutated grid or path count is refused rather than run for minutes
            check("batch mutation " + i + ":\n" + mutated, dir.resolve("out-b" + i), true,
                    "batch", file.toString(), "--quiet", "--threads", "1", "--limit", "variants=24", "--limit", "paths=3000");
        }
        System.out.printf("fuzz: %d scenario mutants %.1f s, %d overrides %.1f s, %d batch files %.1f s; %d exit 0, %d exit 2%n",
                count(4), (t1 - t0) / 1e9, count(2), (t2 - t1) / 1e9, count(1), (System.nanoTime() - t2) / 1e9, zeros, twos);
        assertEquals(List.of(), failures);
        assertTrue(zeros > 0 && twos > zeros, "some mutations stay valid, most do not: " + zeros + " exit 0, " + twos + " exit 2");
    }

    /** Runs one mutant with --out and checks the exit-code contract; a break is recorded with the input. */
    private void check(String what, Path out, boolean batch, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        RunCommandTest.Result r = RunCommandTest.plansim(all.toArray(String[]::new));
        String first = r.err().lines().limit(2).reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        if (r.code() == 0) {
            String invalid = batch ? invalidBatch(out) : invalidJson(out);
            if (invalid != null) {
                failures.add(what + "\nexit 0 but " + invalid);
            }
            zeros++;
        } else if (r.code() != 2 || r.err().contains("\tat ") || !LOCATED.matcher(first).find()) {
            failures.add(what + "\nexit " + r.code() + ": " + first);
        } else if (Files.exists(out)) {
            failures.add(what + "\nexit 2 but " + out + " was written");
        } else {
            twos++;
        }
    }

    /** Null when the single JSON result written holds only finite numbers. */
    private static String invalidJson(Path out) throws IOException {
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                JsonNode root = ProjectionJson.MAPPER.readTree(f.toFile());
                if (!finite(root)) {
                    return f + " holds an invalid number";
                }
            }
        }
        return null;
    }

    private static boolean finite(JsonNode n) {
        if (n.isNumber()) {
            return Double.isFinite(n.doubleValue());
        }
        for (JsonNode c : n) {
            // Jackson writes a NaN as the text "NaN": in a list of values it is a number gone bad (a name may say anything)
            if (n.isArray() && c.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(c.asText()) || !finite(c)) {
                return false;
            }
        }
        return true;
    }

    /** Null when a batch wrote its tables with rows and no invalid number. */
    private static String invalidBatch(Path out) throws IOException {
        Path results = out.resolve("results.csv");
        if (!Files.isRegularFile(results) || !Files.isRegularFile(out.resolve("run-log.json"))) {
            return "no results.csv or run-log.json";
        }
        List<String> lines = Files.readAllLines(results);
        if (lines.size() < 2) {
            return "a results.csv without rows";
        }
        for (String line : lines) {
            if (line.contains("NaN") || line.contains("Infinity")) {
                return "an invalid number in results.csv: " + line;
            }
        }
        return null;
    }

    private static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(i, line.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
                    }
                }
                case 3 -> lines.set(i, line.replaceFirst("\\d+(\\.\\d+)?", VALUES[r.nextInt(VALUES.length)]));
                case 4 -> lines.set(i, line.isEmpty() ? line : line.substring(0, r.nextInt(line.length())));
                case 5 -> lines.set(i, " " + line);
                default -> {
                    return String.join("\n", lines.subList(0, i));
                }
            }
        }
        return String.join("\n", lines);
    }
}
