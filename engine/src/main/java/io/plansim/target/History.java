package io.plansim.target;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.plansim.scenario.InputException;
import io.plansim.scenario.InputProblem;
import io.plansim.scenario.Percent;
import io.plansim.scenario.Suggestions;
import io.plansim.model.Variable;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.Source;
import io.plansim.scenario.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The actual figures of a region (history.csv): header
 * {@code region,year,metric,value,unit,basis,status,source_file,source_line,quote,note}, and optionally
 * {@code period} (empty for a full year; {@code H1}, {@code Q1-Q3}, {@code Jan-Nov}, ... for part of one) and
 * {@code break} (empty, or the reason of a statistical break the row stands after: a census revision).
 */
public final class History {
    static final List<String> COLUMNS = List.of("region", "year", "metric", "value", "unit", "basis", "status",
            "source_file", "source_line", "quote", "note");
    private static final Set<String> STATUSES = Set.of("used", "alternative", "break");
    /** Part-of-year periods a row may cover: halves, quarter spans, month spans (Jan-Nov). */
    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile(
            "^(H[12]|Q[1-4](-Q[1-4])?|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))?)$");

    private final List<HistoryRecord> records;
    /** The used figure per metric and year, looked up on every judged path. */
    private final Map<String, HistoryRecord> used;

    public History(List<HistoryRecord> records) {
        this.records = List.copyOf(records);
        Map<String, HistoryRecord> m = new java.util.HashMap<>();
        for (HistoryRecord r : this.records) {
            if (r.used()) {
                m.putIfAbsent(key(r.metric(), r.year()), r);
            }
        }
        this.used = m;
    }

    private static String key(String metric, int year) {
        return metric + "@" + year;
    }

    public static History empty() {
        return new History(List.of());
    }

    public List<HistoryRecord> records() {
        return records;
    }

    /** The figure the baseline uses for a metric and year. */
    public Optional<HistoryRecord> actual(String metric, int year) {
        return Optional.ofNullable(used.get(key(metric, year)));
    }

    /**
     * The actual of a metric in a year as it can continue a projected path of {@code pathBasis} back before the
     * path's base year: a current-price figure cannot stand behind a path at constant prices (Jinhua's 2010
     * per-capita GDP of 45,361元 in 2010 prices, set against 2020's in 2015 prices, made a doubling of +100.9% out of
     * one of about +86.5%), so it is empty there and a target that needs it is not evaluable, as one on real GDP
     * against 2010 is.
     */
    public OptionalDouble valueBehind(String metric, int year, io.plansim.model.Basis pathBasis) {
        Optional<HistoryRecord> r = actual(metric, year);
        if (r.isPresent() && pathBasis == io.plansim.model.Basis.REAL && io.plansim.model.Basis.NOMINAL.id().equals(r.get().basis())) {
            return OptionalDouble.empty();
        }
        return known(metric, year);
    }

    public OptionalDouble value(String metric, int year) {
        return actual(metric, year).map(r -> OptionalDouble.of(r.value())).orElse(OptionalDouble.empty());
    }

    /**
     * The metric a history records the total of {@code metric} over {@code from}..{@code to} under:
     * {@code fixed_asset_investment_cum_2011_2015} (Jinhua's 6785亿元, 003:3).
     */
    public static String totalMetric(String metric, int from, int to) {
        return metric + "_cum_" + from + "_" + to;
    }

    /** The recorded total of a metric over {@code from}..{@code to} (a row of {@link #totalMetric} in year {@code to}), if any. */
    public OptionalDouble recordedTotal(String metric, int from, int to) {
        return value(totalMetric(metric, from, to), to);
    }

    /** The dollar flows, largest first, each with its 亿元 figure: the identity *_usd = * / cny_per_usd (docs/MODEL.md). */
    private static final List<Variable> DOLLAR_FLOWS = List.of(Variable.GOODS_TRADE_USD, Variable.EXPORTS_USD, Variable.IMPORTS_USD);

