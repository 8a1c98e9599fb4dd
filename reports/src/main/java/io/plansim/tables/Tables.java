package io.plansim.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one writer per format for a result table held as a Tablesaw table: CSV and JSON rows. The column names
 * are the field names in every format (a table's CSV header and its JSON keys are the same words); {@link Xlsx}
 * writes the same tables into a workbook. Terminal tables stay with their commands (TextTable), whose layouts
 * carry more than one table's cells (headers, basis lines, bands).
 */
public final class Tables {
    private Tables() {
    }

    /** RFC 4180 CSV with a header line (Tablesaw's writer: quotes cells with commas, quotes or line breaks). */
    public static String csv(Table t) {
        return t.write().toString("csv");
    }

    /** The same CSV in English or, with {@code zh}, with Chinese column names and words ({@link #inLanguage}). */
    public static String csv(Table t, boolean zh) {
        return csv(inLanguage(t, zh));
    }

    /**
     * The table as a Chinese reader gets it ({@code zh}): column names by {@link Dictionary#columnZh}, the coded
     * words of a column (verdicts, a target's kind, price basis) by {@link Dictionary#cell}; numbers, ids and names
     * unchanged. The table itself in English.
     */
    public static Table inLanguage(Table t, boolean zh) {
        if (!zh) {
            return t;
        }
        Dictionary d = Dictionary.get();
        Table named = t.copy();
        for (Column<?> c : named.columns()) {
            if (c instanceof tech.tablesaw.api.StringColumn words) {
                for (int r = 0; r < words.size(); r++) {
                    words.set(r, d.cell(c.name(), words.get(r), true));
                }
            }
            c.setName(d.columnZh(c.name()));
        }
        return named;
    }

    /** One JSON object per row, keyed by column name; numbers as numbers, a missing number as null. */
    public static ArrayNode jsonRows(Table t) {
        ArrayNode rows = ProjectionJson.MAPPER.createArrayNode();
        for (int r = 0; r < t.rowCount(); r++) {
            ObjectNode o = rows.addObject();
            for (Column<?> c : t.columns()) {
                if (c.isMissing(r)) {
                    o.putNull(c.name());
                } else if (c.type() == ColumnType.DOUBLE) {
                    Format.json(o, c.name(), ((Number) c.get(r)).doubleValue());
                } else if (c.type() == ColumnType.INTEGER) {
                    o.put(c.name(), ((Number) c.get(r)).intValue());
                } else if (c.type() == ColumnType.LONG) {
                    o.put(c.name(), ((Number) c.get(r)).longValue());
                } else if (c.type() == ColumnType.BOOLEAN) {
                    o.put(c.name(), (Boolean) c.get(r));
                } else {
                    o.put(c.name(), String.valueOf(c.get(r)));
                }
            }
        }
        return rows;
    }

    /**
     * A CSV text this program wrote, read back as a typed table (numbers as numbers, empty cells missing), for a
     * workbook holding the same rows as the CSV file beside it.
     */
    public static Table readCsv(String name, String csv) {
        try {
            return Table.read().csv(tech.tablesaw.io.csv.CsvReadOptions.builderFromString(csv).tableName(name)
                    .missingValueIndicator("").sample(false).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("reading back the table " + name + ": " + e.getMessage(), e);
        }
    }

    static boolean numeric(Column<?> c) {
        return c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INTEGER || c.type() == ColumnType.LONG
                || c.type() == ColumnType.FLOAT || c.type() == ColumnType.SHORT;
    }
}
