package io.plansim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.TestScenarios;
import io.plansim.compile.CompiledScenario;
import io.plansim.runner.DeterministicRunner;
import io.plansim.runner.Projection;
import io.plansim.scenario.Driver;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calibration recovers parameters from data the model itself generated, with noise, within their standard errors. */
class CalibrationTest {
    private static History synthetic(Projection p, long seed, double noise) {
        Random r = new Random(seed);
        List<HistoryRecord> rows = new ArrayList<>();
        for (String metric : new String[] {"gdp_nominal", "population", "exports"}) {
            for (int year = 2021; year <= 2035; year++) {
                double v = p.value(metric, year) * Math.exp(noise * r.nextGaussian());
                rows.add(new HistoryRecord("T", year, metric, v, "", "", "used", io.plansim.scenario.Source.note("synthetic"), 0));
            }
        }
        return new History(rows);
    }

    @Test
    void recoversKnownParametersWithinTheirStandardErrors() {
        Projection truth = TestScenarios.run("test/minimal", "production.tfpGrowth=0.013", "population.netMigration=0.015",
                "trade.exportTrend=0.03");
        CompiledScenario start = TestScenarios.compile("test/minimal", "trade.exportTrend=0");
        List<Driver> fit = List.of(Driver.TFP_GROWTH, Driver.NET_MIGRATION, Driver.EXPORT_TREND);
        double[] truthValues = {0.013, 0.015, 0.03};
        int within = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Calibration.Result r = Calibration.fit(start, fit, synthetic(truth, seed, 0.01), 2021, 2035);
            assertTrue(r.converged(), r.message());
            assertEquals(45, r.residuals().size());
            assertTrue(r.r2() > 0.9, "R2 " + r.r2());
            for (int j = 0; j < 3; j++) {
                assertTrue(r.standardErrors()[j] > 0 && r.standardErrors()[j] < 0.01, "se " + r.standardErrors()[j]);
                assertTrue(Math.abs(r.values()[j] - truthValues[j]) < 4 * r.standardErrors()[j], fit.get(j) + " " + r.values()[j]);
                within += Math.abs(r.values()[j] - truthValues[j]) <= 2 * r.standardErrors()[j] ? 1 : 0;
            }
        }
        assertTrue(within >= 12, "most estimates within 2 standard errors: " + within + " of 15");
    }

    @Test
    void noiselessDataIsFitExactlyAndBoundsAreReported() {
        Projection truth = TestScenarios.run("test/minimal", "production.tfpGrowth=0.02");
        CompiledScenario start = TestScenarios.compile("test/minimal");
        Calibration.Result r = Calibration.fit(start, List.of(Driver.TFP_GROWTH), synthetic(truth, 1, 0), 2021, 2035);
        assertEquals(0.02, r.values()[0], 1e-7);
        assertFalse(r.atBound()[0]);
        // data no value in the range can reach: the fit ends on a bound and says so
        Projection far = TestScenarios.run("test/minimal", "production.tfpGrowth=0.09", "population.netMigration=0.19");
        Calibration.Result pinned = Calibration.fit(start, List.of(Driver.TFP_GROWTH), synthetic(far, 1, 0), 2021, 2035);
        assertTrue(pinned.atBound()[0], pinned.message());
        assertTrue(pinned.message().contains("pinned at its bound"), pinned.message());
    }
}
