package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An option the command, as asked, does not use is refused (exit 2, the option named, before any work), not
 * silently ignored; the same command without it runs.
 */
class UnusedOptionsTest {
    private static void refused(String option, String... args) {
        RunCommandTest.Result r = RunCommandTest.plansim(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("command line: " + option + ":"), r.err());
        assertTrue(r.err().contains("(drop " + option + ")"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out(), "nothing printed before the error");
    }

    @Test
    void centralOnlyTargetsRefuseMonteCarloOptions() {
        refused("--paths", "targets", "yiwu/baseline", "--central-only", "--paths", "500");
        refused("--seed", "targets", "yiwu/baseline", "--central-only", "--seed", "9");
        refused("--sampler", "targets", "yiwu/baseline", "--central-only", "--sampler", "lhs");
        refused("--raw", "targets", "yiwu/baseline", "--central-only", "--raw");
        assertEquals(0, RunCommandTest.plansim("targets", "yiwu/baseline", "--central-only").code());
    }

    @Test
    void aCentralSolveRefusesMonteCarloOptions() {
        refused("--paths", "solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035", "--driver",
                "production.tfpGrowth", "--paths", "500");
        refused("--sampler", "solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035", "--driver",
                "production.tfpGrowth", "--sampler", "sobol");
    }

    @Test
    void theTornadoRefusesSobolsOptions() {
        refused("--paths", "sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035", "--paths", "64");
        refused("--bootstrap", "sensitivity", "yiwu/baseline", "--output", "gdp_nominal@2035", "--bootstrap", "50");
    }

    @Test
    void languageIsRefusedWhereTheOutputHasOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // json stays English; the tables and csv of run, mc and targets take --lang zh (ChineseTablesTest)
        refused("--lang", "run", "yiwu/baseline", "--format", "json", "--lang", "zh");
        refused("--lang", "mc", "yiwu/baseline", "--paths", "200", "--format", "json", "--lang", "zh");
        refused("--lang", "targets", "yiwu/baseline", "--central-only", "--format", "json", "--lang", "zh");
        refused("--lang", "evaluate", "--plans", "--lang", "zh");
        assertEquals(0, RunCommandTest.plansim("run", "yiwu/baseline", "--lang", "en", "--format", "xlsx", "--out",
                dir.toString()).code());
    }
}
