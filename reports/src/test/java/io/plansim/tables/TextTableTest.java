package io.plansim.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terminal tables line up by display width: a Chinese character is two columns, a combining mark none. */
class TextTableTest {
    @Test
    void displayWidthFollowsEastAsianWidth() {
        assertEquals(3, TextTable.displayWidth("abc"));
        assertEquals(4, TextTable.displayWidth("义乌"));
        assertEquals(12, TextTable.displayWidth("地区生产总值"));
        assertEquals(8, TextTable.displayWidth("（美元）"), "fullwidth parentheses");
        assertEquals(4, TextTable.displayWidth("：，"), "fullwidth punctuation");
        assertEquals(4, TextTable.displayWidth("。、"), "ideographic punctuation");
        assertEquals(2, TextTable.displayWidth("\u3000"), "ideographic space");
        assertEquals(10, TextTable.displayWidth("アイウエオ"), "katakana");
        assertEquals(4, TextTable.displayWidth("한국"), "Hangul");
        assertEquals(2, TextTable.displayWidth("Ａ"), "fullwidth Latin");
        assertEquals(1, TextTable.displayWidth("ｱ"), "halfwidth katakana");
        assertEquals(2, TextTable.displayWidth("\uD840\uDC00"), "an ideograph outside the basic plane (U+20000)");
        assertEquals(2, TextTable.displayWidth("\uD83D\uDE00"), "an emoji wide by default (U+1F600)");
        assertEquals(8, TextTable.displayWidth("“义新欧”"), "East Asian Ambiguous quotes are narrow");
        assertEquals(3, TextTable.displayWidth("±≥×"), "ambiguous signs are narrow");
        assertEquals(1, TextTable.displayWidth("e\u0301"), "a combining accent takes no column");
        assertEquals(0, TextTable.displayWidth("\uFEFF\u200D"), "byte-order mark and zero-width joiner");
        assertEquals(18, TextTable.displayWidth("吨标准煤/万元 real"));
    }

    @Test
    void columnsAfterChineseCellsStartAtTheSameTerminalColumn() {
        String out = new TextTable(new boolean[] {false, false, true, false})
                .row("变量", "指标", "2035", "判断")
                .row("gdp_nominal", "地区生产总值", "4083", "有望实现")
                .row("goods_trade_usd", "货物进出口总额（美元）", "1473", "at risk")
                .row("x", "“义新欧”班列", "12", "e\u0301")
                .render();
        List<String> lines = out.lines().toList();
        assertEquals(15 + 2 + 22 + 2 + 4 + 2 + 8, lines.get(1).length(), "the rule spans the widest cell of every column");
        for (String line : List.of(lines.get(0), lines.get(2), lines.get(3), lines.get(4))) {
            String[] cells = line.split(" {2,}");
            // the fourth column starts after the widest cell of every column before it and two spaces each
            int start = TextTable.displayWidth(line) - TextTable.displayWidth(cells[cells.length - 1]);
            assertEquals(15 + 2 + 22 + 2 + 4 + 2, start, line);
            // the right-aligned third column ends at the same place in every line
            int end = TextTable.displayWidth(line.substring(0, line.lastIndexOf(cells[2]) + cells[2].length()));
            assertEquals(15 + 2 + 22 + 2 + 4, end, line);
        }
    }
}
