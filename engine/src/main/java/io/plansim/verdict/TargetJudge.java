package io.plansim.verdict;

import io.plansim.model.Phrase;

import io.plansim.runner.Projection;
import io.plansim.target.History;
import io.plansim.target.Target;
import io.plansim.target.TargetCatalog;
import io.plansim.target.TargetKind;
import io.plansim.target.TargetOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/** Judges every target of a catalog against a scenario's central projection and the history. */
public final class TargetJudge {
    private TargetJudge() {
    }

    /** Verdicts sorted by year, then metric, then id. */
    public static List<TargetVerdict> judge(TargetCatalog catalog, Projection central, History history) {
        List<TargetVerdict> out = new ArrayList<>();
        for (Target t : catalog.targets()) {
            out.add(judge(t, central, history));
        }
        out.sort(Comparator.comparingInt((TargetVerdict v) -> v.target().year())
                .thenComparing(v -> v.target().metric()).thenComparing(v -> v.target().id()));
        return out;
    }

    /** Verdicts with the probability of every target a Monte Carlo run could judge. */
    public static List<TargetVerdict> judge(TargetCatalog catalog, Projection central, History history,
                                            io.plansim.aggregate.McResult mc) {
        List<TargetVerdict> out = new ArrayList<>();
        for (TargetVerdict v : judge(catalog, central, history)) {
            int i = mc.targetIndex(v.target().id());
            if (i >= 0 && v.verdict() != Verdict.MET && v.verdict() != Verdict.MISSED) {
                double[] ci = mc.wilson95(i);
                out.add(v.withProbability(mc.probability(i), ci[0], ci[1], mc.standardError(i)));
            } else if (v.actualMet() != null) {
                out.add(v.withKnownOutcome()); // a past target: the actual is known, its probability is 0 or 1
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Why a sum cannot be judged: the history lacks a year of it up to {@code lastNeeded} and its recorded total. */
    private static Phrase noSum(Target t, int lastNeeded) {
        String total = History.totalMetric(t.metric(), t.from(), t.year());
        return Phrase.of("reason.no.sum", "the history has neither every year of " + t.metric() + " from " + t.from() + " to " + lastNeeded
                + " nor their total (" + total + ")", t.metric(), t.nameZh(), t.from(), lastNeeded, total);
    }

    /** Year -> value of a metric on the path, falling back to the actuals before the path starts. */
    static IntToDoubleFunction pathWithHistory(Projection p, String metric, History history) {
        int idx = p.indexOf(metric);
        // a path reaches back into the actuals only where they are on its basis (History.valueBehind)
        io.plansim.model.Basis basis = idx < 0 ? null : p.variables().get(idx).basis();
        int first = p.years()[0];
        int last = p.years()[p.years().length - 1];
        return year -> {
            if (idx >= 0 && year >= first && year <= last) {
                return p.values()[idx][year - first];
            }
            return year < first ? history.valueBehind(metric, year, basis).orElse(Double.NaN) : Double.NaN;
        };
    }

    /** Why a target measured from a year without an actual cannot be judged; {@code nominalOnly} when that year has one at current prices only. */
    private static Phrase noActualToMeasureFrom(Target t, boolean nominalOnly) {
        String english = "the history has no actual " + t.metric() + " for " + t.from()
                + (nominalOnly ? " at constant prices (only one at current prices, which cannot stand behind a path at constant prices)" : "")
                + ", which the target is measured from";
        return Phrase.of(nominalOnly ? "reason.no.base.actual.real" : "reason.no.base.actual", english, t.metric(), t.nameZh(), t.from());
    }

    public static TargetVerdict judge(Target t, Projection p, History history) {
        int base = p.years()[0];
        IntToDoubleFunction actuals = y -> history.known(t.metric(), y).orElse(Double.NaN);
        // a target whose year has a known outcome (the history is cut at what was known) is judged on it, after the
        // base year too (a nowcast: docs/MODEL.md); what it is measured from comes from the actuals, else the path.
        // Known includes a dollar flow whose 亿元 figure and exchange rate are recorded (History.known): Yiwu's 2020
        // exports in 亿美元 were judged as a forecast (P 0.000, off track) though 3006.2亿元 at 6.8974 is an outcome
        boolean cumulative = t.kind() == TargetKind.CUMULATIVE;
        // a sum is known from the window's recorded total, else only when every year of it is known: Jinhua's 2011-2015
        // investment (6785亿元 recorded) was "actual" 5758, four model years and the 2015 actual; with the window
        // before the base year it was "not evaluable" though the total is in the history
        OptionalDouble total = cumulative ? history.recordedTotal(t.metric(), t.from(), t.year()) : OptionalDouble.empty();
        boolean past = t.year() <= base || (cumulative ? total.isPresent() || !Double.isNaN(TargetOutcome.of(t, actuals))
                : history.known(t.metric(), t.year()).isPresent());
        double actual = !past ? Double.NaN : total.isPresent() ? total.getAsDouble() : TargetOutcome.of(t, actuals);
        if (past && Double.isNaN(actual) && t.year() > base) {
            actual = TargetOutcome.of(t, pathWithHistory(p, t.metric(), history));
        }
        if (past && Double.isNaN(actual) && t.year() == base && io.plansim.model.Variable.byId(t.metric()).isPresent()
                && p.indexOf(t.metric()) >= 0) {
            // the base year of a core variable is itself an observation (satellite bases may be derived, so
            // a past target on a satellite needs a recorded actual)
            actual = TargetOutcome.of(t, pathWithHistory(p, t.metric(), history));
        }
        if (past) {
            if (Double.isNaN(actual)) {
                return new TargetVerdict(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
                        null, Verdict.NOT_EVALUABLE, cumulative ? noSum(t, t.year()) : Phrase.of("reason.no.actual", "the target year is not after the base year " + base
                        + " and the history has no actual " + t.metric() + " for it", t.metric(), t.nameZh(), base, t.year()));
            }
            boolean met = t.metBy(actual);
            return new TargetVerdict(t, actual, VerdictRules.gap(t, actual), VerdictRules.gapPercent(t, actual), Double.NaN, Double.NaN, 0, actual,
                    met, met ? Verdict.MET : Verdict.MISSED, null);
        }
        if (p.indexOf(t.metric()) < 0) {
            return new TargetVerdict(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, null,
                    Verdict.NOT_EVALUABLE, Phrase.of("reason.not.projected", "the scenario does not project " + t.metric(), t.metric(), t.nameZh()));
        }
        if (t.year() > p.years()[p.years().length - 1]) {
            return new TargetVerdict(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, null,
                    Verdict.NOT_EVALUABLE, Phrase.of("reason.after.horizon", "the target year is after the scenario's horizon",
                            t.metric(), t.nameZh(), p.years()[p.years().length - 1], t.year()));
        }
        double central = TargetOutcome.of(t, pathWithHistory(p, t.metric(), history));
        if (Double.isNaN(central) && cumulative) {
            return new TargetVerdict(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, null,
                    Verdict.NOT_EVALUABLE, noSum(t, base - 1));
        }
        if (Double.isNaN(central)) {
            return new TargetVerdict(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, null,
                    Verdict.NOT_EVALUABLE, noActualToMeasureFrom(t, history.value(t.metric(), t.from()).isPresent()));
        }
        // the latest actual: the base year of the path (an observation), or a later recorded actual
        Optional<io.plansim.target.HistoryRecord> later = history.latest(t.metric(), t.year() - 1)
                .filter(r -> r.year() > base);
        int startYear = later.map(io.plansim.target.HistoryRecord::year).orElse(base);
        double start = later.map(io.plansim.target.HistoryRecord::value).orElse(p.value(t.metric(), base));
        double required = TargetOutcome.annualGrowthTo(t, t.threshold(), start, startYear);
        double own = TargetOutcome.annualGrowthTo(t, central, start, startYear);
        return new TargetVerdict(t, central, VerdictRules.gap(t, central), VerdictRules.gapPercent(t, central), required, own, startYear, Double.NaN,
                null, VerdictRules.fromCentral(t, central), null);
    }
}
