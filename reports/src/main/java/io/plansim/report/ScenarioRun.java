package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.analysis.Sensitivity;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.target.History;
import io.plansim.verdict.TargetVerdict;
import java.util.List;

/**
 * One scenario's results, as the report needs them: the scenario itself (for its assumptions), the
 * deterministic central path, the Monte Carlo result, the target verdicts (with probabilities), the
 * actual figures of its history file, and the tornado bars of {@code tornadoOutput} (empty when the
 * scenario has no uncertain parameters) with the output at every parameter's median.
 */
public record ScenarioRun(Scenario scenario, Projection central, McResult mc, List<TargetVerdict> verdicts,
                          History history, List<Sensitivity.Bar> tornado, String tornadoOutput,
                          double tornadoCentral) {
    public ScenarioRun {
        verdicts = List.copyOf(verdicts);
        tornado = List.copyOf(tornado);
    }

    /** A run without a sensitivity analysis. */
    public ScenarioRun(Scenario scenario, Projection central, McResult mc, List<TargetVerdict> verdicts, History history) {
        this(scenario, central, mc, verdicts, history, List.of(), null, Double.NaN);
    }

    /**
     * The central figure of a variable in year index t: the deterministic central path, the same figure the
     * target verdicts, tables and charts use (the Monte Carlo median is shown only as a percentile). NaN when
     * the scenario does not project the variable.
     */
    public double centralFigure(String metric, int t) {
        int row = central.indexOf(metric);
        return row < 0 ? Double.NaN : central.values()[row][t];
    }

    /** File-name form of the scenario id: yiwu/baseline -> yiwu-baseline, my-scenario.yaml -> my-scenario. */
    public String slug() {
        return slug(scenario.runId());
    }

    /**
     * A file-name stem for a run: {@code yiwu/baseline} gives {@code yiwu-baseline}, a file its base name, and a
     * what-if's overrides follow ({@code yiwu/baseline [trade.exportTrend+=-0.03]} gives
     * {@code yiwu-baseline--trade.exportTrend+-0.03}; = becomes _ and *= becomes x), so two what-ifs never write to the same file. Stems
     * longer than 100 characters keep their first 80 and a hash of the whole.
     */
    public static String slug(String runId) {
        String id = runId;
        String whatIf = "";
        int bracket = runId.indexOf(" [");
        if (bracket > 0 && runId.endsWith("]")) {
            id = runId.substring(0, bracket);
            whatIf = "--" + runId.substring(bracket + 2, runId.length() - 1).replace(", ", "--")
                    .replace("+=", "+").replace("*=", "x").replace("=", "_").replaceAll("[^A-Za-z0-9._+-]", "_");
        }
        String s = id.replace('\\', '/');
        boolean file = s.endsWith(".yaml") || s.endsWith(".yml") || s.endsWith(".json");
        if (file) {
            s = s.substring(s.lastIndexOf('/') + 1).replaceFirst("\\.(ya?ml|json)$", "");
        }
        s = s.replace('/', '-').replaceAll("[^A-Za-z0-9._-]", "_");
        s = (s.isEmpty() ? "scenario" : s) + whatIf;
        if (s.length() > 100) {
            s = s.substring(0, 80) + "-" + Integer.toHexString(runId.hashCode());
        }
        return s;
    }
}
