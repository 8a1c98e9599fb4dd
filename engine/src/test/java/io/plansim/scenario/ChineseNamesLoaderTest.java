package io.plansim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.TestScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** name_zh and narrative_zh: read, inherited with the name, and never kept from a parent the child renamed. */
class ChineseNamesLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aChildInheritsTheChineseNameOnlyWithTheName() throws Exception {
        Path parent = dir.resolve("parent.yaml");
        Files.writeString(parent, "extends: test/minimal\nname: Parent\nname_zh: 父情景\nnarrative: story\nnarrative_zh: 故事\n",
                StandardCharsets.UTF_8);
        Scenario p = TestScenarios.load(parent.toString());
        assertEquals("父情景", p.nameZh());
        assertEquals("故事", p.narrativeZh());

        Path same = dir.resolve("same.yaml");
        Files.writeString(same, "extends: parent.yaml\n", StandardCharsets.UTF_8);
        assertEquals("父情景", TestScenarios.load(same.toString()).nameZh(), "no new name: the parent's names");

        Path renamed = dir.resolve("renamed.yaml");
        Files.writeString(renamed, "extends: parent.yaml\nname: Child\n", StandardCharsets.UTF_8);
        Scenario c = TestScenarios.load(renamed.toString());
        assertEquals("Child", c.nameZh(), "renamed in English only: not the parent's Chinese name");
        assertEquals("故事", c.narrativeZh(), "the narrative, not retold, is inherited in both languages");

        Path both = dir.resolve("both.yaml");
        Files.writeString(both, "extends: parent.yaml\nname: Child\nname_zh: 子情景\n", StandardCharsets.UTF_8);
        assertEquals("子情景", TestScenarios.load(both.toString()).nameZh());
    }
}
