package io.plansim.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine code's identity follows the engine's class files and nothing else: a changed class (a rebuild of
 * changed sources under the same version) changes it; the front ends, bundled dependencies, jar metadata and
 * whether the classes sit in a jar or a folder do not.
 */
class EngineCodeTest {
    @TempDir
    Path dir;

    private static Map<String, String> engine() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("io/plansim/kernel/ProjectionKernel.class", "kernel bytes");
        files.put("io/plansim/runner/MonteCarloRunner.class", "runner bytes");
        files.put("io/plansim/scenario/areas.yaml", "areas");
        return files;
    }

    @Test
    void aChangedEngineClassChangesTheIdentityAndNothingElseDoes() throws Exception {
        String id = EngineCode.of(folder("classes", engine()));
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        assertEquals(id, EngineCode.of(folder("again", engine())), "the same classes, the same identity");

        Map<String, String> changed = engine();
        changed.put("io/plansim/runner/MonteCarloRunner.class", "runner bytes, rebuilt from changed sources");
        assertNotEquals(id, EngineCode.of(folder("changed", changed)));
        Map<String, String> added = engine();
        added.put("io/plansim/runner/NewStage.class", "x");
        assertNotEquals(id, EngineCode.of(folder("added", added)));

        // plansim.jar and the Spark engine's jar: other front ends, dependencies and metadata beside the same engine
        Map<String, String> app = engine();
        app.put("io/plansim/app/Main.class", "command line");
        app.put("io/plansim/report/HtmlReport.class", "report");
        app.put("org/apache/commons/math3/Minimized.class", "what minimizeJar kept");
        app.put("META-INF/MANIFEST.MF", "Implementation-Version: 0.1.0-SNAPSHOT");
        Map<String, String> spark = engine();
        spark.put("io/plansim/spark/SparkBatchEngine.class", "spark");
        spark.put("org/apache/commons/math3/Whole.class", "every class");
        assertEquals(id, EngineCode.of(jar("plansim.jar", app)));
        assertEquals(id, EngineCode.of(jar("plansim-spark-local.jar", spark)));
    }

    @Test
    void theRunningEngineIsIdentifiedAndALocationWithoutItIsAnError() throws Exception {
        String id = EngineCode.id();
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        assertEquals(id, EngineCode.id(), "computed once");
        Map<String, String> frontEndOnly = Map.of("io/plansim/app/Main.class", "command line");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EngineCode.of(jar("front.jar", frontEndOnly)));
        assertTrue(e.getMessage().contains("no engine classes") && e.getMessage().contains("front.jar"), e.getMessage());
    }

    private Path folder(String name, Map<String, String> files) throws Exception {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    private Path jar(String name, Map<String, String> files) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                j.putNextEntry(new JarEntry(f.getKey()));
                j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }
}
