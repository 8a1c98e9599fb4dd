package io.plansim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plansim.evaluation.PlanRecord;
import io.plansim.scenario.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of the plan record (scenarios/reference/plans/plan-record.csv) quotes its seed verbatim at the cited line,
 * for the target and for the outcome; "met" follows from the comparator, value and outcome; and where the seed states
 * its own verdict (Jinhua's 完成情况 column) the record agrees with it.
 */
class PlanRecordProvenanceTest {
    private static final List<PlanRecord.Row> ROWS = PlanRecord.builtIn();

    @Test
    void everyQuoteIsOnItsLine() throws Exception {
        assertEquals(54, ROWS.size());
        for (PlanRecord.Row r : ROWS) {
            for (Source s : List.of(r.target(), r.outcomeSource())) {
                String line = CatalogProvenanceTest.line(s.file(), s.line());
                assertNotNull(line, r.indicator() + ": " + s.file() + ":" + s.line());
                assertTrue(!s.quote().isBlank() && line.contains(s.quote()), r.indicator() + ": " + s.file() + ":" + s.line()
                        + " does not contain '" + s.quote() + "'");
            }
        }
    }

    @Test
    void metFollowsFromTheComparatorAndTheSeedsVerdictAgrees() {
        for (PlanRecord.Row r : ROWS) {
            if (!Double.isNaN(r.outcome())) {
                boolean met = switch (r.comparator()) {
                    case ">=" -> r.outcome() >= r.value();
                    case ">" -> r.outcome() > r.value();
                    case "<=" -> r.outcome() <= r.value();
                    case "<" -> r.outcome() < r.value();
                    default -> throw new AssertionError(r.indicator() + ": comparator " + r.comparator());
                };
                assertEquals(met, r.met(), r.indicator());
            } else {
                // no figure: only where the seed reports the target met in words
                assertEquals("能完成目标", r.reported(), r.indicator());
                assertTrue(r.met(), r.indicator());
            }
            if (r.plan().equals("jinhua12")) {
                assertEquals(!r.met(), r.reported().equals("未完成"), r.indicator() + ": the seed's verdict " + r.reported());
            }
        }
    }
}
