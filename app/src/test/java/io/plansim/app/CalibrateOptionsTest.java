package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** calibrate's own options are checked before the fit, with the bad value and what is allowed. */
class CalibrateOptionsTest {
    @Test
    void aMisspeltMetricIsNamedWithTheNearestVariable() {
        RunCommandTest.Result r = RunCommandTest.plansim("calibrate", "yiwu/baseline", "--fit", "trade.exportTrend", "--metrics", "exprts");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--metrics: found 'exprts'") && r.err().contains("did you mean 'exports'?"), r.err());
    }

    @Test
    void yearsOutOfOrderAreRefused() {
        RunCommandTest.Result r = RunCommandTest.plansim("calibrate", "yiwu/baseline", "--fit", "trade.exportTrend", "--from", "2019", "--to", "2016");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--from/--to: found 2019/2016"), r.err());
    }
}
