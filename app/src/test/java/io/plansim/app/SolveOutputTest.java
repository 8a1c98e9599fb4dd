package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What solve says names the what-if it solved and rounds the figures it quotes. */
class SolveOutputTest {
    @Test
    void theJsonNamesTheWhatIfAndTheMessagesRoundTheirFigures() {
        RunCommandTest.Result r = RunCommandTest.plansim("solve", "yiwu/baseline", "--set", "trade.exportTrend=0.03", "--target",
                "yiwu2035.gdp_nominal.2035", "--driver", "production.tfpGrowth", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"scenario\" : \"yiwu/baseline [trade.exportTrend=0.03]\""), r.out());
        RunCommandTest.Result free = RunCommandTest.plansim("solve", "yiwu/baseline", "--target", "yiwu2035.gdp_nominal.2035",
                "--driver", "energy.intensityDecline");
        assertTrue(free.out().contains("runs from 4082.98 to 4082.98, and 4000 is needed"), free.out());
    }
}
