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

    /** The failed-path warning of a table is FailedPaths' own sentence in English, with the same figures in Chinese. */
    @Test
    void theFailedPathWarningIsTheEnginesInEnglish() {
        io.plansim.aggregate.McResult run = new io.plansim.aggregate.McResult("s", 1, "mc", new int[0], java.util.List.of(), null, null,
                java.util.List.of(), new long[0], 990, 10, 7, "exports in 2026 is NaN on path 7");
        assertEquals(io.plansim.verdict.FailedPaths.check("a.yaml", run), McTables.failedPaths(run, false));
        assertEquals("1000 条蒙特卡洛路径中有 10 条（1.00%）产生无效数值，已从所有数字中剔除；第一条：exports in 2026 is NaN on path 7",
                McTables.failedPaths(run, true));
        org.junit.jupiter.api.Assertions.assertNull(McTables.failedPaths(new io.plansim.aggregate.McResult("s", 1, "mc", new int[0],
                java.util.List.of(), null, null, java.util.List.of(), new long[0], 1000, 0, -1, null), true));
    }
}
