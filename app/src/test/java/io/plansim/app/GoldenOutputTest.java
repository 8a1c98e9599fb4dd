package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's machine-readable output, byte for byte, against files kept under
 * {@code app/src/test/resources/golden/}: run, targets, mc, solve, sensitivity, backtest, batch and the report's
 * tables on the built-in scenarios with small path counts and fixed seeds. A refactoring that changes any output
 * fails here; a change of output made on purpose regenerates the files and shows them in the diff:
 *
 * <pre>mvn -B -q -pl app -am verify -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 *
 * Only volatile fields are masked: the report's creation time and folder, the plansim version, and the CJK font the
 * machine has (a fresh machine with a JDK and Maven may have none).
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** Values that differ from run to run or build to build, replaced before comparing. */
    private static final List<Pattern> VOLATILE = List.of(
            Pattern.compile("(\"(?:created|generated|generatedAt|timestamp|date)\"\\s*:\\s*)\"[^\"]*\""),
            Pattern.compile("(\"(?:version|plansimVersion|plansim)\"\\s*:\\s*)\"[^\"]*\""),
            // the machine's CJK font (null without one: the report falls back to English labels, said in its summary)
            Pattern.compile("(\"cjkFont\"\\s*:\\s*)(?:\"[^\"]*\"|null)"));

    @TempDir
    Path dir;

    @Test
    void everyCommandsOutputIsUnchanged() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String s : List.of("yiwu/baseline", "yiwu/plan", "yiwu/high-growth", "yiwu/low-growth", "yiwu/trade-shock",
                "yiwu/green-transition", "yiwu/backtest-2015", "yiwu/backtest-2010", "jinhua/baseline", "jinhua/backtest-2015")) {
            String slug = s.replace('/', '-');
            outputs.put("run/" + slug + ".json", stdout("run", s, "--format", "json"));
            outputs.put("targets/" + slug + "-central.json", stdout("targets", s, "--central-only", "--format", "json"));
        }
        outputs.put("run/yiwu-baseline.csv", stdout("run", "yiwu/baseline", "--format", "csv"));
        outputs.put("run/yiwu-baseline-set.json", stdout("run", "yiwu/baseline", "--set", "trade.exportTrend+=-0.03", "--format", "json"));
        for (String s : List.of("yiwu/baseline", "yiwu/trade-shock", "jinhua/baseline")) {
            String slug = s.replace('/', '-');
            outputs.put("mc/" + slug + ".json", stdout("mc", s, "--paths", "3000", "--seed", "5", "--format", "json", "--quiet"));
            outputs.put("targets/" + slug + ".json", stdout("targets", s, "--paths", "3000", "--seed", "5", "--format", "json", "--quiet"));
        }
        outputs.put("mc/yiwu-baseline.csv", stdout("mc", "yiwu/baseline", "--paths", "3000", "--seed", "5", "--format", "csv", "--quiet"));
        outputs.put("mc/yiwu-baseline-lhs.json", stdout("mc", "yiwu/baseline", "--paths", "2000", "--seed", "2", "--sampler", "lhs", "--format", "json", "--quiet"));
        outputs.put("mc/yiwu-baseline-sobol.json", stdout("mc", "yiwu/baseline", "--paths", "2000", "--seed", "2", "--sampler", "sobol", "--format", "json", "--quiet"));
        outputs.put("mc/yiwu-baseline-as-of.json", stdout("mc", "yiwu/baseline", "--paths", "2000", "--seed", "5", "--as-of", "2020", "--format", "json", "--quiet"));
        outputs.put("targets/yiwu-baseline.csv", stdout("targets", "yiwu/baseline", "--paths", "3000", "--seed", "5", "--format", "csv", "--quiet"));
        for (String format : List.of("json", "csv")) {
            outputs.put("solve/central." + format, stdout("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035",
                    "--driver", "production.tfpGrowth", "--format", format));
            outputs.put("solve/probability." + format, stdout("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035",
                    "--driver", "production.tfpGrowth", "--probability", "0.8", "--paths", "1000", "--seed", "3", "--format", format, "--quiet"));
            outputs.put("sensitivity/tornado." + format, stdout("sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035", "--format", format));
            outputs.put("sensitivity/sobol." + format, stdout("sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035",
                    "--method", "sobol", "--paths", "256", "--bootstrap", "50", "--seed", "4", "--format", format));
            outputs.put("backtest/yiwu-backtest-2015." + format, stdout("backtest", "yiwu/backtest-2015", "--paths", "2000", "--seed", "6", "--format", format, "--quiet"));
        }
        outputs.put("backtest/jinhua-backtest-2015.json", stdout("backtest", "jinhua/backtest-2015", "--paths", "2000", "--seed", "6", "--format", "json", "--quiet"));
        batch(outputs);
        report(outputs);
        compare(outputs);
    }

    /** A small grid with a failing variant: its tables and the failure log. */
    private void batch(Map<String, String> outputs) throws IOException {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, """
                name: golden-grid
                runs:
                  - scenario: yiwu/baseline
                    paths: 800
                    seed: 3
                    seedPolicy: derived
                    grid:
                      production.tfpGrowth: {from: 0.005, to: 0.015, step: 0.005}
                      trade.exportTrend: [0.0, 0.03]
                    variants:
                      - {population.netMigration: 8}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("batch");
        RunCommandTest.Result r = RunCommandTest.plansim("batch", f.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        for (String table : List.of("results.csv", "targets.csv", "results.jsonl")) {
            outputs.put("batch/" + table, Files.readString(out.resolve(table)));
        }
    }

    /** Two scenarios' report: every CSV table and summary.json (the HTML and charts are the report branch's). */
    private void report(Map<String, String> outputs) throws IOException {
        Path out = dir.resolve("report");
        RunCommandTest.Result r = RunCommandTest.plansim("report", "yiwu/baseline", "yiwu/trade-shock", "--paths", "1000",
                "--seed", "7", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        outputs.put("report/summary.json", Files.readString(out.resolve("summary.json")).replace(out.toString(), "<out>"));
        try (Stream<Path> tables = Files.list(out.resolve("tables"))) {
            for (Path t : tables.sorted().toList()) {
                outputs.put("report/tables/" + t.getFileName(), Files.readString(t));
            }
        }
    }

    private static String stdout(String... args) {
        RunCommandTest.Result r = RunCommandTest.plansim(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    private static String masked(String text) {
        String out = text;
        for (Pattern p : VOLATILE) {
            out = p.matcher(out).replaceAll("$1\"<volatile>\"");
        }
        return out;
    }

    private static void compare(Map<String, String> outputs) throws IOException {
        if (UPDATE) {
            for (Map.Entry<String, String> e : outputs.entrySet()) {
                Path f = GOLDEN.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, masked(e.getValue()), StandardCharsets.UTF_8);
            }
            return;
        }
        assertTrue(Files.isDirectory(GOLDEN), "no golden files in " + GOLDEN.toAbsolutePath() + ": run once with -Dgolden.update=true");
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            Path f = GOLDEN.resolve(e.getKey());
            if (!Files.exists(f)) {
                changed.add(e.getKey() + " (no golden file)");
            } else if (!Files.readString(f, StandardCharsets.UTF_8).equals(masked(e.getValue()))) {
                changed.add(e.getKey() + " (first difference at character " + firstDifference(Files.readString(f, StandardCharsets.UTF_8), masked(e.getValue())) + ")");
            }
        }
        if (!changed.isEmpty()) {
            fail(changed.size() + " of " + outputs.size() + " outputs differ from " + GOLDEN + " (regenerate with -Dgolden.update=true "
                    + "only when the change is meant): " + String.join(", ", changed));
        }
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
