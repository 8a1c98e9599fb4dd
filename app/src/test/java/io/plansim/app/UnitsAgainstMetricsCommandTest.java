package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tester's reports, each as reported: a history file, a targets file or a base value that did not fit the
 * scenario's metric (a unit, a basis, a region, a share in % written as a fraction, a misspelt metric, a negative
 * level, an empty file) ran with exit 0 and wrong numbers; now each is exit 2 with file, line and field.
 */
class UnitsAgainstMetricsCommandTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note,period\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void refused(RunCommandTest.Result r, String... fragments) {
        IntegrityTest.refused(r, fragments); // exit 2, "error: ", no stack trace, every fragment
    }

    private RunCommandTest.Result withHistory(String name, String rows) throws Exception {
        Path h = file(name, rows);
        return RunCommandTest.plansim("targets", "yiwu/baseline", "--history", h.toString(), "--paths", "200", "--threads", "1", "--quiet");
    }

    @Test
    void aHistoryRowThatDoesNotFitItsMetricIsRefused() throws Exception {
        refused(withHistory("h12.csv", HEADER + "Yiwu,2021,urbanization_rate,0.81,%,none,used,,,,x,\n"),
                "h12.csv:2:1: value: found 0.81; shares are in percent: write 81 for 0.81");
        refused(withHistory("unit.csv", HEADER + "Yiwu,2021,gdp_nominal,1700,万元,nominal,used,,,,x,\n"),
                "unit.csv:2:1: unit: found '万元'; the unit of gdp_nominal, 亿元");
        refused(withHistory("region.csv", HEADER + "Jinhua,2021,gdp_nominal,1700,亿元,nominal,used,,,,x,\n"),
                "region.csv:2:1: region: found 'Jinhua'", "Yiwu 义乌市");
        refused(withHistory("metric.csv", HEADER + "Yiwu,2021,gdp_nominl,1700,亿元,nominal,used,,,,x,\n"),
                "metric.csv:2:1: metric: found 'gdp_nominl'", "did you mean 'gdp_nominal'?");
        refused(withHistory("basis.csv", HEADER + "Yiwu,2021,gdp_nominal,1700,亿元,real,used,,,,x,\n"),
                "basis.csv:2:1: basis: found 'real'; the basis of gdp_nominal, nominal");
        refused(withHistory("h13.csv", HEADER + "Yiwu,2021,gdp_nominal,-1700,亿元,nominal,used,,,,x,\n"),
                "h13.csv:2:1: value: found -1700; a non-negative level");
        refused(withHistory("empty.csv", ""), "empty.csv:1:1: header: found an empty file (no header line)");
    }

    /** A catalog per case: the in-process service keeps a catalog it has read by its file name. */
    private RunCommandTest.Result withTargets(String name, String metric, String value, String unit) throws Exception {
        file(name + ".yaml", """
                targets:
                - id: my.t
                  plan: my
                  metric: %s
                  name: GDP
                  year: 2030
                  kind: level
                  comparator: '>='
                  value: %s
                  unit: "%s"
                  basis: nominal
                  source: {file: 001_1c230cbe6f0712d9.txt, line: 31, quote: "到2025年，全市GDP达2000亿元"}
                """.formatted(metric, value, unit));
        Path sc = file("sc-" + name + ".yaml", "name: s\nextends: yiwu/baseline\ntargets: " + name + ".yaml\n");
        return RunCommandTest.plansim("targets", sc.toString(), "--central-only");
    }

    @Test
    void aTargetThatDoesNotFitItsMetricIsRefused() throws Exception {
        refused(withTargets("tg3", "gdp_nominal", "3000", "万元"), "tg3.yaml:10:3: targets[0].unit: found '万元'; the unit of gdp_nominal, 亿元");
        refused(withTargets("tg4", "urbanization_rate", "0.83", "%"), "tg4.yaml:9:3: targets[0].value: found 0.83; shares are in percent: write 83 for 0.83");
        refused(withTargets("tg5", "gdp_nominl", "3000", "亿元"), "tg5.yaml:4:3: targets[0].metric: found 'gdp_nominl'", "did you mean 'gdp_nominal'?");
        assertEquals(0, withTargets("tg6", "gdp_nominal", "3000", "亿元").code(), "the same target in its metric's unit is judged");
    }

    @Test
    void aBaseShareWrittenAsAFractionIsRefused() throws Exception {
        Path pct2 = file("pct2.yaml", "name: pct2\nextends: yiwu/baseline\nbase: {urbanizationRate: {value: 0.7967, unit: \"%\", source: {note: x}}}\n");
        refused(RunCommandTest.plansim("run", pct2.toString()),
                "pct2.yaml:3:", "base.urbanizationRate.value: found 0.7967; shares are in percent: write 79.67 for 0.7967");
    }
}
