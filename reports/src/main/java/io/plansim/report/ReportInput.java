package io.plansim.report;

import java.util.List;

/**
 * Everything a report is made of: the scenario runs and how they were made, so that the report says how to
 * reproduce it.
 *
 * @param runs    one entry per scenario, in the order given
 * @param paths   Monte Carlo paths per scenario
 * @param seed    the seed
 * @param version plansim version that made the report
 * @param command the exact command line that reproduces the report
 * @param created when the report was made (ISO-8601 local time, for the page only)
 * @param labels  language and fonts
 */
public record ReportInput(List<ScenarioRun> runs, long paths, long seed, String version, String command, String created,
                          Labels labels) {
    public ReportInput {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one scenario");
        }
    }
}
