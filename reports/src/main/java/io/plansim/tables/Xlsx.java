package io.plansim.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Excel workbooks (.xlsx, Apache POI): one sheet per result table, the header row bold and frozen, numbers as
 * numbers with a number format (probabilities as percentages, years as plain integers, other figures with
 * thousands separators and up to four decimals), missing numbers as empty cells. The same tables as the CSV
 * and JSON writers ({@link Tables}); headers and sheet names are translated by the caller's dictionary.
 */
public final class Xlsx {
    /** Columns holding a probability or a share of paths: shown as a percentage (the cell keeps the fraction). */
    static final Set<String> PROBABILITY_COLUMNS = Set.of("probability", "ci_low", "ci_high", "standard_error", "q",
            "probability_change", "baseline_probability");

    /** One sheet: its name (at most 31 characters in Excel; longer names are cut) and its table. */
    public record Sheet(String name, Table table) {
        public Sheet {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a sheet needs a name, got '" + name + "'");
            }
        }

        public static Sheet of(String name, Table table) {
            return new Sheet(name, table);
        }
    }

    static {
        // POI logs through the Log4j API, and without a Log4j back end the API prints "could not find a logging
        // provider" on first use: then take the API's own simple logger, switched off. Where a back end is on the
        // class path (Spark's log4j-core) nothing is changed. (A log4j2.component.properties did this for every
        // program on the class path, and broke Spark's logging.)
        if (System.getProperty("log4j2.provider") == null && !onClassPath("org.apache.logging.log4j.core.LoggerContext")) {
            System.setProperty("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
            System.setProperty("log4j2.simplelogLevel", "OFF");
        }
    }

    private Xlsx() {
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, Xlsx.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The workbook's bytes; {@code header} translates column names and {@code cell} a text cell given its column's
     * code name (identities for English).
     */
    public static byte[] write(List<Sheet> sheets, UnaryOperator<String> header, java.util.function.BinaryOperator<String> cell) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle figure = style(wb, "#,##0.0###");
            CellStyle percent = style(wb, "0.0%");
            CellStyle integer = style(wb, "0");
            Set<String> used = new HashSet<>();
            for (Sheet s : sheets) {
                fill(wb.createSheet(uniqueName(s.name(), used)), s.table(), header, cell, head, figure, percent, integer);
            }
            wb.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory", e);
        }
    }

    private static CellStyle style(XSSFWorkbook wb, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }

    private static void fill(org.apache.poi.ss.usermodel.Sheet sheet, Table t, UnaryOperator<String> header,
                             java.util.function.BinaryOperator<String> translate, CellStyle head, CellStyle figure,
                               CellStyle percent, CellStyle integer) {
        Row h = sheet.createRow(0);
        int[] width = new int[t.columnCount()];
        for (int c = 0; c < t.columnCount(); c++) {
            String name = header.apply(t.column(c).name());
            Cell cell = h.createCell(c);
            cell.setCellValue(name);
            cell.setCellStyle(head);
            width[c] = TextTable.displayWidth(name);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < t.columnCount(); c++) {
                Column<?> col = t.column(c);
                if (col.isMissing(r)) {
                    continue;
                }
                Cell cell = row.createCell(c);
                Object v = col.get(r);
                if (col.type() == ColumnType.DOUBLE || col.type() == ColumnType.FLOAT) {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(PROBABILITY_COLUMNS.contains(col.name()) ? percent : figure);
                    width[c] = Math.max(width[c], Format.num(((Number) v).doubleValue()).length() + 2);
                } else if (Tables.numeric(col)) {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(integer);
                    width[c] = Math.max(width[c], String.valueOf(v).length());
                } else if (col.type() == ColumnType.BOOLEAN) {
                    cell.setCellValue((Boolean) v);
                } else {
                    String text = translate.apply(col.name(), String.valueOf(v));
                    cell.setCellValue(text);
                    width[c] = Math.max(width[c], TextTable.displayWidth(text));
                }
            }
        }
        for (int c = 0; c < width.length; c++) {
            // POI's autoSizeColumn measures with AWT fonts (slow, and wrong without a CJK font): estimate from the text
            sheet.setColumnWidth(c, Math.min(60, Math.max(6, width[c] + 1)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ , unique within the workbook regardless of case. */
    static String uniqueName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted, '-');
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(java.util.Locale.ROOT));
        return name;
    }
}
