package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.runner.McOptions;
import io.plansim.runner.Sampler;
import io.plansim.scenario.InputException;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine's forecast service: in-memory scenarios, no file access from a name, and safe sharing between threads. */
class ForecastsServiceTest {
    private static final Forecasts SERVICE = Forecasts.onClasspath();
    private static final McOptions OPTIONS = new McOptions(1000, 5, Sampler.MC, 1, 256);

    @Test
    void aScenarioHeldAsTextExtendsABuiltIn() {
        String yaml = "name: Upload\nextends: yiwu/baseline\ndrivers:\n  trade:\n    exportTrend: 0.05\n";
        Forecasts.Central text = SERVICE.central(Forecasts.Request.of(ScenarioSource.text("upload.yaml", yaml)));
        Forecasts.Central set = SERVICE.central(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"), "trade.exportTrend=0.05"));
        assertEquals("Upload", text.scenario().name());
        assertArrayEquals(set.central().series("gdp_nominal"), text.central().series("gdp_nominal"), 0.0);
        assertEquals(set.verdicts().size(), text.verdicts().size(), "the parent's targets catalog comes with it");
    }

    /** Every built-in's targets and history pass the checks against its metrics (unit, basis, region, shares in %). */
    @Test
    void everyBuiltInsTargetsAndHistoryFitItsMetrics() {
        for (var b : SERVICE.builtIns()) {
            var s = SERVICE.load(Forecasts.Request.of(ScenarioSource.builtIn(b.name())));
            SERVICE.targets(s);
            assertTrue(!SERVICE.history(s).records().isEmpty() || s.history() == null, b.name());
            SERVICE.actuals(s, io.plansim.target.History.empty());
        }
    }

    @Test
    void textCannotReachTheFileSystem() {
        for (String ref : List.of("/etc/passwd", "../../../etc/passwd", "../yiwu/baseline.yaml")) {
            String yaml = "name: Upload\nextends: " + ref + "\n";
            InputException e = assertThrows(InputException.class,
                    () -> SERVICE.load(Forecasts.Request.of(ScenarioSource.text("upload.yaml", yaml))));
            assertTrue(e.getMessage().contains("no such scenario"), e.getMessage());
        }
        InputException targets = assertThrows(InputException.class, () -> SERVICE.central(Forecasts.Request.of(
                ScenarioSource.text("upload.yaml", "extends: yiwu/baseline\ntargets: /etc/passwd\n"))));
        assertTrue(targets.getMessage().contains("no such built-in file"), targets.getMessage());
        InputException name = assertThrows(InputException.class,
                () -> SERVICE.load(Forecasts.Request.of(ScenarioSource.builtIn("../../etc/passwd"))));
        assertTrue(name.getMessage().contains("no such built-in scenario"), name.getMessage());
    }

    @Test
    void eightThreadsGetWhatOneGets() throws Exception {
        List<Forecasts.Request> requests = List.of(
                Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")),
                Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"), "trade.exportTrend+=-0.03"),
                Forecasts.Request.of(ScenarioSource.builtIn("yiwu/plan")),
                Forecasts.Request.of(ScenarioSource.builtIn("jinhua/baseline")));
        List<double[]> sequential = new ArrayList<>();
        for (Forecasts.Request r : requests) {
            sequential.add(fingerprint(SERVICE.simulate(r, OPTIONS, null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Forecasts.Request r = requests.get(i % requests.size());
                futures.add(pool.submit(() -> fingerprint(SERVICE.simulate(r, OPTIONS, null))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential.get(i % requests.size()), futures.get(i).get(), 0.0, "request " + (i % requests.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelledForecastStopsEarlyOnTheHostsPoolAndTheNextRunIsWhole() {
        ExecutorService pool = io.plansim.runner.Workers.fixed(2);
        try {
            Forecasts hosted = Forecasts.onClasspath(pool);
            Forecasts.Request r = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"));
            McOptions o = new McOptions(100_000, 5, Sampler.MC, 2, 1000); // 100 blocks
            io.plansim.runner.Cancellation cancel = io.plansim.runner.Cancellation.create();
            long[] merged = new long[1];
            io.plansim.runner.CancelledException e = assertThrows(io.plansim.runner.CancelledException.class,
                    () -> hosted.simulate(r, o, cancel, (done, total, met) -> {
                        if (++merged[0] == 2) {
                            cancel.cancel("superseded");
                        }
                    }));
            assertEquals("superseded", e.reason());
            assertEquals(2, merged[0], "the run stopped after 2 of its 100 blocks");
            // the pool is free again and gives the shared service's numbers
            assertArrayEquals(fingerprint(SERVICE.simulate(r, OPTIONS, null)), fingerprint(hosted.simulate(r, OPTIONS, null)), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theScenarioFileOfAWhatIfRerunsToItsNumbers() {
        Forecasts.Request whatIf = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"),
                "trade.exportTrend=-0.02", "energy.intensityDecline=0.045");
        String yaml = SERVICE.scenarioText(whatIf);
        assertTrue(yaml.contains("extends: yiwu/baseline"), yaml);
        Forecasts.Request file = Forecasts.Request.of(ScenarioSource.text("download.yaml", yaml));
        assertArrayEquals(fingerprint(SERVICE.simulate(whatIf, OPTIONS, null)), fingerprint(SERVICE.simulate(file, OPTIONS, null)), 0.0);
        // an upload keeps its own drivers and takes the overrides on top
        String upload = "name: Upload\nextends: yiwu/baseline\ndrivers:\n  trade:\n    exportTrend: 0.05\n";
        Forecasts.Request onUpload = Forecasts.Request.of(ScenarioSource.text("up.yaml", upload), "population.netMigration=0.02");
        Forecasts.Request merged = Forecasts.Request.of(ScenarioSource.text("up.yaml", SERVICE.scenarioText(onUpload)));
        assertArrayEquals(fingerprint(SERVICE.simulate(onUpload, OPTIONS, null)), fingerprint(SERVICE.simulate(merged, OPTIONS, null)), 0.0);
        // a period or a relative change is written as the driver's resulting path, which reruns to the same numbers
        Forecasts.Request ranged = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"),
                "trade.exportTrend[2026-2027]=0.01", "production.tfpGrowth+=0.002");
        String rangedYaml = SERVICE.scenarioText(ranged);
        assertTrue(rangedYaml.contains("\"2026-2027\": 0.01"), rangedYaml);
        assertArrayEquals(fingerprint(SERVICE.simulate(ranged, OPTIONS, null)),
                fingerprint(SERVICE.simulate(Forecasts.Request.of(ScenarioSource.text("ranged.yaml", rangedYaml)), OPTIONS, null)), 0.0);
        // what is not a driver cannot be written as one
        InputException notADriver = assertThrows(InputException.class, () -> SERVICE.scenarioText(
                Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"), "model=growth")));
        assertTrue(notADriver.getMessage().contains("group.name=value"), notADriver.getMessage());
    }

    @Test
    void driversShowTheScenariosValuesAndRemovingOverridesGivesTheBaseline() {
        Forecasts.Request whatIf = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/high-growth"), "trade.exportTrend=-0.02");
        var values = Forecasts.drivers(SERVICE.load(whatIf));
        assertEquals(io.plansim.scenario.Driver.values().length, values.size());
        var export = values.stream().filter(d -> d.driver().path().equals("trade.exportTrend")).findFirst().orElseThrow();
        assertEquals(-0.02, export.firstYear(), 0.0);
        assertTrue(!export.varies());
        var tfp = values.stream().filter(d -> d.driver().path().equals("production.tfpGrowth")).findFirst().orElseThrow();
        assertEquals(0.018, tfp.firstYear(), 1e-12, "high-growth.yaml: tfpGrowth anchors 2021: 0.018");
        assertTrue(tfp.varies());
        var base = Forecasts.drivers(SERVICE.load(whatIf.withoutOverrides())).stream()
                .filter(d -> d.driver().path().equals("trade.exportTrend")).findFirst().orElseThrow();
        assertEquals(0.04, base.firstYear(), 0.0, "high-growth.yaml: exportTrend: 0.04");
    }

    /** Every variable's 2025 median and mean, and every target's probability. */
    private static double[] fingerprint(Forecasts.Simulation s) {
        List<Double> out = new ArrayList<>();
        int t = 2025 - s.mc().years()[0];
        for (int v = 0; v < s.mc().variables().size(); v++) {
            out.add(s.mc().quantile(v, t, 0.5));
            out.add(s.mc().mean(v, t));
        }
        s.verdicts().forEach(v -> out.add(v.probability()));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A history file rewritten while the service runs is read again (the service caches what it parses). */
    @Test
    void aRewrittenHistoryFileIsReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path history = dir.resolve("h.csv");
        String header = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n";
        java.nio.file.Files.writeString(history, header + "Yiwu,2019,exports,2000,亿元,nominal,used,,,,made-up figure for a test\n");
        java.nio.file.Path scenario = dir.resolve("s.yaml");
        java.nio.file.Files.writeString(scenario, "name: s\nextends: yiwu/baseline\nhistory: h.csv\n");
        Forecasts service = Forecasts.onClasspath();
        var first = service.load(Forecasts.Request.of(new ScenarioSource.File(scenario)));
        assertEquals(2000, service.history(first).value("exports", 2019).orElseThrow(), 0);
        java.nio.file.Files.writeString(history, header + "Yiwu,2019,exports,2500.5,亿元,nominal,used,,,,made-up figure for a test\n");
        java.nio.file.Files.setLastModifiedTime(history, java.nio.file.attribute.FileTime.fromMillis(
                java.nio.file.Files.getLastModifiedTime(history).toMillis() + 2000));
        var again = service.load(Forecasts.Request.of(new ScenarioSource.File(scenario)));
        assertEquals(2500.5, service.history(again).value("exports", 2019).orElseThrow(), 0);
    }

    /**
     * A targets catalog and a history are parsed and checked against a scenario once: a what-if of the same scenario
     * (another request, other overrides) checks neither again; a rewritten file (its size and time of last change, the
     * key of the parsed files) is read and checked again, and what it says now is what the forecast judges.
     */
    @Test
    void aCheckedCatalogAndHistoryAreKeptUntilTheirFileChanges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path targets = dir.resolve("t.yaml");
        String catalog = """
                targets:
                - {id: my.gdp.2030, plan: my, metric: gdp_nominal, name: GDP, year: 2030, kind: level, comparator: '>=',
                   value: %s, unit: 亿元, basis: nominal, source: {file: 001_1c230cbe6f0712d9.txt, line: 31, quote: "到2025年，全市GDP达2000亿元"}}
                """;
        java.nio.file.Files.writeString(targets, catalog.formatted("3000"));
        java.nio.file.Path history = dir.resolve("h.csv");
        java.nio.file.Files.writeString(history, "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n"
                + "Yiwu,2019,exports,2000,亿元,nominal,used,,,,made-up figure for a test\n");
        java.nio.file.Path scenario = dir.resolve("s.yaml");
        java.nio.file.Files.writeString(scenario, "name: s\nextends: yiwu/baseline\ntargets: t.yaml\nhistory: h.csv\n");
        Forecasts service = Forecasts.onClasspath();
        Forecasts.Request file = Forecasts.Request.of(new ScenarioSource.File(scenario));
        assertEquals(3000, service.central(file).verdicts().get(0).target().value(), 0);
        Forecasts.InputWork first = service.inputWork();
        assertEquals(new Forecasts.InputWork(2, 2), first, "the catalog and the history, each parsed and checked once");
        service.central(file);
        service.prepare(Forecasts.Request.of(new ScenarioSource.File(scenario), "trade.exportTrend=0.02"));
        service.actuals(service.load(file), io.plansim.target.History.empty());
        assertEquals(first, service.inputWork(), "a second request and a what-if check nothing again");

        java.nio.file.Files.writeString(targets, catalog.formatted("3500"));
        java.nio.file.Files.setLastModifiedTime(targets, java.nio.file.attribute.FileTime.fromMillis(
                java.nio.file.Files.getLastModifiedTime(targets).toMillis() + 2000));
        assertEquals(3500, service.central(file).verdicts().get(0).target().value(), 0, "the rewritten catalog is judged");
        assertEquals(new Forecasts.InputWork(3, 3), service.inputWork(), "the rewritten catalog alone is read and checked again");
        service.central(file);
        assertEquals(new Forecasts.InputWork(3, 3), service.inputWork());
    }

    /** A what-if on the exchange rate leaves the base year's dollar exports as recorded, in the page and in its download. */
    @Test
    void anExchangeRateWhatIfAndItsDownloadKeepTheRecordedBaseYear() {
        Forecasts.Request whatIf = Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"), "prices.cnyPerUsd=7.5");
        var recorded = SERVICE.central(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline"))).central();
        var moved = SERVICE.central(whatIf).central();
        var downloaded = SERVICE.central(Forecasts.Request.of(ScenarioSource.text("download.yaml", SERVICE.scenarioText(whatIf)))).central();
        assertEquals(recorded.value("exports_usd", 2020), moved.value("exports_usd", 2020));
        assertEquals(moved.value("exports_usd", 2020), downloaded.value("exports_usd", 2020));
        assertEquals(moved.value("exports_usd", 2030), downloaded.value("exports_usd", 2030));
        assertTrue(moved.value("exports_usd", 2030) < recorded.value("exports_usd", 2030), "7.5 yuan a dollar after 2020");
    }
}
