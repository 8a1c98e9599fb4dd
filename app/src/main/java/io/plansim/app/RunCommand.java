package io.plansim.app;

import io.plansim.report.Workbooks;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.ProjectionTables;
import io.plansim.report.Labels;
import io.plansim.report.Lang;
import io.plansim.tables.Dictionary;
import io.plansim.tables.Tables;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim run}: the deterministic central path of a scenario, year by year. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Project a scenario year by year (deterministic central path).")
final class RunCommand implements Callable<Integer> {
    /** What the table shows unless --all: the main variables of each area. */
    static final List<String> MAIN = List.of("gdp_nominal", "gdp_real", "gdp_real_growth", "tertiary_share",
            "exports", "imports", "goods_trade", "domestic_trade", "total_trade", "goods_trade_usd",
            "population", "urbanization_rate", "energy_consumption", "energy_intensity", "co2", "income_per_capita");

    @Mixin
    ScenarioOptions options;

    @Mixin
    OutputOptions output;

    @Option(names = "--all", description = "Table format: show every variable, not only the main ones.")
    boolean all;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean workbook = output.workbook();
        boolean zh = output.zh();
        Scenario s = options.load();
        Projection p = CliForecasts.service().central(options.request()).central();
        options.warnImplausible(p);
        if (workbook) {
            output.emitWorkbook(spec.commandLine().getOut(), p.scenario(), "", () -> Workbooks.run(s, p, Main.version(), output.lang));
            return 0;
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProjectionJson.toJson(p)) + "\n";
            case CSV -> Tables.csv(ProjectionTables.wide(p, List.of()), zh);
            case TABLE -> table(s, p, all ? List.of() : MAIN, zh);
            case XLSX -> throw new IllegalStateException("written above");
        };
        output.emit(spec.commandLine().getOut(), p.scenario(), "", text);
        return 0;
    }

    /** The central path as a table, under the scenario's name, region, years, model and what real and nominal mean. */
    static String table(Scenario s, Projection p, List<String> ids, boolean zh) {
        Dictionary d = Dictionary.get();
        Labels l = Labels.forText(zh ? Lang.ZH : Lang.EN);
        return d.format("text.run.title", zh, l.scenarioName(s), zh ? l.region(s.region()) : s.region(), s.baseYear(), s.horizon(),
                d.word("text.model." + s.production().name().toLowerCase(Locale.ROOT), zh)) + "\n"
                + d.format("text.run.basis", zh, s.baseYear()) + "\n\n" + ProjectionTables.text(p, ids, zh);
    }
}
