package io.plansim.target;

import io.plansim.scenario.Source;

/**
 * One actual figure: region, year, metric (a variable id), value with unit and basis, whether the
 * baseline uses it ({@code used}) or keeps it as an {@code alternative} or a statistical {@code break}.
 */
public record HistoryRecord(String region, int year, String metric, double value, String unit, String basis,
                            String status, Source source, int line) {
    public boolean used() {
        return "used".equals(status);
    }
}
