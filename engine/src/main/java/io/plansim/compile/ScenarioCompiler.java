package io.plansim.compile;

import io.plansim.model.Variable;
import io.plansim.model.VariableInfo;
import io.plansim.scenario.BaseField;
import io.plansim.scenario.Driver;
import io.plansim.scenario.PathSpec;
import io.plansim.scenario.ProductionKind;
import io.plansim.scenario.Satellite;
import io.plansim.scenario.SatelliteMode;
import io.plansim.scenario.Scenario;
import io.plansim.scenario.Shock;
import java.util.ArrayList;
import java.util.List;

/** Turns a validated scenario into per-year arrays once, so the kernel never interprets specs. */
public final class ScenarioCompiler {
    private ScenarioCompiler() {
    }

    public static CompiledScenario compile(Scenario s) {
        int years = s.years();
        double[] row = new double[years];

        double[] params = new double[CompiledScenario.DRIVER_ROWS * years];
        for (Driver d : Driver.values()) {
            s.drivers().get(d).fill(row, s.baseYear());
            System.arraycopy(row, 0, params, d.ordinal() * years, years);
        }

        double[] base = new double[BaseField.values().length];
        for (BaseField f : BaseField.values()) {
            base[f.ordinal()] = s.base(f);
        }

        List<Satellite> sats = s.satellites();
        int n = sats.size();
        int[] mode = new int[n];
        int[] link = new int[n];
        double[] satBase = new double[n];
        double[] satParams = new double[n * 2 * years];
        for (int i = 0; i < n; i++) {
            Satellite sat = sats.get(i);
            mode[i] = sat.mode().ordinal();
            link[i] = sat.link() == null ? -1 : Variable.byId(sat.link()).orElseThrow().ordinal();
            satBase[i] = sat.base().value();
            PathSpec primary = sat.primary();
            if (primary == null) {
                primary = new PathSpec.Constant(switch (sat.mode()) {
                    case GROWTH -> 0.0;
                    case RATIO -> Double.NaN; // the kernel keeps the base-year ratio

                    case PATH -> satBase[i];
                });
            }
            primary.fill(row, s.baseYear());
            System.arraycopy(row, 0, satParams, (i * 2) * years, years);
            PathSpec el = sat.elasticity() == null ? new PathSpec.Constant(sat.mode() == SatelliteMode.GROWTH ? 1.0 : 0.0)
                    : sat.elasticity();
            el.fill(row, s.baseYear());
            System.arraycopy(row, 0, satParams, (i * 2 + 1) * years, years);
        }

        double[] shocks = new double[(CompiledScenario.CORE_ROWS + n) * years];
        java.util.Arrays.fill(shocks, 1.0);
        for (Shock shock : s.shocks()) {
            int r = Variable.byId(shock.variable()).map(Enum::ordinal).orElseGet(() -> {
                for (int i = 0; i < n; i++) {
                    if (sats.get(i).id().equals(shock.variable())) {
                        return CompiledScenario.CORE_ROWS + i;
                    }
                }
                throw new IllegalStateException("validated shock names unknown variable " + shock.variable());
            });
            shocks[r * years + (shock.year() - s.baseYear())] *= 1 + shock.size();
        }

        List<VariableInfo> outputs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (Variable v : Variable.values()) {
            if (!v.solowOnly() || s.production() == ProductionKind.SOLOW) {
                outputs.add(v.info());
                rows.add(v.ordinal());
            }
        }
        for (int i = 0; i < n; i++) {
            Satellite sat = sats.get(i);
            outputs.add(sat.info());
            rows.add(CompiledScenario.CORE_ROWS + i);
        }
        return new CompiledScenario(s, params, shocks, base, mode, link, satBase, satParams, outputs,
                rows.stream().mapToInt(Integer::intValue).toArray());
    }
}
