package io.plansim.app;

import io.plansim.scenario.ScenarioRepository;
import io.plansim.tables.TextTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code plansim list}: the built-in scenarios with their one-line narratives. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TextTable t = new TextTable(new boolean[] {false, false});
        t.row("scenario", "summary");
        for (ScenarioRepository.BuiltIn b : ScenarioRepository.onClasspath().index()) {
            t.row(b.name(), b.summary());
        }
        spec.commandLine().getOut().print(t.render());
        return 0;
    }
}
