package io.plansim.scenario;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A driver's time path as the user wrote it. {@link #fill} turns it into one value per year, index 0 being
 * the base year. For growth rates the value of year t drives the step from t-1 to t, so the base-year slot
 * matters only for level drivers (an exchange rate, a ceiling, a share).
 */
public sealed interface PathSpec {

    /** Writes the value of every year base..base+out.length-1 into {@code out}. */
    void fill(double[] out, int baseYear);

    /** Every number the user gave, for bounds checks. */
    double[] values();

    /** The same value every year: {@code 0.05}. */
    record Constant(double value) implements PathSpec {
        @Override
        public void fill(double[] out, int baseYear) {
            java.util.Arrays.fill(out, value);
        }

        @Override
        public double[] values() {
            return new double[] {value};
        }
    }

    /** One inclusive year range with one value: {@code 2021-2025: 0.065}. */
    record Period(int from, int to, double value) {
        public Period {
            if (to < from) {
                throw new IllegalArgumentException("period " + from + "-" + to + " ends before it starts");
            }
        }
    }

    /**
     * Values per period. The periods must not overlap and must cover every projected year
     * (base+1..horizon); the base-year slot takes the first period's value unless a period covers it.
     */
    record Periods(List<Period> periods) implements PathSpec {
        public Periods {
            periods = List.copyOf(periods);
        }

        @Override
        public void fill(double[] out, int baseYear) {
            java.util.Arrays.fill(out, periods.get(0).value());
            for (Period p : periods) {
                int from = Math.max(p.from() - baseYear, 0);
                int to = Math.min(p.to() - baseYear, out.length - 1);
                for (int i = from; i <= to; i++) {
                    out[i] = p.value();
                }
            }
        }

        @Override
        public double[] values() {
            return periods.stream().mapToDouble(Period::value).toArray();
        }
    }

    /**
     * Anchor years with straight lines between them: {@code anchors: {2020: 0.07, 2035: 0.04}}. Before the
     * first anchor and after the last the path stays flat.
     */
    record Anchors(NavigableMap<Integer, Double> anchors) implements PathSpec {
        public Anchors {
            anchors = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(anchors));
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("anchors need at least one year");
            }
        }

        @Override
        public void fill(double[] out, int baseYear) {
            for (int i = 0; i < out.length; i++) {
                int year = baseYear + i;
                Map.Entry<Integer, Double> lo = anchors.floorEntry(year);
                Map.Entry<Integer, Double> hi = anchors.ceilingEntry(year);
                if (lo == null) {
                    out[i] = hi.getValue();
                } else if (hi == null || hi.getKey().equals(lo.getKey())) {
                    out[i] = lo.getValue();
                } else {
                    double w = (double) (year - lo.getKey()) / (hi.getKey() - lo.getKey());
                    out[i] = lo.getValue() + w * (hi.getValue() - lo.getValue());
                }
            }
        }

        @Override
        public double[] values() {
            return anchors.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * A path with a range changed, as {@code --set} asks: {@code "trade.exportTrend[2026-2030]=0.03"} replaces
     * the years of the range, {@code +=} adds to them and {@code *=} multiplies them; every other year keeps
     * the underlying path.
     */
    record Overlay(PathSpec under, Period over, DrawMode op) implements PathSpec {
        public Overlay(PathSpec under, Period over) {
            this(under, over, DrawMode.REPLACE);
        }

        @Override
        public void fill(double[] out, int baseYear) {
            under.fill(out, baseYear);
            int from = Math.max(over.from() - baseYear, 0);
            int to = Math.min(over.to() - baseYear, out.length - 1);
            for (int i = from; i <= to; i++) {
                out[i] = op.apply(out[i], over.value());
            }
        }

        @Override
        public double[] values() {
            double[] u = under.values();
            if (op != DrawMode.REPLACE) {
                return u; // the changed values depend on the years: the loader checks the filled path
            }
            double[] all = java.util.Arrays.copyOf(u, u.length + 1);
            all[u.length] = over.value();
            return all;
        }
    }
}
