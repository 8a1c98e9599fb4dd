package io.plansim.tables;

import io.plansim.analysis.Sensitivity;
import io.plansim.analysis.SobolIndices;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tornado bars in one field layout for every output ({@code sensitivity} in every format, the report's CSV and
 * summary.json, the what-if page, workbooks): parameter, its 10th and 90th percentile, the output at each, the swing.
 */
public final class SensitivityTables {
    private SensitivityTables() {
    }

    public static Table tornado(String output, List<Sensitivity.Bar> bars) {
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn lowInput = DoubleColumn.create("p10_input");
        DoubleColumn highInput = DoubleColumn.create("p90_input");
        DoubleColumn atLow = DoubleColumn.create("output_at_p10");
        DoubleColumn atHigh = DoubleColumn.create("output_at_p90");
        DoubleColumn swing = DoubleColumn.create("swing");
        for (Sensitivity.Bar b : bars) {
            parameter.append(b.parameter());
            lowInput.append(b.lowInput());
            highInput.append(b.highInput());
            atLow.append(b.atLow());
            atHigh.append(b.atHigh());
            swing.append(b.swing());
        }
        return Table.create(output, parameter, lowInput, highInput, atLow, atHigh, swing);
    }

    /** Sobol indices with their bootstrap 95% intervals, one row per parameter (the names sensitivity's JSON has always used). */
    public static Table sobol(String output, List<String> parameters, List<String> distributions, SobolIndices.Result r) {
        StringColumn parameter = StringColumn.create("parameter", parameters);
        StringColumn distribution = StringColumn.create("distribution", distributions);
        return Table.create(output, parameter, distribution, DoubleColumn.create("first", r.first()),
                DoubleColumn.create("firstLow", r.firstLow()), DoubleColumn.create("firstHigh", r.firstHigh()),
                DoubleColumn.create("total", r.total()), DoubleColumn.create("totalLow", r.totalLow()),
                DoubleColumn.create("totalHigh", r.totalHigh()));
    }
}
