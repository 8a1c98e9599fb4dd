package io.plansim.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.model.Basis;
import io.plansim.target.TargetKind;
import io.plansim.verdict.Verdict;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every verdict, target kind and price basis a table writes has its Chinese word; other cells stay as they are. */
class CellWordsTest {
    private static final Dictionary D = Dictionary.get();

    @Test
    void everyCodedCellHasAChineseWord() {
        for (Verdict v : Verdict.values()) {
            assertEquals(D.word("verdict." + v.label().replace(' ', '.'), true), D.cell("verdict", v.label(), true));
        }
        for (TargetKind k : TargetKind.values()) {
            String code = k.name().toLowerCase(Locale.ROOT);
            assertEquals(D.word("cell.kind." + code, true), D.cell("kind", code, true), code);
        }
        for (Basis b : Basis.values()) {
            assertEquals(D.word("cell.basis." + b.id(), true), D.cell("basis", b.id(), true), b.id());
        }
    }

    @Test
    void englishAndOtherCellsAreLeftAsTheyAre() {
        assertEquals("on track", D.cell("verdict", "on track", false));
        assertEquals("有望实现", D.cell("verdict", "on track", true));
        assertEquals("yiwu14.gdp_nominal.2025", D.cell("id", "yiwu14.gdp_nominal.2025", true));
        assertEquals("level", D.cell("name", "level", true), "a word only in its own column");
    }
}
