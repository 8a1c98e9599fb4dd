package io.plansim.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which engine code computed a batch's numbers, by content: the SHA-256 of the engine's class files (and its
 * resources under {@code io/plansim/}), each by its path and bytes in path order, read from where this class was
 * loaded (plansim.jar, the Spark engine's jar, or a folder of classes). The version string alone does not tell
 * two builds apart (every build of 0.1.0-SNAPSHOT says so), and a resumed batch must not publish numbers computed
 * by other code. The front ends' packages ({@link #FRONT_ENDS}) do not compute numbers and are left out, and so are
 * the dependencies a jar bundles (plansim.jar keeps only the classes it uses of some): so plansim.jar and the Spark
 * engine's jar, built from the same sources, have the same identity and one may resume what the other started
 * (docs/SPARK.md). A rebuild of unchanged sources gives the same class bytes, hence the same identity.
 */
public final class EngineCode {
    /** The packages of the front ends (command line, web page, reports and tables, Spark, benchmarks). */
    static final List<String> FRONT_ENDS = List.of("io/plansim/app/", "io/plansim/web/", "io/plansim/report/",
            "io/plansim/tables/", "io/plansim/spark/", "io/plansim/benchmarks/");

    private EngineCode() {
    }

    /** This engine's identity, {@code sha256:<hex>}, computed once per JVM. */
    public static String id() {
        return Holder.ID;
    }

    private static final class Holder {
        static final String ID = of(location());
    }

    private static Path location() {
        CodeSource source = EngineCode.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("the engine's classes were loaded from no file: its code cannot be identified");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the engine's classes were loaded from " + source.getLocation()
                    + ", which is not a file: its code cannot be identified", e);
        }
    }

    /** The identity of the engine code in a jar or a folder of classes: {@code sha256:<hex>}. */
    public static String of(Path location) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> all = Files.walk(location)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        String name = location.relativize(p).toString().replace('\\', '/');
                        if (engineFile(name)) {
                            files.put(name, Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (!e.isDirectory() && engineFile(e.getName())) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the engine's code at " + location + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no engine classes at " + location + ": its code cannot be identified");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            // the path, its end and the length before the bytes: no two sets of files give the same stream
            sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(f.getValue().length).array());
            sha.update(f.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** A file of the engine: under io/plansim/, outside the front ends' packages. */
    static boolean engineFile(String name) {
        return name.startsWith("io/plansim/") && FRONT_ENDS.stream().noneMatch(name::startsWith);
    }
}
