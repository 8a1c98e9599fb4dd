package io.plansim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.model.Variable;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void withACjkFontEnglishLabelsCarryTheChineseNames() {
        Labels l = Labels.of(Lang.EN, Optional.of("Noto Sans CJK SC"));
        assertEquals("GDP 地区生产总值", l.metricChart(Variable.GDP_NOMINAL.info()));
        assertEquals("亿元, current prices", l.unitWithBasis(Variable.GDP_NOMINAL.info(), 2020));
        assertNull(l.fallbackNotice());
    }

    @Test
    void chineseLabelsUseChineseWords() {
        Labels l = Labels.of(Lang.ZH, Optional.of("Noto Sans CJK SC"));
        assertEquals(Lang.ZH, l.lang());
        assertEquals("地区生产总值", l.metricChart(Variable.GDP_NOMINAL.info()));
        assertEquals("亿元（2020年不变价）", l.unitWithBasis(Variable.GDP_REAL.info(), 2020));
        assertEquals("年份", l.chartWord("axis.year"));
    }

    @Test
    void withoutACjkFontChartTextHasNoChineseCharacters() {
        Labels l = Labels.of(Lang.ZH, Optional.empty());
        assertEquals(Lang.EN, l.lang(), "falls back to English");
        assertNotNull(l.fallbackNotice());
        assertTrue(l.fallbackNotice().contains("no CJK font"));
        for (Variable v : Variable.values()) {
            String s = l.metricChart(v.info()) + " " + l.unitWithBasis(v.info(), 2020);
            assertTrue(s.codePoints().noneMatch(c -> c >= 0x2E80), s);
        }
        assertEquals("100 million yuan, current prices", l.unitWithBasis(Variable.GDP_NOMINAL.info(), 2020));
        assertEquals("Energy intensity (per 10,000 yuan of constant-price GDP)", l.metricChart(Variable.ENERGY_INTENSITY.info()));
        assertEquals("Yiwu", l.drawable("Yiwu 义乌市"));
    }
}
