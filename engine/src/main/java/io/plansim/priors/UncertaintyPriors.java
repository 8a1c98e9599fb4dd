package io.plansim.priors;

import io.plansim.model.Phrase;

import io.plansim.distribution.Distribution;
import io.plansim.distribution.LogNormal;
import io.plansim.distribution.Normal;
import io.plansim.distribution.Pert;
import io.plansim.distribution.Triangular;
import io.plansim.distribution.TruncatedNormal;
import io.plansim.distribution.Uniform;
import io.plansim.evaluation.Panel;
import io.plansim.scenario.Driver;
import io.plansim.scenario.ProductionKind;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.SatelliteMode;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.Uncertainty;
import io.plansim.target.History;
import io.plansim.target.HistoryRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code plansim calibrate --uncertainty}: sizes a scenario's uncertainty on data (docs/MODEL.md, "Where the
 * priors come from").
 * <ul>
 *   <li>Annual shocks (sd and AR(1) persistence) of GDP, exports, imports, domestic trade, population and every
 *   satellite a target uses: the region's own estimate from its history up to the base year (what the origin
 *   knew), shrunk towards a panel of the Penn World Table 9.1 up to the same year ({@link PanelShocks.Shrunk}); persistence
 *   from the panel unless the region has {@link #CONSECUTIVE} consecutive years (a gapped history cannot identify it).</li>
 *   <li>Model parameters (capital share 1 - labsh, depreciation delta, investment rate csh_i, initial K/Y =
 *   rnna/rgdpna): China's values in the Penn World Table, their spread over the last ten years as the sd of a shift around
 *   the scenario's value.</li>
 *   <li>Net migration: the change in decade-average population growth (over the last two decades) across small
 *   economies, the sd of a shift around the scenario's path.</li>
 * </ul>
 * Entries of the scenario the data cannot size are kept as they are, with their source (or marked judgement).
 */
public final class UncertaintyPriors {
    /** Comparables for trade: economies whose merchandise exports averaged at least half of output over the panel years. */
    public static final double OPEN_EXPORT_SHARE = 0.5;
    /** Comparables for population: economies with fewer than 3 million residents in the panel's last year (Yiwu: 1.86 million). */
    public static final double SMALL_POPULATION_MILLIONS = 3;
    static final String CHINA = "CHN";
    static final String PWT = "Penn World Table 9.1 (scenarios/reference/pwt/pwt91.csv)";

    /**
     * One sized entry: where it goes, what it is ({@code estimate}), what the region's own data gave it
     * ({@code evidence}; both phrases a front end words in its language), and where it comes from (English and
     * Chinese).
     */
    public record Entry(String section, String key, Phrase estimate, Phrase evidence, String panel, double weight,
                        String source, String sourceZh, String yaml) {
    }

    public record Result(String scenario, List<Entry> entries, List<String> kept) {
        /** The {@code uncertainty:} section, every entry with its {@code source:}. */
        public String yaml(Uncertainty existing, int baseYear, int horizon) {
            return UncertaintyPriors.yaml(this, existing);
        }
    }

    private UncertaintyPriors() {
    }

    /**
     * Sizes the scenario's uncertainty. {@code history} is cut at the base year here; {@code targetMetrics} are the
     * metrics the scenario's targets use (satellites outside it get no shock of their own).
     */
    public static Result of(Scenario s, History history, Panel pwt, Collection<String> targetMetrics) {
        History known = history.asOf(s.baseYear());
        // the panel, too, only up to the origin (a backtest from 2010 sees 1983-2010)
        int to = PanelShocks.lastYear(s.baseYear());
        int from = to - PanelShocks.YEARS;
        String years = (s.baseYear() + 1) + "-" + s.horizon();
        List<Entry> out = new ArrayList<>();
        Map<String, PanelShocks> panels = new LinkedHashMap<>();
        PanelShocks.Level rgdp = (e, y) -> e.value("rgdpna", y);
        PanelShocks.Level exports = (e, y) -> e.value("csh_x", y) * e.value("cgdpo", y);
        PanelShocks.Level imports = (e, y) -> -e.value("csh_m", y) * e.value("cgdpo", y);
        PanelShocks.Level pop = (e, y) -> e.value("pop", y);
        PanelShocks.Level share = (e, y) -> e.value("csh_i", y);
        java.util.function.Predicate<Panel.Economy> all = e -> true;
        java.util.function.Predicate<Panel.Economy> open = e -> mean(e, "csh_x", from, to) >= OPEN_EXPORT_SHARE;
        java.util.function.Predicate<Panel.Economy> small = e -> e.value("pop", to) < SMALL_POPULATION_MILLIONS;
        String openText = "economies whose merchandise exports averaged >= " + OPEN_EXPORT_SHARE + " of output (csh_x) " + from + "-" + to;
        String smallText = "economies with < " + fmt(SMALL_POPULATION_MILLIONS) + " million residents in " + to;

        shock(out, s, known, "gdp_real", List.of("gdp_real_growth"), true,
                panels.computeIfAbsent("gdp", k -> PanelShocks.of(pwt, "rgdpna", "all economies", all, rgdp, from, to)), "real GDP (rgdpna)");
        PanelShocks openExports = panels.computeIfAbsent("exports", k -> PanelShocks.of(pwt, "csh_x*cgdpo", openText, open, exports, from, to));
        shock(out, s, known, "exports", List.of("exports"), false, openExports, "merchandise exports (csh_x x cgdpo)");
        shock(out, s, known, "imports", List.of("imports", "imports_usd"), false,
                panels.computeIfAbsent("imports", k -> PanelShocks.of(pwt, "-csh_m*cgdpo", openText, open, imports, from, to)),
                "merchandise imports (-csh_m x cgdpo)");
        shock(out, s, known, "domestic_trade", List.of("domestic_trade", "market_turnover"), false, openExports,
                "merchandise exports (csh_x x cgdpo), a proxy: the market's domestic turnover has no panel");
        shock(out, s, known, "population", List.of("population"), false,
                panels.computeIfAbsent("pop", k -> PanelShocks.of(pwt, "pop", smallText, small, pop, from, to)), "population (pop)");
        PanelShocks shares = panels.computeIfAbsent("share", k -> PanelShocks.of(pwt, "csh_i", "one economy, China", e -> e.code().equals(CHINA), share, from, to));
        for (Satellite sat : s.satellites()) {
            if (targetMetrics.contains(sat.id())) {
                satelliteShock(out, s, known, sat, shares);
            }
        }
        if (s.production() == ProductionKind.SOLOW) {
            parameter(out, pwt, to, Driver.CAPITAL_SHARE, "1 - labsh", (e, y) -> 1 - e.value("labsh", y), s, years);
            parameter(out, pwt, to, Driver.DEPRECIATION, "delta", (e, y) -> e.value("delta", y), s, years);
            parameter(out, pwt, to, Driver.SAVINGS_RATE, "csh_i", (e, y) -> e.value("csh_i", y), s, years);
            parameter(out, pwt, to, Driver.CAPITAL_OUTPUT_RATIO, "rnna / rgdpna", (e, y) -> e.value("rnna", y) / e.value("rgdpna", y), s, years);
        }
        migration(out, pwt, to, s, known, small, smallText, years);
        List<String> kept = new ArrayList<>();
        Uncertainty u = s.uncertainty();
        for (Uncertainty.Parameter p : u.parameters()) {
            if (out.stream().noneMatch(e -> e.section().equals("parameters") && e.key().equals(p.driver().path()))) {
                kept.add("parameters/" + p.driver().path());
            }
        }
        for (Uncertainty.AnnualShock x : u.shocks()) {
            if (out.stream().noneMatch(e -> e.section().equals("shocks") && e.key().equals(x.variable()))) {
                kept.add("shocks/" + x.variable());
            }
        }
        u.events().forEach(e -> kept.add("events/" + e.name()));
        return new Result(s.id(), out, kept);
    }

    // ------------------------------------------------------------------ shocks

    private static void shock(List<Entry> out, Scenario s, History h, String variable, List<String> metrics, boolean rates,
                              PanelShocks panel, String panelSeries) {
        Ar1.Fit regional = null;
        Phrase evidence = Phrase.of("uncertainty.evidence.none", "no usable history (fewer than 3 levels or growth rates up to "
                + s.baseYear() + ")", s.baseYear());
        for (String m : metrics) {
            TreeMap<Integer, Double> v = levels(h, m);
            if (v.size() >= 3) {
                regional = regional(v, rates, panel.meanPersistence());
                evidence = fitted(m, yearsOf(v), regional, rates, !Double.isNaN(regional.persistenceSe()));
                break;
            }
        }
        emitShock(out, variable, regional, evidence, panel, panelSeries, "");
    }

    private static void satelliteShock(List<Entry> out, Scenario s, History h, Satellite sat, PanelShocks shares) {
        TreeMap<Integer, Double> own = levels(h, sat.id());
        TreeMap<Integer, Double> ratio = new TreeMap<>();
        String against = sat.link() == null || sat.link().isEmpty() || sat.mode() == SatelliteMode.PATH ? null : sat.link();
        if (against == null) {
            ratio.putAll(own);
        } else {
            TreeMap<Integer, Double> link = levels(h, against);
            own.forEach((y, v) -> {
                if (link.containsKey(y)) {
                    ratio.put(y, v / link.get(y));
                }
            });
        }
        Ar1.Fit regional = null;
        String none = "no usable history (fewer than 3 years with " + sat.id() + (against == null ? "" : " and " + against)
                + " up to " + s.baseYear() + ")";
        Phrase evidence = against == null ? Phrase.of("uncertainty.evidence.none.series", none, sat.id(), s.baseYear())
                : Phrase.of("uncertainty.evidence.none.pair", none, sat.id(), against, s.baseYear());
        if (ratio.size() >= 3) {
            regional = regional(ratio, false, shares.meanPersistence());
            evidence = fitted(against == null ? sat.id() : sat.id() + " / " + against, yearsOf(ratio), regional, false, false);
        }
        emitShock(out, sat.id(), regional, evidence, shares, "China's investment share csh_i, the nearest series of a part "
                + "of a Chinese economy moving against its whole", against == null ? "" : "relative to " + against);
    }

    /**
     * What the region's data gave a shock: the series and years used, how many annual rates or intervals (and whether
     * consecutive, when {@code sayConsecutive}), and the fit's sd with its standard error.
     */
    private static Phrase fitted(String series, String years, Ar1.Fit fit, boolean rates, boolean sayConsecutive) {
        String english = String.format(Locale.ROOT, "%s %s (%d %s%s): sd %.4f (se %.4f)", series, years, fit.n(),
                rates ? "annual rates" : "intervals", sayConsecutive ? ", consecutive" : "", fit.sd(), fit.sdSe());
        String key = rates ? (sayConsecutive ? "uncertainty.evidence.rates.consecutive" : "uncertainty.evidence.rates")
                : (sayConsecutive ? "uncertainty.evidence.intervals.consecutive" : "uncertainty.evidence.intervals");
        return Phrase.of(key, english, series, years, fit.n(), fixed(4, fit.sd()), fixed(4, fit.sdSe()));
    }

    private static void emitShock(List<Entry> out, String variable, Ar1.Fit regional, Phrase evidence, PanelShocks panel,
                                  String panelSeries, String relative) {
        PanelShocks.Shrunk sd = PanelShocks.Shrunk.of(regional == null ? Double.NaN : Math.log(regional.sd()),
                regional == null ? Double.NaN : regional.logSdSe(), panel.meanLogSd(), panel.tauLogSd());
        double value = Math.exp(sd.value());
        double se = value * sd.se();
        PanelShocks.Shrunk persistence = PanelShocks.Shrunk.of(regional == null || Double.isNaN(regional.persistenceSe()) ? Double.NaN
                : regional.persistence(), regional == null ? Double.NaN : regional.persistenceSe(), panel.meanPersistence(), panel.tauPersistence());
        double rho = Math.max(-0.95, Math.min(0.95, persistence.value()));
        double rhoSe = persistence.se();
        String regionalText = evidence.english();
        String panelText = String.format(Locale.ROOT, "%s, %s, %d-%d: sd %.4f (spread of ln sd %.3f), persistence %.3f (spread %.3f)",
                panelSeries, panel.economies() == 1 ? panel.group() : panel.economies() + " " + panel.group(), panel.from() + 1, panel.to(), panel.sd(), panel.tauLogSd(),
                panel.meanPersistence(), panel.tauPersistence());
        String cmd = "plansim calibrate --uncertainty";
        String source = String.format(Locale.ROOT, "%s: log-growth shock%s, sd %.4f (se %.4f) = the region's estimate shrunk to the panel with weight %.2f; "
                        + "persistence %.2f (se %.2f), the region's weight %.2f. Panel: %s. Region: %s",
                cmd, relative.isEmpty() ? "" : " " + relative, value, se, sd.weight(), rho, rhoSe, persistence.weight(), panelText, regionalText);
        String sourceZh = String.format(Locale.ROOT, "%s：对数增长冲击%s，标准差 %.4f（标准误 %.4f），地区估计按权重 %.2f 向面板收缩；持续性 %.2f（标准误 %.2f，地区权重 %.2f）。面板：%s。地区：%s",
                cmd, relative.isEmpty() ? "" : "（" + relative + "）", value, se, sd.weight(), rho, rhoSe, persistence.weight(), panelText, regionalText);
        String yaml = String.format(Locale.ROOT, "{sd: %.4f, persistence: %.2f", value, rho);
        Phrase estimate = Phrase.of("uncertainty.estimate.shock", String.format(Locale.ROOT, "sd %.4f (se %.4f), persistence %.2f (se %.2f)",
                value, se, rho, rhoSe), fixed(4, value), fixed(4, se), fixed(2, rho), fixed(2, rhoSe));
        out.add(new Entry("shocks", variable, estimate, evidence, panelText, sd.weight(), source, sourceZh, yaml));
    }

    /**
     * The region's estimate from a metric's observations by year: growth rates in percent ({@code rates}) or levels.
     * With {@link #CONSECUTIVE} or more consecutive growth rates and no gap, a full AR(1) fit (sd and persistence,
     * {@link Ar1#fit}); otherwise the sd with the persistence {@code rho} taken as known (the panel's), NaN as its
     * standard error.
     */
    public static Ar1.Fit regional(java.util.SortedMap<Integer, Double> observed, boolean rates, double rho) {
        int[] years = observed.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] v = observed.values().stream().mapToDouble(Double::doubleValue).toArray();
        boolean consecutive = years[years.length - 1] - years[0] == years.length - 1;
        if (rates) {
            double[] g = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                g[i] = Math.log1p(v[i] / 100);
            }
            return consecutive && g.length >= CONSECUTIVE ? Ar1.fit(g) : fromRates(years, g, rho);
        }
        if (consecutive && v.length - 1 >= CONSECUTIVE) {
            double[] g = new double[v.length - 1];
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.log(v[i + 1] / v[i]);
            }
            return Ar1.fit(g);
        }
        return Ar1.fitIntervals(years, v, rho);
    }

    /** Consecutive annual growth rates needed before the region's own persistence is estimated. */
    public static final int CONSECUTIVE = 8;

    /** Annual growth rates observed in scattered years: one-year intervals, correlated through rho ({@link Ar1#fitRates}). */
    static Ar1.Fit fromRates(int[] years, double[] g, double rho) {
        int[] start = new int[years.length];
        for (int i = 0; i < years.length; i++) {
            start[i] = years[i] - 1;
        }
        return Ar1.fitRates(start, years, g, rho);
    }

    // ------------------------------------------------------------------ parameters

    private static void parameter(List<Entry> out, Panel pwt, int to, Driver d, String series, PanelShocks.Level level, Scenario s, String years) {
        Panel.Economy china = pwt.economies().stream().filter(e -> e.code().equals(CHINA)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the panel has no " + CHINA));
        double recent = 0;
        int k = 0;
        for (int y = to - 9; y <= to; y++) {
            double v = level.of(china, y);
            if (!Double.isNaN(v)) {
                recent += v;
                k++;
            }
        }
        recent /= k;
        double ss = 0;
        for (int y = to - 9; y <= to; y++) {
            double v = level.of(china, y);
            if (!Double.isNaN(v)) {
                ss += (v - recent) * (v - recent);
            }
        }
        double spread = Math.sqrt(ss / (k - 1));
        double seRecent = spread / Math.sqrt(k);
        double scenario = d.defaultValue();
        if (s.drivers().containsKey(d)) {
            double[] path = new double[2];
            s.drivers().get(d).fill(path, s.baseYear());
            scenario = path[1]; // the first projected year's value
        }
        boolean scale = d.kind() == io.plansim.scenario.DriverKind.LEVEL; // a level such as K/Y: a positive factor
        double relative = spread / recent;
        String panelText = String.format(Locale.ROOT, "China %s: mean %.4f over %d-%d (se %.4f), sd of the yearly values %.4f "
                + "(the scenario's %.4f is %+.4f from that mean)", series, recent, to - 9, to, seRecent, spread, scenario, scenario - recent);
        String how = scale ? String.format(Locale.ROOT, "a factor lognormal(0, %.4f) on the scenario's value (China's yearly sd over its mean)", relative)
                : String.format(Locale.ROOT, "a shift of sd %.4f around the scenario's value", spread);
        String source = String.format(Locale.ROOT, "plansim calibrate --uncertainty: %s, %s: the spread of China's yearly %s %d-%d; %s",
                PWT, how, series, to - 9, to, panelText);
        String sourceZh = String.format(Locale.ROOT, "plansim calibrate --uncertainty：%s，%s：中国 %d—%d 年逐年 %s 的离散度；%s",
                PWT, scale ? String.format(Locale.ROOT, "以情景取值乘以对数正态因子 lognormal(0, %.4f)", relative)
                        : String.format(Locale.ROOT, "以情景取值为中心、标准差 %.4f 的平移", spread), to - 9, to, series, panelText);
        String yaml = scale ? String.format(Locale.ROOT, "{dist: lognormal, mu: 0, sigma: %.4f, apply: scale%s", relative, d.scalar() ? "" : ", years: " + years)
                : String.format(Locale.ROOT, "{dist: normal, mean: 0, sd: %.4f, apply: shift%s", spread, d.scalar() ? "" : ", years: " + years);
        Phrase estimate = Phrase.of("uncertainty.estimate.china", String.format(Locale.ROOT, "China %.4f (se %.4f); spread %.4f",
                recent, seRecent, spread), fixed(4, recent), fixed(4, seRecent), fixed(4, spread));
        out.add(new Entry("parameters", d.path(), estimate, Phrase.of("uncertainty.evidence.not.regional", "-"), panelText, 0,
                source, sourceZh, yaml));
    }

    private static void migration(List<Entry> out, Panel pwt, int to, Scenario s, History h, java.util.function.Predicate<Panel.Economy> small,
                                  String smallText, String years) {
        List<Double> changes = new ArrayList<>();
        for (Panel.Economy e : pwt.economies()) {
            double a = e.value("pop", to - 20);
            double b = e.value("pop", to - 10);
            double c = e.value("pop", to);
            if (small.test(e) && a > 0 && b > 0 && c > 0) {
                changes.add(Math.log(c / b) / 10 - Math.log(b / a) / 10);
            }
        }
        double m = changes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = Math.sqrt(changes.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (changes.size() - 1));
        double se = sd / Math.sqrt(2.0 * (changes.size() - 1));
        TreeMap<Integer, Double> pop = levels(h, "population");
        Phrase evidence;
        if (pop.size() >= 2) {
            String perYear = fixed(2, 100 * Math.log(pop.lastEntry().getValue() / pop.firstEntry().getValue()) / (pop.lastKey() - pop.firstKey()));
            evidence = Phrase.of("uncertainty.evidence.residents", String.format(Locale.ROOT, "residents %s: %s%% a year (log) over %d-%d",
                    yearsOf(pop), perYear, pop.firstKey(), pop.lastKey()), yearsOf(pop), perYear, pop.firstKey(), pop.lastKey());
        } else {
            evidence = Phrase.of("uncertainty.evidence.few.residents", "fewer than 2 population levels up to " + s.baseYear(), s.baseYear());
        }
        String regional = evidence.english();
        String panelText = String.format(Locale.ROOT, "change in decade-average population growth %d-%d to %d-%d, %d %s: sd %.4f (se %.4f), mean %+.4f",
                to - 20, to - 10, to - 10, to, changes.size(), smallText, sd, se, m);
        String source = String.format(Locale.ROOT, "plansim calibrate --uncertainty: %s, a shift of sd %.4f around the scenario's path (how far a "
                + "small economy's next decade of population growth strays from its last); %s. Region: %s", PWT, sd, panelText, regional);
        String sourceZh = String.format(Locale.ROOT, "plansim calibrate --uncertainty：%s，以情景路径为中心、标准差 %.4f 的平移（小型经济体下一个十年人口增速偏离上一个十年的幅度）；%s。地区：%s",
                PWT, sd, panelText, regional);
        Phrase estimate = Phrase.of("uncertainty.estimate.sd", String.format(Locale.ROOT, "sd %.4f (se %.4f)", sd, se),
                fixed(4, sd), fixed(4, se));
        out.add(new Entry("parameters", Driver.NET_MIGRATION.path(), estimate, evidence, panelText, 0,
                source, sourceZh, String.format(Locale.ROOT, "{dist: normal, mean: 0, sd: %.4f, apply: shift, years: %s", sd, years)));
    }

    // ------------------------------------------------------------------ helpers

    /** The used levels of a metric by year, first used row of each year. */
    static TreeMap<Integer, Double> levels(History h, String metric) {
        TreeMap<Integer, Double> v = new TreeMap<>();
        for (HistoryRecord r : h.records()) {
            if (r.metric().equals(metric) && r.used() && !r.partial()) {
                v.putIfAbsent(r.year(), r.value());
            }
        }
        return v;
    }

    private static double mean(Panel.Economy e, String series, int from, int to) {
        double s = 0;
        int n = 0;
        for (int y = from; y <= to; y++) {
            double v = e.value(series, y);
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static String yearsOf(Map<Integer, Double> v) {
        return String.join("/", v.keySet().stream().map(String::valueOf).toList());
    }

    /** A figure with {@code digits} decimals, as the English phrases write it (a part of a {@link Phrase}). */
    private static String fixed(int digits, double v) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A number as written in YAML: at most 6 significant digits, no trailing zeros. */
    static String fmt(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ YAML

    static String yaml(Result r, Uncertainty existing) {
        StringBuilder y = new StringBuilder("uncertainty:\n");
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> shocks = new LinkedHashMap<>();
        for (Uncertainty.Parameter p : existing.parameters()) {
            params.put(p.driver().path(), distribution(p.distribution()).replace("}", "") + ", apply: " + p.mode().key()
                    + (p.driver().scalar() ? "" : ", years: " + p.from() + "-" + p.to()) + ", source: " + quote(kept(p.source(), r.scenario())) + "}");
        }
        for (Uncertainty.AnnualShock x : existing.shocks()) {
            shocks.put(x.variable(), String.format(Locale.ROOT, "{sd: %s, persistence: %s, source: %s}", fmt(x.sd()), fmt(x.persistence()),
                    quote(kept(x.source(), r.scenario()))));
        }
        for (Entry e : r.entries()) {
            (e.section().equals("shocks") ? shocks : params).put(e.key(), e.yaml() + ", source: " + quote(e.source()) + "}");
        }
        y.append("  parameters:\n");
        params.forEach((k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        y.append("  shocks:\n");
        shocks.forEach((k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        List<String> corr = new ArrayList<>();
        for (int i = 0; i < existing.shocks().size(); i++) {
            for (int j = 0; j < existing.shocks().size(); j++) {
                if (i != j && existing.correlation()[i][j] != 0) {
                    corr.add(existing.shocks().get(i).variable());
                    break;
                }
            }
        }
        if (!corr.isEmpty()) {
            y.append("  correlation:\n    variables: [").append(String.join(", ", corr)).append("]\n    matrix:\n");
            for (String a : corr) {
                int i = index(existing, a);
                List<String> row = new ArrayList<>();
                for (String b : corr) {
                    row.add(fmt(existing.correlation()[i][index(existing, b)]));
                }
                y.append("      - [").append(String.join(", ", row)).append("]\n");
            }
        }
        if (existing.tailsDf() > 0) {
            y.append("  tails: {df: ").append(fmt(existing.tailsDf())).append("}\n");
        }
        if (!existing.events().isEmpty()) {
            y.append("  events:\n");
            for (Uncertainty.RareEvent e : existing.events()) {
                y.append("    ").append(e.name()).append(":\n      probability: ").append(fmt(e.probability())).append('\n')
                        .append("      source: ").append(quote(kept(e.source(), r.scenario()))).append('\n').append("      effects:\n");
                for (Uncertainty.Effect f : e.effects()) {
                    y.append("        ").append(f.variable()).append(": ").append(distribution(f.size())).append('\n');
                }
            }
        }
        return y.toString();
    }

    private static int index(Uncertainty u, String variable) {
        for (int i = 0; i < u.shocks().size(); i++) {
            if (u.shocks().get(i).variable().equals(variable)) {
                return i;
            }
        }
        throw new IllegalArgumentException(variable);
    }

    private static String kept(String source, String scenario) {
        return source.isEmpty() ? "judgement: kept as set in " + scenario + " (no data sizes it)" : source;
    }

    static String distribution(Distribution d) {
        if (d instanceof Normal n) {
            return "{dist: normal, mean: " + fmt(n.mean()) + ", sd: " + fmt(n.sd()) + "}";
        } else if (d instanceof TruncatedNormal t) {
            return "{dist: truncnormal, mean: " + fmt(t.mean()) + ", sd: " + fmt(t.sd()) + ", min: " + fmt(t.min()) + ", max: " + fmt(t.max()) + "}";
        } else if (d instanceof LogNormal l) {
            return "{dist: lognormal, mu: " + fmt(l.mu()) + ", sigma: " + fmt(l.sigma()) + "}";
        } else if (d instanceof Uniform u) {
            return "{dist: uniform, min: " + fmt(u.min()) + ", max: " + fmt(u.max()) + "}";
        } else if (d instanceof Triangular t) {
            return "{dist: triangular, min: " + fmt(t.min()) + ", mode: " + fmt(t.mode()) + ", max: " + fmt(t.max()) + "}";
        }
        Pert p = (Pert) d;
        return "{dist: pert, min: " + fmt(p.min()) + ", mode: " + fmt(p.mode()) + ", max: " + fmt(p.max()) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
