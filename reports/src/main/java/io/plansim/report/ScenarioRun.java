package io.plansim.report;

import io.plansim.aggregate.McResult;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.target.History;
import io.plansim.verdict.TargetVerdict;
import java.util.List;

/**
 * One scenario's results, as the report needs them: the scenario itself (for its assumptions), the
 * deterministic central path, the Monte Carlo result, the target verdicts (with probabilities) and the
 * actual figures of its history file.
 */
public record ScenarioRun(Scenario scenario, Projection central, McResult mc, List<TargetVerdict> verdicts,
                          History history) {
    public ScenarioRun {
        verdicts = List.copyOf(verdicts);
    }

    /** File-name form of the scenario id: yiwu/baseline -> yiwu-baseline, my-scenario.yaml -> my-scenario. */
    public String slug() {
        return slug(scenario.id());
    }

    public static String slug(String id) {
        String s = id.replace('\\', '/');
        boolean file = s.endsWith(".yaml") || s.endsWith(".yml") || s.endsWith(".json");
        if (file) {
            s = s.substring(s.lastIndexOf('/') + 1).replaceFirst("\\.(ya?ml|json)$", "");
        }
        s = s.replace('/', '-').replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "scenario" : s;
    }
}
