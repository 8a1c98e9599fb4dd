package io.plansim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the built-in Yiwu baseline thousands of times (deleted, duplicated and truncated lines, values
 * replaced by extreme numbers, wrong types, stray characters) and runs each through the command line:
 * every run must end with exit code 0 or 2 (a located message), never an internal failure.
 * The mutations are seeded, so a failure is reproducible; its file is printed.
 */
class ScenarioFuzzTest {
    private static final String[] VALUES = {"0", "-1", "1e308", "-1e308", "8", "100", "0.5", "abc", "\"\"", "[]", "{}",
            "null", "true", "2020", "3000", "1899", "NaN", ".inf", "-0.99", "{anchors: {}}", "{2021-2020: 1}", "１２"};

    @TempDir
    Path dir;

    @Test
    void mutatedScenariosEndWithZeroOrTwo() throws IOException {
        String base;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/yiwu/baseline.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        base = base.replace("targets: targets.yaml", "targets: yiwu/targets.yaml").replace("history: history.csv", "history: yiwu/history.csv");
        Random random = new Random(20261122L);
        int runs = 3000;
        int zeros = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String mutated = mutate(base, random);
            Path file = dir.resolve("m" + i + ".yaml");
            Files.writeString(file, mutated, StandardCharsets.UTF_8);
            RunCommandTest.Result r = RunCommandTest.plansim("run", file.toString(), "--format", "json");
            if (r.code() == 0) {
                zeros++;
            } else if (r.code() != 2 || r.err().contains("\tat ") || !r.err().startsWith("error: ")) {
                failures.add("mutation " + i + " exit " + r.code() + ": " + r.err().lines().findFirst().orElse("") + "\n" + mutated);
                if (failures.size() > 3) {
                    break;
                }
            } else {
                Files.delete(file);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(zeros > 0 && zeros < runs, "some mutations stay valid, most do not: " + zeros);
    }

    private static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(i, line.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
                    }
                }
                case 3 -> lines.set(i, line.replaceFirst("\\d+(\\.\\d+)?", VALUES[r.nextInt(VALUES.length)]));
                case 4 -> lines.set(i, line.isEmpty() ? line : line.substring(0, r.nextInt(line.length())));
                case 5 -> lines.set(i, " " + line);
                default -> {
                    return String.join("\n", lines.subList(0, i));
                }
            }
        }
        return String.join("\n", lines);
    }
}
