package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.compile.CompiledScenario;
import io.plansim.compile.ScenarioCompiler;
import io.plansim.scenario.ScenarioLoader;
import io.plansim.scenario.ScenarioRepository;
import io.plansim.scenario.Source;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every target and every historical figure quotes its seed verbatim at the cited line, and every Yiwu
 * target is on a metric the baseline projects.
 */
class CatalogProvenanceTest {

    static String line(String seed, int line) throws IOException {
        String text = Files.readString(Path.of("seeds", seed), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : null;
    }

    static void checkQuote(String what, Source s, List<String> failures) throws IOException {
        if (s.file() == null) {
            assertTrue(s.url() != null && s.quote() != null, what + ": a source without a seed file needs an address and a quote");
            return;
        }
        String l = line(s.file(), s.line());
        if (l == null || !l.contains(s.quote())) {
            failures.add(what + ": quote not at " + s.file() + ":" + s.line() + ": " + s.quote());
        }
    }

    static TargetCatalog catalog(String region) throws IOException {
        return TargetCatalog.parse(region + "/targets.yaml", Files.readString(Path.of(region, "targets.yaml"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yiwu", "jinhua"})
    void everyTargetQuoteIsVerbatimAtItsLine(String region) throws IOException {
        List<String> failures = new ArrayList<>();
        TargetCatalog c = catalog(region);
        assertTrue(c.targets().size() > 20, region);
        for (Target t : c.targets()) {
            checkQuote(t.id(), t.source(), failures);
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yiwu", "jinhua"})
    void everyHistoricalFigureQuotesItsSource(String region) throws IOException {
        History h = History.parse(region + "/history.csv", Files.readString(Path.of(region, "history.csv"), StandardCharsets.UTF_8));
        assertTrue(h.records().size() > 20);
        List<String> failures = new ArrayList<>();
        for (HistoryRecord r : h.records()) {
            checkQuote(r.metric() + " " + r.year(), r.source(), failures);
        }
        assertEquals(List.of(), failures);
    }

    /**
     * A sum is labelled as a sum: yiwu-urb2027.new_urban_jobs.2027.a, judged on 2023-2027's total, was labelled
     * "年均新增就业岗位（2023-2027年合计）" (an annual average and a total at once).
     */
    @ParameterizedTest
    @ValueSource(strings = {"yiwu", "jinhua"})
    void noSumIsLabelledAsAnAnnualAverage(String region) throws IOException {
        List<String> averages = catalog(region).targets().stream()
                .filter(t -> t.kind() == io.plansim.target.TargetKind.CUMULATIVE)
                .filter(t -> t.nameZh().contains("年均") || t.name().toLowerCase(java.util.Locale.ROOT).contains("a year"))
                .map(t -> t.id() + ": " + t.name() + " / " + t.nameZh()).toList();
        assertEquals(List.of(), averages);
    }

    @Test
    void everyYiwuTargetIsOnAMetricTheBaselineProjects() throws IOException {
        CompiledScenario c = ScenarioCompiler.compile(new ScenarioLoader(ScenarioRepository.onClasspath()).load("yiwu/baseline"));
        Set<String> projected = c.outputs().stream().map(v -> v.id()).collect(Collectors.toSet());
        List<String> missing = catalog("yiwu").targets().stream().filter(t -> !projected.contains(t.metric()))
                .map(t -> t.id() + " (" + t.metric() + ")").toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void theHeadlineTargetsAreInTheCatalog() throws IOException {
        TargetCatalog c = catalog("yiwu");
        assertTarget(c, "gdp_nominal", 2020, 1530);
        assertTarget(c, "gdp_nominal", 2025, 2000);
        assertTarget(c, "urbanization_rate", 2027, 83);
        assertTarget(c, "goods_trade", 2027, 10000);
        assertTarget(c, "gdp_nominal", 2035, 4000);
        assertTarget(c, "total_trade", 2025, 10000);
        assertTrue(c.targets().stream().anyMatch(t -> t.metric().equals("gdp_nominal") && t.year() == 2035
                && t.kind() == io.plansim.target.TargetKind.CHANGE && t.from() == 2025 && t.value() == 100), "2035 doubling");
        assertTrue(c.targets().stream().anyMatch(t -> t.metric().equals("energy_intensity") && t.year() == 2025
                && t.kind() == io.plansim.target.TargetKind.CHANGE && t.from() == 2020 && t.value() == -16), "2025 intensity -16%");
    }

    private static void assertTarget(TargetCatalog c, String metric, int year, double value) {
        assertTrue(c.targets().stream().anyMatch(t -> t.metric().equals(metric) && t.year() == year && t.value() == value),
                metric + " " + year + " " + value);
    }
}
