package io.plansim.compile;

import io.plansim.model.Variable;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The actuals a forecast is conditioned on (docs/MODEL.md, "Nowcast"): for the years after the base year up
 * to the last one observed, the observed level of every variable the history has, laid out as the kernel's
 * rows ({@code level[row * years + t]}, NaN where nothing is observed). The kernel makes every path pass
 * through them (the shock of that year is whatever it takes), so the state they imply carries forward.
 *
 * <p>A partial-year figure (H1, Jan-Nov, ...) is nowcast to the full year with the share that period took of
 * the year in earlier years: level = partial / mean share, with {@code logSd} the prediction spread of the
 * log share (sample sd times sqrt(1 + 1/k) over k earlier years), drawn per path. Rates (unit %) use the mean
 * difference between the full year and the period instead of a share.
 *
 * <p>Across a statistical break (a row declaring {@code break: reason}, a census revision that moves a level) levels
 * are not chained: from the break year on, a year is conditioned on its growth on the revised basis, the ratio of
 * its figure to the year before's on the same basis (for the break year itself, the year before's revised figure:
 * a row of that year with the same reason). The kernel then takes last year's level of the path times that ratio,
 * so the path keeps the base year's basis and its growth across the break is the revised series' growth.
 *
 * <p>The exchange rate, a driver, is conditioned on the rate the history knows for a year after the base
 * ({@link History#exchangeRate}: implied by a dollar flow recorded with its 亿元 figure, else a cny_per_usd row), so a
 * year's dollar flows are its 亿元 flows at that year's rate. So is the base year's: its rate is an observation
 * ({@link io.plansim.scenario.Driver#observedInBaseYear}), and a recorded one wins over the scenario's. Immutable.
 */
public final class Observations {
    /** Variables the kernel can be conditioned on; satellites are conditioned by their level. */
    static final List<Variable> CONDITIONABLE = List.of(Variable.POPULATION, Variable.URBANIZATION_RATE,
            Variable.EXPORTS, Variable.IMPORTS, Variable.DOMESTIC_TRADE, Variable.GDP_NOMINAL, Variable.GDP_REAL_GROWTH,
            Variable.ENERGY_INTENSITY, Variable.INCOME_PER_CAPITA);

    /** What was known of one metric: the years observed, and the nowcast if any. */
    public record Note(String metric, String text) {
    }

    /** A partial-year figure's full-year nowcast: value, log spread (or for a rate, the spread in points). */
    public record Nowcast(double value, double sd, int earlierYears, String description) {
    }

    private final int years;
    /** Levels ({@code row * years + t}) followed by growth ratios (offset rows * years), NaN where none. */
    private final double[] level;
    private final double[] logSd;
    private final int lastIndex;
    private final int asOf;
    private final List<Note> notes;
    private final List<String> unused;
    /** Empty when the history records the base year's exchange rate and it is the scenario's, what replaced it when not, else null. */
    private final String baseRate;

    private Observations(int years, double[] level, double[] logSd, int lastIndex, int asOf, List<Note> notes, List<String> unused,
                         String baseRate) {
        this.years = years;
        this.level = level;
        this.logSd = logSd;
        this.lastIndex = lastIndex;
        this.asOf = asOf;
        this.notes = List.copyOf(notes);
        this.unused = List.copyOf(unused);
        this.baseRate = baseRate;
    }

    /** Nothing observed after the base year. */
    public static Observations none(int rows, int years, int baseYear) {
        double[] nan = new double[2 * rows * years];
        Arrays.fill(nan, Double.NaN);
        return new Observations(years, nan, new double[rows * years], 0, baseYear, List.of(), List.of(), null);
    }

    /**
     * The actuals of {@code history} for the years after c's base year up to {@code asOf} (and the horizon).
     * Rows with status {@code break} are left out: a level on another basis would be chained onto this one. A
     * break declared in the {@code break} column turns the years from it on into growth ratios (see above).
     */
    public static Observations of(CompiledScenario c, History history, int asOf) {
        int n = c.years();
        int base = c.baseYear();
        int rows = c.rows();
        double[] level = new double[2 * rows * n];
        Arrays.fill(level, Double.NaN);
        int ratios = rows * n;
        double[] sd = new double[rows * n];
        int last = 0;
        Map<String, List<String>> known = new TreeMap<>();
        List<String> unused = new ArrayList<>();
        int until = Math.min(asOf, base + n - 1);
        for (HistoryRecord r : history.records()) {
            if (r.year() <= base || r.year() > until || !(r.used() || r.partial())) {
                continue;
            }
            int row = conditionableRow(c, r.metric());
            if (row < 0) {
                continue;
            }
            int t = r.year() - base;
            HistoryRecord declared = breakAtOrBefore(history, r.metric(), r.year(), base);
            if (r.used() && declared != null) {
                HistoryRecord before = r.year() > declared.year() ? history.actual(r.metric(), r.year() - 1).orElse(null)
                        : revisedYearBefore(history, declared);
                if (before == null || !(before.value() > 0) || !(r.value() > 0)) {
                    unused.add(r.metric() + " " + r.year() + " (line " + r.line() + "): across the break '"
                            + declared.breakReason() + "' (" + declared.year() + ") only its growth is comparable, and "
                            + (r.year() > declared.year() ? r.year() - 1 + " has no figure"
                            : "no row of " + (declared.year() - 1) + " gives the revised figure (same break)")
                            + " to take it from; not used");
                    continue;
                }
                level[ratios + row * n + t] = r.value() / before.value();
                known.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                        "growth %d %+.2f%% %s '%s'", r.year(), 100 * (r.value() / before.value() - 1),
                        r.year() == declared.year() ? "across the break" : "on the basis of the break", declared.breakReason()));
                last = Math.max(last, t);
            } else if (r.used()) {
                level[row * n + t] = r.value();
                sd[row * n + t] = 0;
                known.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add("actual " + r.year());
                last = Math.max(last, t);
            }
        }
        for (HistoryRecord r : history.records()) {
            if (!r.partial() || r.year() <= base || r.year() > until) {
                continue;
            }
            int row = conditionableRow(c, r.metric());
            if (row < 0) {
                continue;
            }
            int t = r.year() - base;
            if (!Double.isNaN(level[row * n + t]) && sd[row * n + t] == 0 || !Double.isNaN(level[ratios + row * n + t])) {
                continue; // the full year is known: the part adds nothing
            }
            if (breakAtOrBefore(history, r.metric(), r.year(), base) != null) {
                unused.add(r.metric() + " " + r.year() + " " + r.period() + " (line " + r.line()
                        + "): after a statistical break a partial year is not nowcast (its share was learnt on the old basis); not used");
                continue;
            }
            Nowcast nc = nowcast(history, r);
            if (nc == null) {
                unused.add(r.metric() + " " + r.year() + " " + r.period() + " (line " + r.line()
                        + "): no earlier year has both the " + r.period() + " figure and the full year, so the share "
                        + r.period() + " takes of the year cannot be learnt; not used");
                continue;
            }
            level[row * n + t] = nc.value();
            sd[row * n + t] = nc.sd();
            known.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(nc.description());
            last = Math.max(last, t);
        }
        // the exchange rate of a year the history knows it for (History.exchangeRate), the base year's too: the dollar
        // flows of that year are its 亿元 flows at that rate, not at the driver's (a backtest held its origin's rate:
        // Jinhua's 2015 goods trade of 3044亿元 came out as 449.7亿美元 at 2010's 6.77 against the recorded 490)
        int fxRow = Variable.CNY_PER_USD.ordinal();
        String baseRate = null;
        for (int year = base; year <= until; year++) {
            var rate = history.exchangeRate(year);
            if (rate.isEmpty()) {
                continue;
            }
            int t = year - base;
            level[fxRow * n + t] = rate.getAsDouble();
            if (t == 0) {
                // said when it differs from the scenario's own, which it then replaces
                double stated = c.param(io.plansim.scenario.Driver.CNY_PER_USD, 0);
                String implied = history.impliedExchangeRate(year);
                baseRate = Math.abs(stated - rate.getAsDouble()) < 1e-9 ? "" : String.format(Locale.ROOT,
                        "exchange rate of the base year %d: %.4f 元/美元 as recorded%s, not the scenario's %s", year, rate.getAsDouble(),
                        implied == null ? "" : " (" + implied + ")", io.plansim.scenario.Percent.plain(stated));
            } else {
                String implied = history.impliedExchangeRate(year);
                known.computeIfAbsent(Variable.CNY_PER_USD.id(), k -> new ArrayList<>()).add(implied == null ? "actual " + year
                        : String.format(Locale.ROOT, "%d = %s = %.4f", year, implied, rate.getAsDouble()));
                last = Math.max(last, t);
            }
        }
        List<Note> notes = new ArrayList<>();
        known.forEach((m, list) -> notes.add(new Note(m, String.join(", ", list))));
        return new Observations(n, level, sd, last, asOf, notes, unused, baseRate);
    }

    /**
     * The latest used full-year row of a metric declaring a break, after the base year and in or before a year;
     * null when none (a break in or before the base year is the base year's own basis).
     */
    private static HistoryRecord breakAtOrBefore(History history, String metric, int year, int base) {
        HistoryRecord out = null;
        for (HistoryRecord r : history.records()) {
            if (r.used() && r.breakReason() != null && r.metric().equals(metric) && r.year() > base && r.year() <= year
                    && (out == null || r.year() > out.year())) {
                out = r;
            }
        }
        return out;
    }

    /** The figure of the year before a break on the revised basis: a full-year row of that year with the same reason. */
    private static HistoryRecord revisedYearBefore(History history, HistoryRecord declared) {
        for (HistoryRecord r : history.records()) {
            if (r.period() == null && r.year() == declared.year() - 1 && r.metric().equals(declared.metric())
                    && declared.breakReason().equals(r.breakReason())) {
                return r;
            }
        }
        return null;
    }

    /**
     * The full-year nowcast of a partial-year figure from the earlier years that have both the same period and
     * the full year (null when there is none): levels by the mean share, rates (unit %) by the mean difference.
     */
    public static Nowcast nowcast(History history, HistoryRecord partial) {
        boolean rate = "%".equals(partial.unit());
        List<Double> d = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (HistoryRecord p : history.records()) {
            if (!p.partial() || !p.metric().equals(partial.metric()) || !p.period().equals(partial.period())
                    || p.year() >= partial.year()) {
                continue;
            }
            var full = history.actual(p.metric(), p.year());
            if (full.isEmpty()) {
                continue;
            }
            double f = full.get().value();
            if (rate) {
                d.add(f - p.value());
            } else if (p.value() > 0 && f > 0) {
                d.add(Math.log(p.value() / f));
            } else {
                continue;
            }
            from.add(p.year());
        }
        int k = d.size();
        if (k == 0) {
            return null;
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double spread = 0;
        if (k > 1) {
            double ss = 0;
            for (double x : d) {
                ss += (x - mean) * (x - mean);
            }
            spread = Math.sqrt(ss / (k - 1)) * Math.sqrt(1 + 1.0 / k);
        }
        double value = rate ? partial.value() + mean : partial.value() / Math.exp(mean);
        String years = from.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        String how = rate
                ? String.format(Locale.ROOT, "full year = %s + %.2f points", partial.period(), mean)
                : String.format(Locale.ROOT, "%s = %.3f of the year", partial.period(), Math.exp(mean));
        String text = String.format(Locale.ROOT, "nowcast %d from %s (%s, learnt from %s%s)", partial.year(), partial.period(),
                how, years, k > 1 ? String.format(Locale.ROOT, "; spread %.3f%s", spread, rate ? " points" : " in logs")
                        : "; one earlier year, so no spread");
        return new Nowcast(value, spread, k, text);
    }

    private static int conditionableRow(CompiledScenario c, String metric) {
        int row = c.rowOf(metric);
        if (row < 0) {
            return -1;
        }
        if (row >= CompiledScenario.CORE_ROWS) {
            return row; // a satellite: its level
        }
        return CONDITIONABLE.contains(Variable.values()[row]) ? row : -1;
    }

    /** Whether anything is observed after the base year. */
    public boolean any() {
        return lastIndex > 0;
    }

    /** The last year index (t, 0 = base year) with an observation; 0 when none. */
    public int lastIndex() {
        return lastIndex;
    }

    /** The year actuals were taken up to. */
    public int asOf() {
        return asOf;
    }

    /** The observed level at kernel row and year index, NaN where none. */
    public double level(int row, int t) {
        return level[row * years + t];
    }

    /** The observed growth ratio (this year over the year before, on one basis) at kernel row and year index, NaN where none. */
    public double ratio(int row, int t) {
        return level[level.length / 2 + row * years + t];
    }

    /**
     * The levels as the kernel reads them ({@code row * years + t}, NaN where none) followed by the growth ratios
     * across statistical breaks (offset rows * years, same layout), or null when nothing is observed. The array is shared and must not be written, as {@link CompiledScenario#params()}; a runner
     * that draws the nowcasts' spread copies it.
     */
    public double[] kernelLevels() {
        return lastIndex > 0 || baseRate != null ? level : null;
    }

    /** The recorded exchange rate that replaced the scenario's in the base year, in words; null when none did. */
    public String baseYearRate() {
        return baseRate == null || baseRate.isEmpty() ? null : baseRate;
    }

    /** Indices into {@link #levels()} of nowcast cells with a spread, and their spreads. */
    public int[] uncertainCells() {
        return java.util.stream.IntStream.range(0, logSd.length).filter(i -> logSd[i] > 0).toArray();
    }

    public double spread(int cell) {
        return logSd[cell];
    }

    /** Whether a cell holds a rate nowcast (spread in points) rather than a level (spread in logs). */
    public boolean rateCell(int cell) {
        return cell / years == Variable.GDP_REAL_GROWTH.ordinal();
    }

    /** Per metric, what was known: "actual 2016, actual 2017, nowcast 2018 from H1 (...)". */
    public List<Note> notes() {
        return notes;
    }

    /** Partial-year figures that could not be nowcast, with why. */
    public List<String> unused() {
        return unused;
    }
}