    /** The 亿元 figure of a dollar flow (goods_trade for goods_trade_usd), null for any other metric. */
    private static Variable inYuan(Variable dollars) {
        return switch (dollars) {
            case GOODS_TRADE_USD -> Variable.GOODS_TRADE;
            case EXPORTS_USD -> Variable.EXPORTS;
            case IMPORTS_USD -> Variable.IMPORTS;
            default -> null;
        };
    }

    /** A recorded 亿元 flow: goods trade as recorded, or as its recorded exports plus imports (the model's identity). */
    private OptionalDouble yuan(Variable flow, int year) {
        OptionalDouble v = value(flow.id(), year);
        if (v.isPresent() || flow != Variable.GOODS_TRADE) {
            return v;
        }
        OptionalDouble x = value(Variable.EXPORTS.id(), year);
        OptionalDouble m = value(Variable.IMPORTS.id(), year);
        return x.isPresent() && m.isPresent() ? OptionalDouble.of(x.getAsDouble() + m.getAsDouble()) : OptionalDouble.empty();
    }

    /** A recorded dollar flow with its recorded 亿元 figure in one year: the exchange rate they imply. */
    private record DollarPair(Variable flow, double yuan, double dollars) {
        double rate() {
            return yuan / dollars;
        }
    }

    /** The first dollar flow of a year recorded with its 亿元 figure (goods trade, then exports, then imports), null when none. */
    private DollarPair dollarPair(int year) {
        for (Variable usd : DOLLAR_FLOWS) {
            OptionalDouble dollars = value(usd.id(), year);
            OptionalDouble yuan = yuan(inYuan(usd), year);
            if (dollars.isPresent() && yuan.isPresent() && dollars.getAsDouble() > 0 && yuan.getAsDouble() > 0) {
                return new DollarPair(inYuan(usd), yuan.getAsDouble(), dollars.getAsDouble());
            }
        }
        return null;
    }

    /**
     * The exchange rate of a year in 元/美元 as the history knows it: the rate a recorded dollar flow and its recorded
     * 亿元 figure imply (goods trade first, then exports, then imports), so that a path through it shows both as
     * recorded (Jinhua 2015: 3044亿元 and 490亿美元, 6.2122); else a recorded cny_per_usd row (Yiwu 2020: 6.8974).
     * Empty when the year has neither.
     */
    public OptionalDouble exchangeRate(int year) {
        DollarPair pair = dollarPair(year);
        return pair != null ? OptionalDouble.of(pair.rate()) : value(Variable.CNY_PER_USD.id(), year);
    }

    /**
     * Where {@link #exchangeRate} of a year comes from when a dollar flow and its 亿元 figure imply it
     * ("goods_trade 3044亿元 / goods_trade_usd 490亿美元"); null when it is a recorded cny_per_usd row or unknown.
     */
    public String impliedExchangeRate(int year) {
        DollarPair pair = dollarPair(year);
        return pair == null ? null : pair.flow().id() + " " + Percent.plain(pair.yuan()) + "亿元 / " + pair.flow().id() + "_usd "
                + Percent.plain(pair.dollars()) + "亿美元";
    }

