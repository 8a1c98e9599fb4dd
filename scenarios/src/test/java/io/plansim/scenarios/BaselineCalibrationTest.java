package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.analysis.Calibration;
import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.scenario.Driver;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.target.History;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calibrated drivers stored in yiwu/baseline are what calibrating on its declared window gives. */
class BaselineCalibrationTest {
    @Test
    void storedDriversReproduceTheCalibration() throws Exception {
        ScenarioLoader loader = new ScenarioLoader(ScenarioRepository.onClasspath());
        Scenario baseline = loader.load("yiwu/baseline");
        assertEquals("backtest-2015", baseline.calibration());
        CompiledScenario window = ScenarioCompiler.compile(loader.load("yiwu/" + baseline.calibration()));
        History all = History.parse("yiwu/history.csv", Files.readString(Path.of("yiwu", "history.csv"), StandardCharsets.UTF_8));
        Set<String> metrics = Set.of("exports", "goods_trade", "urbanization_rate");
        History h = new History(all.records().stream().filter(r -> metrics.contains(r.metric())).toList());
        List<Driver> fit = List.of(Driver.EXPORT_TREND, Driver.URBAN_SPEED);
        Calibration.Result r = Calibration.fit(window, fit, h, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertTrue(r.converged(), r.message());
        CompiledScenario c = ScenarioCompiler.compile(baseline);
        for (int j = 0; j < fit.size(); j++) {
            assertEquals(r.values()[j], c.param(fit.get(j), 1), 5e-5, fit.get(j).path());
            assertTrue(!r.atBound()[j]);
        }
    }
}
