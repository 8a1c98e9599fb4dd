package io.plansim.target;

import io.plansim.scenario.Source;

/**
 * One actual figure: region, year, metric (a variable id), value with unit and basis, whether the
 * baseline uses it ({@code used}) or keeps it as an {@code alternative} or a statistical {@code break}, and
 * the part of the year it covers ({@code period}: null for the whole year, else e.g. {@code H1},
 * {@code Q1-Q3}, {@code Jan-Nov}; a partial-year figure is nowcast to the full year, never read as one), and
 * the statistical break it stands after ({@code breakReason}: null when none; e.g. "2023 economic census"):
 * a row that declares a break is on a revised basis, and so is every later row of its metric, and a row of the
 * year before with the same reason is that year's figure on the revised basis (docs/MODEL.md, "Nowcast").
 * {@code file} and {@code line} say where the row was read (file null for a row made in code), so a check
 * against the scenario it is attached to can name them.
 */
public record HistoryRecord(String region, int year, String metric, double value, String unit, String basis,
                            String status, Source source, int line, String period, String breakReason, String file) {

    public HistoryRecord(String region, int year, String metric, double value, String unit, String basis,
                         String status, Source source, int line, String period, String breakReason) {
        this(region, year, metric, value, unit, basis, status, source, line, period, breakReason, null);
    }

    public HistoryRecord(String region, int year, String metric, double value, String unit, String basis,
                         String status, Source source, int line) {
        this(region, year, metric, value, unit, basis, status, source, line, null, null, null);
    }

    public HistoryRecord(String region, int year, String metric, double value, String unit, String basis,
                         String status, Source source, int line, String period) {
        this(region, year, metric, value, unit, basis, status, source, line, period, null, null);
    }

    /** A full-year figure the baseline uses. */
    public boolean used() {
        return "used".equals(status) && period == null;
    }

    /** A used figure covering part of its year only. */
    public boolean partial() {
        return "used".equals(status) && period != null;
    }
}
