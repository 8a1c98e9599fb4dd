package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The calibration file's provenance names the commit of the tree that fitted it, or says why it cannot. */
class PanelCalibrationTest {
    @Test
    void theCommitIsAGitIdOrASentenceSayingWhyNot() {
        String c = PanelCalibration.gitCommit();
        assertTrue(c.matches("[0-9a-f]{40}( \\+ uncommitted changes| \\(whether .*\\))?") || c.startsWith("unknown: "), c);
    }
}
