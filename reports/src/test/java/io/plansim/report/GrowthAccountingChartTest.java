package io.plansim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.model.Variable;
import io.plansim.model.VariableInfo;
import io.plansim.runner.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * The report's growth-accounting chart stacks every contribution the engine outputs, so that its bars add up to real
 * GDP growth as its caption says: 100 ln(gdp_real(t)/gdp_real(t-1)) of the central path, every year. Until the trade
 * channel (ga_trade) was stacked, trade-shock's 2026 bar summed to 5.52 against 4.39.
 */
class GrowthAccountingChartTest {

    @ParameterizedTest
    @ValueSource(strings = {"yiwu/baseline", "yiwu/trade-shock"})
    void stackedContributionsAddUpToLogGrowthOfRealGdpEveryYear(String scenario) {
        ScenarioRun r = BuiltInRuns.central(scenario);
        Projection p = r.central();
        CategoryChart c = new ReportCharts(Labels.of(Lang.EN, Optional.empty())).growthAccounting(r);
        assertNotNull(c, scenario + " is a Solow scenario: it has growth accounting");
        List<String> drawn = new ArrayList<>(c.getSeriesMap().keySet());
        // every contribution the engine marks as one, named as the engine names it
        for (VariableInfo v : p.variables()) {
            if (v.changeFromYearBefore()) {
                assertTrue(drawn.contains(v.name()), v.id() + " is stacked: " + drawn);
            }
        }
        assertTrue(drawn.contains(Variable.GA_TRADE.info().name()), drawn.toString());
        int[] years = p.years();
        double[] gdp = p.series("gdp_real");
        for (int t = 1; t < years.length; t++) {
            double sum = 0;
            for (CategorySeries s : c.getSeriesMap().values()) {
                assertEquals(String.valueOf(years[t]), new ArrayList<>(s.getXData()).get(t - 1));
                sum += new ArrayList<>(s.getYData()).get(t - 1).doubleValue();
            }
            assertEquals(100 * Math.log(gdp[t] / gdp[t - 1]), sum, 1e-9, scenario + " " + years[t]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "ZH"})
    void theCaptionNamesTheTradeContribution(String lang) {
        Labels l = Labels.of(Lang.valueOf(lang), Optional.of("Noto Sans CJK SC"));
        String caption = ReportWriter.growthCaption(l, BuiltInRuns.central("yiwu/trade-shock"));
        VariableInfo trade = Variable.GA_TRADE.info();
        assertTrue(caption.contains(l.zh() ? trade.nameZh() : trade.name()), caption);
        assertTrue(caption.contains(l.zh() ? Variable.GA_TFP.info().nameZh() : Variable.GA_TFP.info().name()), caption);
    }
}
