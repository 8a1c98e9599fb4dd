package io.plansim.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.aggregate.McResult;
import io.plansim.scenario.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failed-path policy at its edges: none, exactly 1%, one path more, every path. */
class FailedPathsTest {
    private static McResult run(long good, long failed) {
        return new McResult("s", 1, "mc", new int[0], List.of(), null, null, List.of(), new long[0], good, failed,
                failed > 0 ? 7 : -1, failed > 0 ? "exports in 2026 is NaN on path 7" : null);
    }

    @Test
    void upToOnePercentIsAWarningAboveItAnError() {
        assertNull(FailedPaths.check("a.yaml", run(1000, 0)));
        String warning = FailedPaths.check("a.yaml", run(990, 10));
        assertEquals("10 of 1000 Monte Carlo paths (1.00%) with invalid numbers were left out of every figure; first: "
                + "exports in 2026 is NaN on path 7", warning);
        InputException above = assertThrows(InputException.class, () -> FailedPaths.check("a.yaml", run(989, 11)));
        assertTrue(above.getMessage().startsWith("a.yaml: uncertainty: found 11 of 1000 Monte Carlo paths (1.10%)"), above.getMessage());
        InputException all = assertThrows(InputException.class, () -> FailedPaths.check("a.yaml", run(0, 300)));
        assertTrue(all.getMessage().contains("300 of 300 Monte Carlo paths (100.00%) with invalid numbers, every one; first: exports"),
                all.getMessage());
    }
}
