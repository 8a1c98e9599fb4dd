package io.plansim.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanScoresTest {
    private static PlanRecord.Row row(String kind, boolean met) {
        return new PlanRecord.Row("p", "r", 2010, 2015, "x", "", kind, "", ">=", 1, met ? 2 : 0, met, "", "", Double.NaN,
                null, null, "", null);
    }

    @Test
    void theBaseRateLeavesTheTargetOutAndFallsBackToAllKinds() {
        List<PlanRecord.Row> rows = List.of(row("level", true), row("level", true), row("level", false), row("change", true),
                row("growth", false));
        // level: the other two levels; change and growth: alone in their kind, so the other four rows
        assertArrayEquals(new double[] {0.5, 0.5, 1.0, 0.5, 0.75}, PlanScores.baseRates(rows), 1e-12);
    }

    @Test
    void brierAndReliabilityCountOnlyRowsWithAProbability() {
        List<PlanRecord.Row> rows = List.of(row("level", true), row("level", false), row("level", true));
        double[] p = {0.9, 0.3, Double.NaN};
        assertEquals((0.01 + 0.09) / 2, PlanScores.brier(rows, p), 1e-12);
        assertEquals(2, PlanScores.count(p));
        List<PlanScores.Bin> bins = PlanScores.reliability(rows, p);
        assertEquals(1, bins.get(1).n());
        assertEquals(0.0, bins.get(1).shareMet());
        assertEquals(1, bins.get(4).n());
        assertEquals(0.9, bins.get(4).meanProbability(), 1e-12);
        assertEquals(1.0, bins.get(4).shareMet());
    }
}
