package io.plansim.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one dictionary: every key the report and table code asks for is in it, in both languages; {0} fills in. */
class DictionaryTest {
    private static final Pattern ASKED = Pattern.compile("(?:word|chartWord|format)\\(\"([a-z][a-z0-9./ ]*)\"[,)]");

    @Test
    void everyKeyTheCodeAsksForIsInTheDictionary() throws IOException {
        List<String> missing = new ArrayList<>();
        int asked = 0;
        // this module's code and the command line's (its terminal tables), when the checkout has it beside this one
        List<Path> roots = Stream.of(Path.of("src/main/java"), Path.of("../app/src/main/java")).filter(Files::isDirectory).toList();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = ASKED.matcher(Files.readString(f));
                    while (m.find()) {
                        asked++;
                        if (!Dictionary.get().has(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(asked > 100, "the scan found the code's keys: " + asked);
        // keys the code composes: a verdict's, a report area's (the model's areas, io/plansim/scenario/areas.yaml)
        for (io.plansim.verdict.Verdict v : io.plansim.verdict.Verdict.values()) {
            asked += check("verdict." + v.label().replace(' ', '.'), missing);
        }
        for (String area : io.plansim.scenario.RegionData.model().areaIds()) {
            asked += check("area." + area, missing);
        }
        // a driver's group and the reason for its default (the workbooks' assumptions sheet)
        for (io.plansim.scenario.Driver d : io.plansim.scenario.Driver.values()) {
            asked += check("cell.group." + d.group(), missing);
            asked += check("driver.why." + d.path(), missing);
        }
        // the engine's phrases (io.plansim.model.Phrase): why a target is not evaluable, what data gave a prior
        assertTrue(enginePhraseKeys().size() >= 15, enginePhraseKeys().toString());
        for (String key : enginePhraseKeys()) {
            asked += check(key, missing);
        }
        // the terminal tables': a model, a solver's outcome and setting, a sampler
        for (io.plansim.scenario.ProductionKind kind : io.plansim.scenario.ProductionKind.values()) {
            asked += check("text.model." + kind.name().toLowerCase(java.util.Locale.ROOT), missing);
        }
        for (io.plansim.analysis.SolveResult.Outcome outcome : io.plansim.analysis.SolveResult.Outcome.values()) {
            asked += check("solve." + outcome.key(), missing);
        }
        for (io.plansim.scenario.DrawMode mode : io.plansim.scenario.DrawMode.values()) {
            asked += check("text.solve.mode." + mode.key(), missing);
        }
        for (io.plansim.runner.Sampler sampler : io.plansim.runner.Sampler.values()) {
            asked += check("text.sampler." + sampler.name().toLowerCase(java.util.Locale.ROOT), missing);
        }
        assertEquals(List.of(), missing);
    }

    /** The dictionary keys of the engine's phrases: every literal "reason.*" and "uncertainty.e*" of its sources. */
    private static List<String> enginePhraseKeys() throws IOException {
        Pattern literal = Pattern.compile("\"((?:reason|uncertainty\\.(?:evidence|estimate))(?:\\.[a-z]+)+)\"");
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../engine/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /**
     * The Chinese reason for each driver's default says what the English says: every figure of the English (a
     * default, a year, a range) is in the Chinese too, and each phrase's Chinese is the phrase's, not the English.
     */
    @Test
    void theChineseOfEveryDriversDefaultHasItsFigures() {
        Pattern figure = Pattern.compile("\\d+(?:\\.\\d+)?");
        for (io.plansim.scenario.Driver d : io.plansim.scenario.Driver.values()) {
            String zh = Dictionary.get().format("driver.why." + d.path(), true, d.why());
            assertEquals(d.why(), Dictionary.get().format("driver.why." + d.path(), false, d.why()));
            assertTrue(!zh.contains(d.why()) && Pattern.compile("[\\u4e00-\\u9fff]").matcher(zh).find(), zh);
            Matcher m = figure.matcher(d.why());
            while (m.find()) {
                assertTrue(zh.contains(m.group()), d.path() + ": " + m.group() + " missing from " + zh);
            }
        }
        io.plansim.model.Phrase p = io.plansim.model.Phrase.of("reason.not.projected", "the scenario does not project x", "x", "某指标");
        assertEquals("the scenario does not project x", Dictionary.get().phrase(p, false));
        assertEquals("情景不预测某指标（x）", Dictionary.get().phrase(p, true));
    }

    private static int check(String key, List<String> missing) {
        if (!Dictionary.get().has(key)) {
            missing.add(key);
        }
        return 1;
    }

    @Test
    void entriesFillInTheirPlacesInOrderAndNothingElse() {
        Dictionary d = Dictionary.get();
        assertEquals("ahead by 12 亿元 (5.0%)", d.format("gap.ahead", false, "12 亿元 (5.0%)"));
        assertEquals("超出 12 亿元 (5.0%)", d.format("gap.ahead", true, "12 亿元 (5.0%)"));
        assertEquals("x与y在 2030 年以前重合", d.format("coincide.until", true, "x", "y", 2030));
        assertEquals("a与b的线完全重合（b画在上面）", d.format("coincide.all", true, "a", "b"));
        assertEquals("有望实现", d.word("verdict.on.track", true));
        assertEquals("100 million yuan", d.englishUnits().get("亿元"));
        assertEquals("中心值", d.columnZh("central"));
        assertEquals("p05", d.columnZh("p05"));
    }
}
