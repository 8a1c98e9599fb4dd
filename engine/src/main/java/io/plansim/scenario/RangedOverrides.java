package io.plansim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Overrides applied to parsed paths: a year range ({@code path[Y1-Y2]=v}) or a relative change ({@code path+=v},
 * {@code path*=v}, over the whole path unless a range is given), on drivers and satellite paths.
 */
final class RangedOverrides {
    private final FieldReader r;
    private final int baseYear;
    private final int horizon;
    private final Map<Driver, SourceLocation> overridden;

    /** @param overridden where each driver changed by an override was changed, filled in by {@link #applyRanged} */
    RangedOverrides(FieldReader reader, int baseYear, int horizon, Map<Driver, SourceLocation> overridden) {
        this.r = reader;
        this.baseYear = baseYear;
        this.horizon = horizon;
        this.overridden = overridden;
    }

    /**
     * Overrides applied to parsed paths: a year range ({@code path[Y1-Y2]=v}) or a relative change
     * ({@code path+=v}, {@code path*=v}, over the whole path unless a range is given).
     */
    void applyRanged(List<ScenarioOverride> ranged, Map<Driver, PathSpec> drivers, List<Satellite> satellites) {
        for (ScenarioOverride o : ranged) {
            String field = o.path();
            InputProblem bad = null;
            double value = Double.NaN;
            if (FieldReader.isDecimal(o.value().trim())) {
                value = Double.parseDouble(o.value().trim());
            }
            String refused = FieldReader.refusedNumber(value);
            if (refused != null) {
                bad = new InputProblem(o.location(), field, "'" + o.value() + "'", refused);
            }
            // a whole-path override leaves an observed base-year value as recorded (Driver.observedInBaseYear); a rate's
            // base-year value is read by nothing
            int from = o.ranged() ? o.from() : o.keepsBaseYear() ? baseYear + 1 : baseYear;
            int to = o.ranged() ? o.to() : horizon;
            if (bad == null && baseYear > 0 && horizon > 0 && o.ranged() && (o.from() < baseYear + 1 || o.to() > horizon || o.to() < o.from())) {
                bad = new InputProblem(o.location(), field, "years " + o.from() + "-" + o.to(),
                        "a range within " + (baseYear + 1) + "-" + horizon);
            }
            java.util.Optional<Driver> driver = Driver.byPath(field);
            if (bad == null && driver.isPresent()) {
                Driver d = driver.get();
                PathSpec under = drivers.getOrDefault(d, new PathSpec.Constant(d.defaultValue()));
                PathSpec changed = new PathSpec.Overlay(under, new PathSpec.Period(from, to, value), o.op());
                double[] filled = new double[Math.max(horizon - baseYear + 1, 1)];
                changed.fill(filled, baseYear);
                double lo = java.util.Arrays.stream(filled).min().orElse(value);
                double hi = java.util.Arrays.stream(filled).max().orElse(value);
                if (d.scalar() && o.ranged()) {
                    bad = new InputProblem(o.location(), field, "a year range", "this driver is a model constant: " + field + "=value, without a year range");
                } else if (lo < d.min() || hi > d.max()) {
                    bad = new InputProblem(o.location(), field, o.op() == DrawMode.REPLACE ? "value " + value
                            : "a path reaching " + (lo < d.min() ? lo : hi) + " after " + o.label(),
                            "allowed range is " + d.min() + " to " + d.max());
                } else {
                    drivers.put(d, changed);
                    overridden.put(d, o.location());
                }
            } else if (bad == null) {
                Matcher sm = Pattern.compile("^satellites\\.([a-z][a-z0-9_]*)\\.(trend|ratio|path|elasticity)$").matcher(field);
                int idx = -1;
                if (sm.matches()) {
                    for (int i = 0; i < satellites.size(); i++) {
                        if (satellites.get(i).id().equals(sm.group(1))) {
                            idx = i;
                        }
                    }
                }
                if (idx < 0) {
                    List<String> known = new ArrayList<>(java.util.Arrays.stream(Driver.values()).map(Driver::path).toList());
                    satellites.forEach(s -> known.add("satellites." + s.id() + ".trend"));
                    bad = new InputProblem(o.location(), field, "unknown driver '" + field + "'", Suggestions.closest(field, known)
                            .map(s -> "did you mean '" + s + "'? a year range applies to drivers and satellite paths")
                            .orElse("a year range applies to drivers (group.name) and satellites.<id>.trend|ratio|path|elasticity"));
                } else {
                    Satellite s = satellites.get(idx);
                    PathSpec.Period per = new PathSpec.Period(from, to, value);
                    boolean el = sm.group(2).equals("elasticity");
                    PathSpec under = el ? s.elasticity() : s.primary();
                    PathSpec over = new PathSpec.Overlay(under == null ? new PathSpec.Constant(el ? 0 : SatellitesReader.defaultPrimary(s)) : under, per, o.op());
                    satellites.set(idx, new Satellite(s.id(), s.name(), s.nameZh(), s.unit(), s.basis(), s.mode(), s.link(),
                            s.base(), el ? s.primary() : over, el ? over : s.elasticity()));
                }
            }
            if (bad != null) {
                r.problems.add(bad);
            }
        }
    }
}
