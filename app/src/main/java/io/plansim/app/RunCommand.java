package io.plansim.app;

import io.plansim.report.Workbooks;
import io.plansim.runner.Projection;
import io.plansim.scenario.Scenario;
import io.plansim.tables.ProjectionJson;
import io.plansim.tables.ProjectionTables;
import io.plansim.tables.TextTable;
import java.nio.file.Path;
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
        Scenario s = options.load();
        Projection p = CliForecasts.service().central(options.request()).central();
        options.warnImplausible(p);
        if (workbook) {
            output.emitWorkbook(spec.commandLine().getOut(), p.scenario(), "", () -> Workbooks.run(s, p, Main.version(), output.lang));
            return 0;
        }
        String text = switch (output.format) {
            case JSON -> ProjectionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProjectionJson.toJson(p)) + "\n";
            case CSV -> ProjectionTables.wide(p, List.of()).write().toString("csv");
            case TABLE -> table(s, p, all ? List.of() : MAIN);
            case XLSX -> throw new IllegalStateException("written above");
        };
        output.emit(spec.commandLine().getOut(), p.scenario(), "", text);
        return 0;
    }


    static String table(Scenario s, Projection p, List<String> ids) {
        return s.title() + " (" + s.region() + ", " + s.baseYear() + "-" + s.horizon() + ", model " + s.production().name().toLowerCase(Locale.ROOT) + ")\n"
                + "real = constant " + s.baseYear() + " prices; nominal = current prices. --all shows every variable; --format json|csv for machine-readable output.\n\n"
                + grid(p, ids);
    }

    /** A projection's variables (every one, or {@code ids}) by year: id, Chinese name, unit with its basis, values. */
    static String grid(Projection p, List<String> ids) {
        int years = p.years().length;
        boolean[] right = new boolean[3 + years];
        java.util.Arrays.fill(right, 3, right.length, true);
        TextTable t = new TextTable(right);
        String[] header = new String[3 + years];
        header[0] = "variable";
        header[1] = "指标";
        header[2] = "unit";
        for (int y = 0; y < years; y++) {
            header[3 + y] = String.valueOf(p.years()[y]);
        }
        t.row(header);
        List<Integer> rows = ids.isEmpty() ? java.util.stream.IntStream.range(0, p.variables().size()).boxed().toList()
                : ids.stream().map(p::indexOf).filter(i -> i >= 0).toList();
        for (int r : rows) {
            var v = p.variables().get(r);
            String[] cells = new String[3 + years];
            cells[0] = v.id();
            cells[1] = v.nameZh();
            cells[2] = v.unit() + (v.basis() == io.plansim.model.Basis.NONE ? "" : " " + (v.basis() == io.plansim.model.Basis.REAL ? "real" : "nominal"));
            for (int y = 0; y < years; y++) {
                cells[3 + y] = io.plansim.tables.Format.num(p.values()[r][y]);
            }
            t.row(cells);
        }
        return t.render();
    }

}
