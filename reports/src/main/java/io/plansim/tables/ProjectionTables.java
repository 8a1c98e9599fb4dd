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

    /**
     * The terminal table of a projection ({@code run}): per variable (every one, or {@code ids} in that order) its id,
     * Chinese name, unit with price basis and a value per year; headers and words in Chinese with {@code zh}.
     */
    public static String text(Projection p, List<String> ids, boolean zh) {
        String[] years = new String[p.years().length];
        for (int y = 0; y < years.length; y++) {
            years[y] = String.valueOf(p.years()[y]);
        }
        TextTable t = textTable(zh, years);
        List<Integer> rows = ids.isEmpty() ? java.util.stream.IntStream.range(0, p.variables().size()).boxed().toList()
                : ids.stream().map(p::indexOf).filter(i -> i >= 0).toList();
        for (int r : rows) {
            String[] cells = new String[years.length];
            for (int y = 0; y < years.length; y++) {
                cells[y] = Format.num(p.values()[r][y]);
            }
            textRow(t, p.variables().get(r), zh, cells);
        }
        return t.render();
    }

    /** A terminal table of variables: variable, 指标 and unit, then {@code figures} right-aligned, header row added. */
    static TextTable textTable(boolean zh, String... figures) {
        boolean[] right = new boolean[3 + figures.length];
        java.util.Arrays.fill(right, 3, right.length, true);
        TextTable t = new TextTable(right);
        Dictionary d = Dictionary.get();
        String[] header = new String[3 + figures.length];
        header[0] = d.word("text.col.variable", zh);
        header[1] = d.word("text.col.metric", zh);
        header[2] = d.word("unit", zh);
        System.arraycopy(figures, 0, header, 3, figures.length);
        return t.row(header);
    }

    /** A row of {@link #textTable}: the variable's id, Chinese name and unit with its price basis, then the figures. */
    static void textRow(TextTable t, VariableInfo v, boolean zh, String... figures) {
        String[] row = new String[3 + figures.length];
        row[0] = v.id();
        row[1] = v.nameZh();
        row[2] = v.basis() == io.plansim.model.Basis.NONE ? v.unit() : v.unit() + " " + Dictionary.get().cell("basis", v.basis().id(), zh);
        System.arraycopy(figures, 0, row, 3, figures.length);
        t.row(row);
    }
}
