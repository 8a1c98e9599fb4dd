package io.plansim.service;

import java.nio.file.Path;

/** Where a scenario comes from: a built-in name, a file the user named, or text held in memory. */
public sealed interface ScenarioSource {
    /** A built-in scenario ({@code yiwu/baseline}); never a path on disk. */
    record BuiltIn(String name) implements ScenarioSource {
    }

    /** A scenario file on disk, named by the user of a command line. */
    record File(Path path) implements ScenarioSource {
    }

    /** Scenario text held in memory (an upload): it may extend built-ins only; nothing on disk is read. */
    record Text(String name, String yaml) implements ScenarioSource {
    }

    static ScenarioSource builtIn(String name) {
        return new BuiltIn(name);
    }

    static ScenarioSource text(String name, String yaml) {
        return new Text(name, yaml);
    }
}