    /**
     * The known outcome of a metric in a year: its recorded figure; for a dollar flow without one, its recorded 亿元
     * figure at the year's {@link #exchangeRate} (Yiwu 2020: exports of 3006.2亿元 at 6.8974 元/美元, 435.8亿美元, the
     * figure a path conditioned on that year holds); for cny_per_usd, that rate. Empty when it is not known.
     */
    public OptionalDouble known(String metric, int year) {
        OptionalDouble recorded = value(metric, year);
        if (recorded.isPresent()) {
            return recorded;
        }
        Variable v = Variable.byId(metric).orElse(null);
        if (v == Variable.CNY_PER_USD) {
            return exchangeRate(year);
        }
        Variable flow = v == null ? null : inYuan(v);
        if (flow == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble yuan = yuan(flow, year);
        OptionalDouble rate = exchangeRate(year);
        return yuan.isPresent() && rate.isPresent() ? OptionalDouble.of(yuan.getAsDouble() / rate.getAsDouble()) : OptionalDouble.empty();
    }

    /**
     * This history with other rows laid over it: a row of the same metric, year, period and break replaces the
     * old one (a revised figure of a year, declared with its break, stands beside that year's old-basis figure).
     */
    public History with(History newer) {
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (HistoryRecord r : newer.records) {
            replaced.add(overKey(r));
        }
        List<HistoryRecord> all = new ArrayList<>(newer.records);
        for (HistoryRecord r : records) {
            if (!replaced.contains(overKey(r))) {
                all.add(r);
            }
        }
        return new History(all);
    }

    private static String overKey(HistoryRecord r) {
        return r.metric() + "@" + r.year() + "@" + r.period() + "@" + r.breakReason();
    }

    /** Only the rows of the years up to {@code year}: what was known then. */
    public History asOf(int year) {
        return new History(records.stream().filter(r -> r.year() <= year).toList());
    }

    /** The latest used figure of a metric in or before a year. */
    public Optional<HistoryRecord> latest(String metric, int notAfter) {
        return records.stream().filter(r -> r.used() && r.metric().equals(metric) && r.year() <= notAfter)
                .max(java.util.Comparator.comparingInt(HistoryRecord::year));
    }

    /**
     * These rows checked against the scenario they are attached to, every problem at once, located by file and line
     * (docs/ERRORS.md, "Figures that do not fit their metric"): each row names the scenario's region (a history
     * holds one region; a row of another would condition this region's forecast); a row of one of the scenario's
     * variables states it in that variable's unit, after the base year on its basis (there it conditions the forecast; up to the base year the
     * row is the record the scenario starts from, and in the base year current and base-year prices coincide), a
     * level not below 0 (growth rates may be), and a share in % not as a fraction ({@link Percent}).
     *
     * @param region    the scenario's region ({@code Yiwu 义乌市}): a row names it whole or by one of its words
     * @param variables the scenario's variables (the model's and its satellites) by id
     * @param alsoKnown the other metrics a row may name (its targets', its own history's); null for the scenario's
     *                  own history, which is also the record of figures the model does not project
     */
    public History checkedFor(String region, int baseYear, Map<String, VariableInfo> variables, Set<String> alsoKnown) {
        List<InputProblem> problems = new ArrayList<>();
        for (HistoryRecord r : records) {
            SourceLocation at = new SourceLocation(r.file() == null ? "history" : r.file(), r.line(), 1);
            if (!ofRegion(r.region(), region)) {
                problems.add(new InputProblem(at, "region", "'" + r.region() + "'", "the scenario's region, " + region
                        + " (a history holds one region: a row of another would condition this region's forecast)"));
            }
            VariableInfo v = variables.get(r.metric());
            if (v == null) {
                if (alsoKnown != null && !alsoKnown.contains(r.metric())) {
                    List<String> known = new ArrayList<>(variables.keySet());
                    known.addAll(alsoKnown);
                    problems.add(new InputProblem(at, "metric", "'" + r.metric() + "' (no such metric)",
                            Suggestions.closest(r.metric(), known).map(m -> "did you mean '" + m + "'? ").orElse("")
                                    + "a variable of the scenario, or a metric of its targets, its region file or its own history"));
                }
                continue;
            }
            if (!v.unit().equals(r.unit())) {
                problems.add(new InputProblem(at, "unit", "'" + r.unit() + "'", "the unit of " + v.id() + ", " + v.unit()));
            }
            if (r.year() > baseYear && !v.basis().id().equals(r.basis())) {
                problems.add(new InputProblem(at, "basis", "'" + r.basis() + "'", "the basis of " + v.id() + ", "
                        + v.basis().id() + " (a row after the base year " + baseYear + " conditions the forecast)"));
            }
            if (r.value() < 0 && !v.mayBeNegative()) {
                problems.add(new InputProblem(at, "value", Percent.plain(r.value()), "a non-negative level"));
            } else if ("%".equals(v.unit()) && Percent.NEVER_BELOW_ONE.contains(v.id()) && Percent.looksLikeFraction(r.value())) {
                problems.add(new InputProblem(at, "value", Percent.plain(r.value()), Percent.writeAsPercent(r.value())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return this;
    }

    /** A row's region is the scenario's when it is the whole name or one of its words ("Yiwu" of "Yiwu 义乌市"). */
    private static boolean ofRegion(String row, String region) {
        if (region == null || region.isBlank()) {
            return true;
        }
        String r = row == null ? "" : row.strip();
        return r.equalsIgnoreCase(region.strip())
                || java.util.Arrays.stream(region.strip().split("\\s+")).anyMatch(w -> w.equalsIgnoreCase(r));
    }

    public static History parse(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            // the CSV reader's own words for this ("Empty header line: can not bind data") name neither file nor fix
            throw InputException.of(new SourceLocation(file, 1, 1), "header", "an empty file (no header line)",
                    "a history CSV with header " + String.join(",", COLUMNS) + "[,period][,break]");
        }
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<InputProblem> problems = new ArrayList<>();
        List<HistoryRecord> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(body)) {
            while (it.hasNextValue()) {
                // the row's own first line, read before the row is consumed (after it, the parser stands at the
                // next row, or past the last one: the last row was reported a line late)
                int line = Math.max(it.getParser().getCurrentLocation().getLineNr(), 2);
                Map<String, String> row = it.nextValue();
                for (String c : COLUMNS) {
                    if (!row.containsKey(c)) {
                        throw InputException.of(new SourceLocation(file, 1, 1), c, "a header without column '" + c + "'",
                                "header: " + String.join(",", COLUMNS));
                    }
                }
                SourceLocation at = new SourceLocation(file, line, 1);
                Integer year = parseInt(row.get("year"));
                Double value = parseDouble(row.get("value"));
                if (year == null) {
                    problems.add(new InputProblem(at, "year", "'" + row.get("year") + "'", "a year"));
                }
                if (value == null) {
                    problems.add(new InputProblem(at, "value", "'" + row.get("value") + "'", "a number"));
                }
                if (!STATUSES.contains(row.get("status"))) {
                    problems.add(new InputProblem(at, "status", "'" + row.get("status") + "'", "allowed: used, alternative, break"));
                }
                String period = blankToNull(row.get("period"));
                if (period != null && (period.equals("year") || period.equals("full"))) {
                    period = null;
                } else if (period != null && !PERIOD.matcher(period.trim()).matches()) {
                    problems.add(new InputProblem(at, "period", "'" + period + "'",
                            "empty for the whole year, or part of it: H1, H2, Q1, Q1-Q3, Jan-Nov, ..."));
                    continue;
                }
                if (year == null || value == null) {
                    continue;
                }
                String src = row.get("source_file");
                boolean url = src != null && src.startsWith("http");
                Source source = new Source(url ? null : blankToNull(src), parseInt(row.get("source_line")),
                        blankToNull(row.get("quote")), url ? src : null, blankToNull(row.get("note")));
                String breakReason = blankToNull(row.get("break"));
                out.add(new HistoryRecord(row.get("region"), year, row.get("metric"), value, row.get("unit"),
                        row.get("basis"), row.get("status"), source, line, period == null ? null : period.trim(),
                        breakReason == null ? null : breakReason.strip(), file));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw InputException.of(new SourceLocation(file, 0, 0), "", "malformed CSV (" + e.getMessage() + ")",
                    "RFC-4180 CSV with header " + String.join(",", COLUMNS));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new History(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String s) {
        try {
            if (s == null || s.isBlank() || !io.plansim.scenario.FieldReader.isDecimal(s.trim())) {
                return null; // "NaN" and "Infinity" are not figures
            }
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
