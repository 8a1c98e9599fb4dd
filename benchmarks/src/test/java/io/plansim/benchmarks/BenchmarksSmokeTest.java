package io.plansim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, very briefly (in this JVM, one 100 ms warm-up and one 100 ms measurement
 * iteration), so that a benchmark broken by an engine change fails the build rather than the next
 * performance run. The scores mean nothing here; they only have to exist and be finite.
 */
class BenchmarksSmokeTest {
    private static final Set<String> EXPECTED = Set.of(
            "ProjectionBenchmark.projectYiwuBaseline",
            "ProjectionBenchmark.compileScenario",
            "MonteCarloBenchmark.perPath",
            "MonteCarloBenchmark.perPathYear",
            "MonteCarloBenchmark.perPathAllCores",
            "RandomFloorBenchmark.pathYear",
            "AggregationBenchmark.sketchInsert",
            "AggregationBenchmark.sketchMerge",
            "AggregationBenchmark.layOut",
            "AggregationBenchmark.momentsAdd",
            "ServeForecastBenchmark.simulate", "ServeForecastBenchmark.simulateAndPagePercentiles", "ServeForecastBenchmark.whatIf",
            "ServeForecastBenchmark.whatIfDrawingAgain",
            "TargetsBenchmark.countTargets",
            "TargetsBenchmark.pathCheck",
            "ParameterDrawBenchmark.allParameters");

    @Test
    void everyBenchmarkRunsAndScores() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(BenchmarksSmokeTest.class.getPackageName() + "\\.")
                .forks(0) // the shaded jar a fork needs is built after the tests
                .warmupIterations(1)
                .measurementIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementTime(TimeValue.milliseconds(100))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            scores.put(label, r.getPrimaryResult().getScore());
        }
        assertEquals(new TreeSet<>(EXPECTED), scores.keySet(), "benchmarks that ran");
        scores.forEach((name, score) -> assertTrue(Double.isFinite(score) && score > 0, name + " scored " + score));
    }
}
