package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plansim calibrate --uncertainty}: prints estimates with sources and writes a valid, sourced section. */
class CalibrateUncertaintyTest {
    @TempDir
    Path dir;

    @Test
    void writesAScenarioWhoseUncertaintyNamesItsSources() throws Exception {
        Path file = dir.resolve("sized.yaml");
        RunCommandTest.Result r = RunCommandTest.plansim("calibrate", "--uncertainty", "yiwu/backtest-2015", "--write", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("shocks/gdp_real"), r.out());
        assertTrue(r.out().contains("w = tau^2 / (tau^2 + se^2)"), r.out());
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("extends: yiwu/backtest-2015"), yaml);
        // every entry line of the written section carries a source
        for (String line : yaml.split("\n")) {
            if (line.startsWith("    ") && line.contains(": {") && !line.startsWith("      ")) {
                assertTrue(line.contains("source: \""), line);
            }
        }
        RunCommandTest.Result mc = RunCommandTest.plansim("mc", file.toString(), "--paths", "500", "--seed", "1", "--quiet");
        assertEquals(0, mc.code(), mc.err());

        RunCommandTest.Result zh = RunCommandTest.plansim("calibrate", "--uncertainty", "yiwu/backtest-2015", "--lang", "zh");
        assertEquals(0, zh.code(), zh.err());
        assertTrue(zh.out().contains("收缩规则"), zh.out());
    }

    /**
     * Under --lang zh the table's estimate and evidence columns (what the region's data gave each entry) are Chinese,
     * through the dictionary; the English output keeps the engine's English.
     */
    @Test
    void theEstimateAndEvidenceColumnsAreChineseUnderLangZh() {
        RunCommandTest.Result zh = RunCommandTest.plansim("calibrate", "--uncertainty", "yiwu/baseline", "--lang", "zh");
        assertEquals(0, zh.code(), zh.err());
        java.util.List<String> english = new java.util.ArrayList<>();
        int rows = 0;
        for (String line : zh.out().split("\n")) {
            if (line.startsWith("shocks/") || line.startsWith("parameters/")) {
                rows++;
                String[] cells = line.strip().split(" {2,}");
                assertEquals(4, cells.length, line);
                for (int c = 1; c <= 2; c++) {
                    if (ReportLanguageTest.readsEnglish(cells[c])) {
                        english.add(cells[c]);
                    }
                }
            }
        }
        assertTrue(rows > 20, zh.out());
        assertEquals(java.util.List.of(), english);
        for (String words : new String[] {"无可用历史数据（截至 2020 年", "个年增速）：标准差", "个区间）：标准差", "常住人口 2010/2020：", "中国 0.", "持续性"}) {
            assertTrue(zh.out().contains(words), words + " in " + zh.out());
        }
        RunCommandTest.Result en = RunCommandTest.plansim("calibrate", "--uncertainty", "yiwu/baseline");
        assertEquals(0, en.code(), en.err());
        for (String words : new String[] {"no usable history (fewer than 3 levels or growth rates up to 2020)", "(4 annual rates): sd 0.",
                "residents 2010/2020: ", "persistence "}) {
            assertTrue(en.out().contains(words), words + " in " + en.out());
        }
    }

    @Test
    void fitOrUncertaintyMustBeChosen() {
        RunCommandTest.Result none = RunCommandTest.plansim("calibrate", "yiwu/baseline");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("neither --fit nor --uncertainty"), none.err());
        assertFalse(none.err().contains("Exception"), none.err());
    }
}
