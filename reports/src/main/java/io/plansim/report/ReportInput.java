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
 * @param settings what the numbers depend on besides the scenarios, by name (paths, seed, sampler, calibration, set,
 *                 history, asOf, plansim), as summary.json records them: a later report's --compare-to says which differ
 */
public record ReportInput(List<ScenarioRun> runs, long paths, long seed, String version, String command, String created,
                          Labels labels, String givenTitle, JsonNode previous, String previousDir, boolean csvBom,
                          io.plansim.compile.SpreadCalibration calibration, java.util.Map<String, String> settings) {
    public ReportInput {
        runs = List.copyOf(runs);
        settings = settings == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one scenario");
        }
    }

    public ReportInput(List<ScenarioRun> runs, long paths, long seed, String version, String command, String created, Labels labels) {
        this(runs, paths, seed, version, command, created, labels, null, null, null, true, null, null);
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

    /**
     * The settings of this report that the previous one (--compare-to, its summary.json) had otherwise, as "name before -> now".
     * A summary.json from before settings were recorded has only its paths, seed and plansim version to compare.
     */
    public List<String> settingsThatDiffer() {
        if (previous == null) {
            return List.of();
        }
        JsonNode prev = previous;
        JsonNode before = prev.path("settings");
        if (!before.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode old = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            for (String[] k : new String[][] {{"paths", "paths"}, {"seed", "seed"}, {"plansim", "plansimVersion"}}) {
                if (prev.hasNonNull(k[1])) {
                    old.put(k[0], prev.get(k[1]).asText());
                }
            }
            before = old;
        }
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, String> e : settings.entrySet()) {
            JsonNode b = before.get(e.getKey());
            if (b != null && !b.asText().equals(e.getValue())) {
                out.add(e.getKey() + " " + shown(b.asText()) + " \u2192 " + shown(e.getValue()));
            }
        }
        return out;
    }

    private static String shown(String value) {
        // "none" in any language; a file's hash cut to what tells two files apart on a page
        return value.isEmpty() ? "\u2013" : value.replaceAll("(sha256:[0-9a-f]{12})[0-9a-f]{52}", "$1\u2026");
    }
}
