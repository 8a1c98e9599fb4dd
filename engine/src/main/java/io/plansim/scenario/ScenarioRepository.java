package io.plansim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds scenario files: built-ins by name on the classpath ({@code yiwu/baseline} ->
 * {@code scenarios/yiwu/baseline.yaml}) and user files by path. A parent named in {@code extends} is looked
 * up next to the child first, then among the built-ins (a bare name in the child's own built-in folder).
 */
public final class ScenarioRepository {
    /** Classpath folder of the built-in scenarios (module {@code scenarios}). */
    public static final String ROOT = "scenarios/";
    private static final String[] EXTENSIONS = {".yaml", ".yml", ".json"};

    private final ClassLoader classLoader;

    public ScenarioRepository(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public static ScenarioRepository onClasspath() {
        return new ScenarioRepository(ScenarioRepository.class.getClassLoader());
    }

    /** A scenario's text and how to name it. {@code dir} is null for built-ins. */
    public record ScenarioText(String id, String displayFile, String text, Path dir) {
        boolean builtIn() {
            return dir == null;
        }

        String builtInFolder() {
            int slash = id.lastIndexOf('/');
            return slash < 0 ? "" : id.substring(0, slash + 1);
        }
    }

    /** Resolves a top-level reference (command line): a file path if one exists, else a built-in name. */
    public ScenarioText resolve(String ref) {
        Path file = Path.of(ref);
        if (Files.isRegularFile(file)) {
            return readFile(file);
        }
        ScenarioText builtIn = builtIn(ref);
        if (builtIn != null) {
            return builtIn;
        }
        throw InputException.of(SourceLocation.commandLine(), "scenario", "'" + ref + "' (no such file or built-in scenario)",
                Suggestions.allowed(ref, builtIns()));
    }

    /**
     * A scenario given as text (an upload, a web form): it is read as a built-in would be, so its
     * {@code extends}, {@code targets} and {@code history} can name only built-ins and nothing on disk is
     * touched, whatever the text says.
     */
    public static ScenarioText text(String name, String text) {
        return new ScenarioText(name, name, text, null);
    }

    /** A built-in by name, never a file on disk; an input error naming the built-ins when there is none. */
    public ScenarioText resolveBuiltIn(String name) {
        ScenarioText t = builtIn(name);
        if (t == null) {
            throw InputException.of(SourceLocation.commandLine(), "scenario", "'" + name + "' (no such built-in scenario)",
                    Suggestions.allowed(name, builtIns()));
        }
        return t;
    }

    /** Resolves a parent named in {@code extends} of {@code child}; null when nothing matches. */
    public ScenarioText resolveParent(String ref, ScenarioText child) {
        if (!child.builtIn()) {
            for (String candidate : withExtensions(ref)) {
                Path p = child.dir().resolve(candidate).normalize();
                if (Files.isRegularFile(p)) {
                    // named relative to the current folder, as the file at the top of the chain is
                    Path here = Path.of("").toAbsolutePath();
                    return readFile(p.startsWith(here) ? here.relativize(p) : p);
                }
            }
        } else if (!ref.contains("/")) {
            ScenarioText sibling = builtIn(child.builtInFolder() + ref);
            if (sibling != null) {
                return sibling;
            }
        }
        return builtIn(ref);
    }

    private static List<String> withExtensions(String ref) {
        List<String> out = new ArrayList<>();
        out.add(ref);
        for (String ext : EXTENSIONS) {
            out.add(ref + ext);
        }
        return out;
    }

    private ScenarioText builtIn(String name) {
        for (String ext : EXTENSIONS) {
            String resource = ROOT + name + ext;
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in != null) {
                    return new ScenarioText(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    private static ScenarioText readFile(Path file) {
        String text = TextFiles.read(file, file.toString());
        Path abs = file.toAbsolutePath().normalize();
        return new ScenarioText(file.toString(), file.toString(), text, abs.getParent());
    }

    /** What identifies a scenario text however it was named: its absolute path, or its built-in resource. */
    static String key(ScenarioText t) {
        return t.builtIn() ? t.displayFile() : t.dir().resolve(Path.of(t.displayFile()).getFileName()).toString();
    }

    /** How a scenario text is shown in a message: built-ins by resource, files relative to the current folder. */
    static String shown(ScenarioText t) {
        if (t.builtIn()) {
            return t.displayFile();
        }
        Path abs = Path.of(key(t));
        Path here = Path.of("").toAbsolutePath();
        return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
    }

    /**
     * A file a scenario refers to (its targets catalog or history): on the classpath for built-ins, on
     * disk for user files.
     */
    public record Resource(String display, Path file, String classpathName) {
    }

    /** Resolves {@code ref} next to the scenario file that named it. */
    public Resource sibling(ScenarioText from, String ref) {
        if (from.builtIn()) {
            String folder = from.displayFile().substring(0, from.displayFile().lastIndexOf('/') + 1);
            String name = ref.contains("/") ? ROOT + ref : folder + ref;
            return new Resource(name, null, name);
        }
        Path p = from.dir().resolve(ref).normalize();
        if (!Files.exists(p) && ref.contains("/")) {
            return new Resource(ROOT + ref, null, ROOT + ref);
        }
        return new Resource(p.toString(), p, null);
    }

    /** The text of a resource, or an input error naming it when it does not exist. */
    public String read(Resource r, SourceLocation namedAt, String field) {
        try {
            if (r.file() != null) {
                if (!Files.isRegularFile(r.file())) {
                    throw InputException.of(namedAt, field, "'" + r.display() + "' (no such file)", "a path relative to the scenario file");
                }
                return TextFiles.read(r.file(), r.display());
            }
            try (InputStream in = classLoader.getResourceAsStream(r.classpathName())) {
                if (in == null) {
                    // a built-in scenario and one sent as text (an upload) reach no file on disk
                    throw InputException.of(namedAt, field, "'" + r.display() + "' (no such built-in file)",
                            "a built-in file such as yiwu/" + switch (field) {
                                case "history" -> "history.csv";
                                case "regionFile" -> "region.yaml";
                                default -> "targets.yaml";
                            } + ", or, for a scenario file on disk, a file next to it");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw InputException.of(namedAt, field, "an unreadable file (" + e.getMessage() + ")", "a readable UTF-8 file");
        }
    }

    /** Names of the built-in scenarios, from {@code scenarios/index.yaml}. */
    public List<String> builtIns() {
        return index().stream().map(BuiltIn::name).toList();
    }

    /** One built-in scenario and its one-line narrative. */
    public record BuiltIn(String name, String summary) {
    }

    /** The built-in scenarios listed in {@code scenarios/index.yaml} (name -> one-line summary). */
    public List<BuiltIn> index() {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + "index.yaml")) {
            if (in == null) {
                return List.of();
            }
            LocatedDocument doc = LocatedDocument.parse(ROOT + "index.yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<BuiltIn> out = new ArrayList<>();
            doc.root().path("scenarios").fields()
                    .forEachRemaining(e -> out.add(new BuiltIn(e.getKey(), e.getValue().asText())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
