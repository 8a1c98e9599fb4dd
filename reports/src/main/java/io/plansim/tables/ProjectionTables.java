package io.plansim.tables;

import io.plansim.model.VariableInfo;
import io.plansim.runner.Projection;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Projections as Tablesaw tables: one row per variable, one column per year. */
public final class ProjectionTables {
    private ProjectionTables() {
    }

    /** Every variable of the projection (or only {@code ids}, in that order, when not empty). */
    public static Table wide(Projection p, List<String> ids) {
        List<Integer> rows = ids.isEmpty()
                ? java.util.stream.IntStream.range(0, p.variables().size()).boxed().toList()
                : ids.stream().map(p::indexOf).filter(i -> i >= 0).toList();
        StringColumn id = StringColumn.create("variable");
        StringColumn name = StringColumn.create("name");
        StringColumn nameZh = StringColumn.create("name_zh");
        StringColumn unit = StringColumn.create("unit");
        StringColumn basis = StringColumn.create("basis");
        Table t = Table.create(p.scenario(), id, name, nameZh, unit, basis);
        DoubleColumn[] years = new DoubleColumn[p.years().length];
        for (int y = 0; y < years.length; y++) {
            years[y] = DoubleColumn.create(String.valueOf(p.years()[y]));
            t.addColumns(years[y]);
        }
        for (int r : rows) {
            VariableInfo v = p.variables().get(r);
            id.append(v.id());
            name.append(v.name());
            nameZh.append(v.nameZh());
            unit.append(v.unit());
            basis.append(v.basis().id());
            for (int y = 0; y < years.length; y++) {
                double value = p.values()[r][y];
                if (Double.isNaN(value)) {
                    years[y].appendMissing();
                } else {
                    years[y].append(value);
                }
            }
        }
        return t;
    }
}
