package io.plansim.aggregate;

import io.plansim.compile.CompiledScenario;
import io.plansim.target.History;
import io.plansim.target.Target;
import io.plansim.target.TargetKind;
import io.plansim.target.TargetOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The targets a Monte Carlo run can judge on each path, each against that path itself (a doubling against
 * the same path's 2025, an intensity cut against its own base year). Years before the projection come from
 * the history. Targets of past years or on metrics the scenario does not project are left out.
 */
public final class PathTargets {
    private final List<Target> targets;
    private final int[] rows;
    private final int base;
    private final int years;
    private final History history;
    /** Per kept target, its metric's basis: the actuals it reaches back into must be on it (History.valueBehind). */
    private final io.plansim.model.Basis[] bases;

    private PathTargets(List<Target> targets, int[] rows, io.plansim.model.Basis[] bases, int base, int years, History history) {
        this.targets = List.copyOf(targets);
        this.rows = rows;
        this.bases = bases;
        this.base = base;
        this.years = years;
        this.history = history;
    }

    public static PathTargets none() {
        return new PathTargets(List.of(), new int[0], new io.plansim.model.Basis[0], 0, 0, History.empty());
    }

    public static PathTargets of(CompiledScenario c, List<Target> all, History history) {
        // a path reaches back into the actuals only where they are on its basis (History.valueBehind)
        java.util.Map<String, io.plansim.model.Basis> bases = new java.util.HashMap<>();
        c.outputs().forEach(v -> bases.put(v.id(), v.basis()));
        List<Target> kept = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int base = c.baseYear();
        int horizon = base + c.years() - 1;
        for (Target t : all) {
            int row = c.rowOf(t.metric());
            if (row < 0 || t.year() <= base || t.year() > horizon) {
                continue;
            }
            boolean historyOk = true;
            int firstNeeded = t.kind() == TargetKind.CUMULATIVE || t.kind() == TargetKind.GROWTH || t.kind() == TargetKind.CHANGE
                    ? t.from() : t.year();
            int lastBefore = t.kind() == TargetKind.CUMULATIVE ? base - 1 : Math.min(firstNeeded, base - 1);
            for (int y = firstNeeded; y <= lastBefore && y < base; y++) {
                historyOk &= history.valueBehind(t.metric(), y, bases.get(t.metric())).isPresent();
            }
            if (historyOk) {
                kept.add(t);
                rows.add(row);
            }
        }
        return new PathTargets(kept, rows.stream().mapToInt(Integer::intValue).toArray(),
                kept.stream().map(t -> bases.get(t.metric())).toArray(io.plansim.model.Basis[]::new), base, c.years(), history);
    }

    public List<Target> targets() {
        return targets;
    }

    public int size() {
        return targets.size();
    }

    /** Adds 1 to {@code met[i]} for every target i the path (a kernel output buffer) meets. */
    public void count(double[] out, long[] met) {
        counter().count(out, met);
    }

    /** Target i's outcome on a kernel output buffer. */
    public double outcome(int i, double[] out) {
        return counter().outcome(i, out);
    }

    /**
     * A view for one thread's hot loop: the year lookups of every target are built once, and only the path
     * buffer they read changes from path to path, so judging a path allocates nothing.
     */
    public Counter counter() {
        return new Counter();
    }

    public final class Counter {
        private final IntToDoubleFunction[] valueAt = new IntToDoubleFunction[rows.length];
        private double[] path;

        private Counter() {
            for (int i = 0; i < rows.length; i++) {
                String metric = targets.get(i).metric();
                io.plansim.model.Basis basis = bases[i];
                int offset = rows[i] * years;
                valueAt[i] = y -> y >= base ? path[offset + y - base] : history.valueBehind(metric, y, basis).orElse(Double.NaN);
            }
        }

        public void count(double[] out, long[] met) {
            path = out;
            for (int i = 0; i < valueAt.length; i++) {
                if (targets.get(i).metBy(TargetOutcome.of(targets.get(i), valueAt[i]))) {
                    met[i]++;
                }
            }
        }

        public double outcome(int i, double[] out) {
            path = out;
            return TargetOutcome.of(targets.get(i), valueAt[i]);
        }
    }
}
