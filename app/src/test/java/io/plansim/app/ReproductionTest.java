package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command a report or a calibration file records reproduces it: every option that can change the numbers is in
 * it. Checked option by option over the commands' whole option lists, so an option added later is covered too.
 */
class ReproductionTest {
    @TempDir
    Path dir;

    /** The options a recorded command leaves out on purpose: none of them changes what is written. */
    private static final Set<String> LEFT_OUT = Set.of("--out", "--quiet", "--threads", "--debug", "--help", "--version");

    /** A value picocli accepts for an option whose type alone does not say (a setter checks it, or a format). */
    private static final Map<String, String> VALUES = Map.of("--set", "trade.exportTrend=0.04", "--limit", "paths=2000000",
            "--lang", "zh", "--sampler", "lhs", "--csv-bom", "false", "--fit", "trade.exportTrend,production.tfpGrowth",
            "--metrics", "exports,gdp_nominal");

    /** The command's spec after parsing {@code args}, as the command would see it. */
    private static CommandSpec parsed(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            List<CommandLine> chain = cl.parseArgs(args).asCommandLineList();
            return chain.get(chain.size() - 1).getCommandSpec();
        } finally {
            io.plansim.scenario.Limits.use(io.plansim.scenario.Limits.DEFAULT); // --limit's setter sets it, as Main.execute resets it
        }
    }

    private static String sample(OptionSpec o) {
        if (VALUES.containsKey(o.longestName())) {
            return VALUES.get(o.longestName());
        }
        Class<?> t = o.type();
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class || t == double.class) {
            return "2031";
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[t.getEnumConstants().length - 1].toString();
        }
        return "some-file.yaml";
    }

    /** Each option of {@code command} given alone (with {@code base}) is in the recorded command, but for {@link #LEFT_OUT}. */
    private static void everyOptionIsCarried(String command, List<String> base, Set<String> notForThisCommand) {
        CommandSpec spec = parsed(concat(List.of(command), base));
        int checked = 0;
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.hidden() || notForThisCommand.contains(name) || (o.usageHelp() || o.versionHelp())) {
                continue;
            }
            List<String> args = new ArrayList<>(base);
            args.add(name);
            if (o.arity().max() > 0) {
                args.add(sample(o));
            }
            String recorded = Reproduction.command(parsed(concat(List.of(command), args)), List.of());
            if (LEFT_OUT.contains(name)) {
                assertFalse(recorded.contains(name), name + " left out: " + recorded);
            } else {
                String expected = o.arity().max() > 0 ? name + " " + Reproduction.quote(sample(o)) : name;
                assertTrue(recorded.contains(expected), "'" + expected + "' in: " + recorded);
                checked++;
            }
        }
        assertTrue(checked >= 8, command + ": " + checked + " options checked");
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    @Test
    void everyReportOptionThatChangesTheReportIsInItsCommand() {
        // the options the tester found dropped, named here so that a rename does not pass unnoticed
        String all = reportCommand("report", "yiwu/baseline", "--paths", "500", "--seed", "3", "--raw", "--set",
                "trade.exportTrend=0.04", "--history", "h.csv", "--as-of", "2023", "--lang", "zh", "--compare-to", "rep1", "--out", "x", "--quiet");
        assertEquals("plansim report yiwu/baseline --paths 500 --seed 3 --lang zh --compare-to rep1 --history h.csv --as-of 2023 "
                + "--set trade.exportTrend=0.04 --raw", all);
        everyOptionIsCarried("report", List.of("yiwu/baseline"), Set.of("--raw")); // --raw with --calibration: one at a time
        everyOptionIsCarried("report", List.of("yiwu/baseline"), Set.of("--calibration"));
    }

    @Test
    void everyCalibrateOptionThatChangesTheFitIsInItsCommand() {
        everyOptionIsCarried("calibrate", List.of("yiwu/baseline", "--fit", "trade.exportTrend"), Set.of("--fit"));
    }

    /** The command a report records for this command line (its paths and seed stated). */
    private static String reportCommand(String... args) {
        return Reproduction.command(parsed(args), List.of("--paths", "--seed"));
    }

    /** The report's recorded command, run again, gives the same probabilities (it lost --raw before). */
    @Test
    void aReportsRecordedCommandGivesTheSameProbabilities() throws Exception {
        Path first = dir.resolve("first");
        RunCommandTest.Result a = RunCommandTest.plansim("report", "yiwu/baseline", "--paths", "300", "--quiet", "--out", first.toString(),
                "--set", "trade.exportTrend=0.04", "--seed", "3", "--raw");
        assertEquals(0, a.code(), a.err());
        JsonNode summary = new ObjectMapper().readTree(first.resolve("summary.json").toFile());
        String command = summary.get("command").asText();
        assertEquals("./plansim report yiwu/baseline --paths 300 --seed 3 --set trade.exportTrend=0.04 --raw", command);
        assertTrue(Files.readString(first.resolve("index.html")).contains(command), "the page shows the same command");
        Path again = dir.resolve("again");
        List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
        args.addAll(List.of("--quiet", "--out", again.toString()));
        RunCommandTest.Result b = RunCommandTest.plansim(args.toArray(String[]::new));
        assertEquals(0, b.code(), b.err());
        JsonNode second = new ObjectMapper().readTree(again.resolve("summary.json").toFile());
        assertEquals(summary.get("scenarios").get(0).get("targets"), second.get("scenarios").get(0).get("targets"));
        assertEquals(summary.get("settings"), second.get("settings"));
    }

    /** The header of calibrate --out names every option of the fit; running it again gives the value written. */
    @Test
    void aCalibrationFilesCommandGivesTheSameFit() throws Exception {
        Path out = dir.resolve("cal-out.yaml");
        RunCommandTest.Result a = RunCommandTest.plansim("calibrate", "yiwu/baseline", "--fit", "trade.exportTrend", "--metrics", "exports",
                "--to", "2019", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        String header = Files.readAllLines(out).get(0);
        assertEquals("# Written by: plansim calibrate yiwu/baseline --fit trade.exportTrend --to 2019 --metrics exports", header);
        String value = valueOf(Files.readString(out));
        String[] again = header.substring("# Written by: plansim ".length()).split(" ");
        RunCommandTest.Result b = RunCommandTest.plansim(concat(List.of(again), List.of("--out", dir.resolve("again.yaml").toString())));
        assertEquals(0, b.code(), b.err());
        assertEquals(value, valueOf(Files.readString(dir.resolve("again.yaml"))));
        RunCommandTest.Result all = RunCommandTest.plansim("calibrate", "yiwu/baseline", "--fit", "trade.exportTrend",
                "--out", dir.resolve("all.yaml").toString());
        assertEquals(0, all.code(), all.err());
        assertFalse(value.equals(valueOf(Files.readString(dir.resolve("all.yaml")))), "--metrics and --to change the fit");
    }

    private static String valueOf(String yaml) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("exportTrend: (-?[0-9.]+)").matcher(yaml);
        assertTrue(m.find(), yaml);
        return m.group(1);
    }
}
