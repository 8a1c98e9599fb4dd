package io.plansim.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plansim.scenario.InputException;
import org.junit.jupiter.api.Test;

/** A bad history row is reported at its own line, the last row included (it was reported a line late). */
class HistoryLinesTest {
    private static final String HEADER = "region,year,metric,value,unit,basis,status,source_file,source_line,quote,note\n";
    private static final String GOOD = "T,2021,gdp_nominal,1,亿元,nominal,used,,,,made-up\n";
    private static final String BAD = "T,2022,gdp_nominal,1,亿元,nominal,usde,,,,made-up\n";

    @Test
    void aBadRowIsReportedAtItsLine() {
        assertEquals(2, badLine(HEADER + BAD + GOOD));
        assertEquals(3, badLine(HEADER + GOOD + BAD));
        assertEquals(3, badLine(HEADER + GOOD + BAD.strip()));
        assertEquals(4, badLine(HEADER + GOOD + GOOD + BAD));
    }

    private static int badLine(String csv) {
        InputException e = assertThrows(InputException.class, () -> History.parse("h.csv", csv));
        return e.problems().get(0).location().line();
    }
}
