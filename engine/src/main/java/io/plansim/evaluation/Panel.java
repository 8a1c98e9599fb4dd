package io.plansim.evaluation;

import io.plansim.scenario.InputException;
import io.plansim.scenario.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A panel of economies observed year by year: a CSV with the header {@code countrycode,country,year,<series>...}
 * (the Penn World Table extract, scenarios/reference/pwt/pwt91.csv), one row per economy and year, an empty
 * field where a value is missing. Each economy's years are contiguous from its first row.
 */
public final class Panel {
    private final List<String> series;
    private final List<Economy> economies;

    private Panel(List<String> series, List<Economy> economies) {
        this.series = List.copyOf(series);
        this.economies = List.copyOf(economies);
    }

    /** One economy: its code, name and, per series, values from {@code firstYear} on (NaN where missing). */
    public record Economy(String code, String name, int firstYear, Map<String, double[]> values) {
        public Economy {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value of a series in a year, NaN when missing or outside the economy's years. */
        public double value(String series, int year) {
            double[] v = values.get(series);
            if (v == null) {
                throw new IllegalArgumentException("no series '" + series + "'; the panel has " + values.keySet());
            }
            int i = year - firstYear;
            return i >= 0 && i < v.length ? v[i] : Double.NaN;
        }

        /** Whether every listed series has a positive value in every year from {@code from} to {@code to}. */
        public boolean complete(List<String> series, int from, int to) {
            for (String s : series) {
                for (int y = from; y <= to; y++) {
                    double x = value(s, y);
                    if (!(x > 0)) {
                        return false;
                    }
                }
            }
            return true;
        }

        public int lastYear() {
            return firstYear + values.values().iterator().next().length - 1;
        }
    }

    /** Classpath name of the Penn World Table 9.1 extract (module scenarios, scenarios/reference/pwt/). */
    public static final String PWT_RESOURCE = "scenarios/reference/pwt/pwt91.csv";

    /** The Penn World Table 9.1 extract from the classpath. */
    public static Panel pwt() {
        try (java.io.InputStream in = Panel.class.getClassLoader().getResourceAsStream(PWT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Penn World Table extract " + PWT_RESOURCE + " is not on the classpath");
            }
            return parse(PWT_RESOURCE, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A panel built in memory (synthetic panels in tests). */
    public static Panel of(List<String> series, List<Economy> economies) {
        return new Panel(series, economies);
    }

    public List<String> series() {
        return series;
    }

    public List<Economy> economies() {
        return economies;
    }

    /** The economies the predicate keeps, in the same order. */
    public Panel filter(Predicate<Economy> keep) {
        return new Panel(series, economies.stream().filter(keep).toList());
    }

    /**
     * Parses the CSV. Bad input (a missing column, a number that is not one, a year out of order) is an
     * {@link InputException} naming the file, line and field.
     */
    public static Panel parse(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\n", -1);
        List<String> header = fields(lines[0].strip());
        if (header.size() < 4 || !header.subList(0, 3).equals(List.of("countrycode", "country", "year"))) {
            throw InputException.of(new SourceLocation(file, 1, 0), "header", String.join(",", header),
                    "countrycode,country,year followed by one column per series");
        }
        List<String> series = header.subList(3, header.size());
        List<Economy> out = new ArrayList<>();
        String code = null;
        String name = null;
        int first = 0;
        int expect = 0;
        List<double[]> rows = new ArrayList<>();
        for (int ln = 1; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty()) {
                continue;
            }
            SourceLocation at = new SourceLocation(file, ln + 1, 0);
            List<String> f = fields(line);
            if (f.size() != header.size()) {
                throw InputException.of(at, "row", f.size() + " fields", header.size() + " fields as in the header");
            }
            int year = (int) number(at, "year", f.get(2));
            if (!f.get(0).equals(code)) {
                if (code != null) {
                    out.add(economy(code, name, first, series, rows));
                }
                code = f.get(0);
                name = f.get(1);
                first = year;
                expect = year;
                rows = new ArrayList<>();
            }
            if (year != expect) {
                throw InputException.of(at, "year", String.valueOf(year), "the year after the economy's previous row, " + expect);
            }
            expect++;
            double[] v = new double[series.size()];
            for (int s = 0; s < v.length; s++) {
                String cell = f.get(3 + s);
                v[s] = cell.isEmpty() ? Double.NaN : number(at, series.get(s), cell);
            }
            rows.add(v);
        }
        if (code != null) {
            out.add(economy(code, name, first, series, rows));
        }
        return new Panel(series, out);
    }

    private static Economy economy(String code, String name, int first, List<String> series, List<double[]> rows) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int s = 0; s < series.size(); s++) {
            double[] v = new double[rows.size()];
            for (int t = 0; t < v.length; t++) {
                v[t] = rows.get(t)[s];
            }
            values.put(series.get(s), v);
        }
        return new Economy(code, name, first, values);
    }

    /** A finite number, or an input error naming the file, line and field. */
    static double number(SourceLocation at, String field, String cell) {
        try {
            double x = Double.parseDouble(cell);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputException.of(at, field, "'" + cell + "'", "a finite number or an empty field");
    }

    /** Splits a CSV line; fields may be quoted with "" for a quote inside. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
