package io.plansim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything a report is made of: the scenario runs and how they were made, so that the report says how to
 * reproduce it.
 *
 * @param runs     one entry per scenario, in the order given; the first is the headline scenario of the first page
 * @param paths    Monte Carlo paths per scenario
 * @param seed     the seed
 * @param version  plansim version that made the report
 * @param command  the exact command line that reproduces the report
 * @param created  when the report was made (ISO-8601 local time, for the page only)
 * @param labels   language and fonts
 * @param title    the title given with --title, or null for {@link #title()}'s default
 * @param previous the summary.json of an earlier report to compare with (--compare-to), or null
 * @param previousDir where that earlier report is, as given (for the page), or null
 * @param csvBom   whether CSV tables start with a UTF-8 byte-order mark (for spreadsheets)
 * @param calibration the spread recalibration the runs' Monte Carlo used, null when raw
 */
public record ReportInput(List<ScenarioRun> runs, long paths, long seed, String version, String command, String created,
                          Labels labels, String givenTitle, JsonNode previous, String previousDir, boolean csvBom,
                          io.plansim.compile.SpreadCalibration calibration) {
    public ReportInput {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one scenario");
        }
    }

    public ReportInput(List<ScenarioRun> runs, long paths, long seed, String version, String command, String created, Labels labels) {
        this(runs, paths, seed, version, command, created, labels, null, null, null, true, null);
    }

    /**
     * The report's title, the one place it is made: the title given, else "plansim 规划目标评估报告：义乌市" or
     * "plansim report: Yiwu". Page heading, running print header and PDF all use it.
     */
    public String title() {
        if (givenTitle != null && !givenTitle.isBlank()) {
            return givenTitle.strip();
        }
        return labels.word("title") + labels.word("colon") + regions();
    }

    /** The regions of the runs in the page's language ("义乌市", "Yiwu"), joined. */
    public String regions() {
        return String.join(labels.word("list"), runs.stream().map(r -> labels.region(r.scenario().region())).distinct().toList());
    }
}
