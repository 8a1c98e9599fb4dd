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

    @Test
    void fitOrUncertaintyMustBeChosen() {
        RunCommandTest.Result none = RunCommandTest.plansim("calibrate", "yiwu/baseline");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("neither --fit nor --uncertainty"), none.err());
        assertFalse(none.err().contains("Exception"), none.err());
    }
}
