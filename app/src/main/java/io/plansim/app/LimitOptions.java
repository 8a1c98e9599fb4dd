package io.plansim.app;

import io.plansim.scenario.Limits;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --limit NAME=VALUE}: raises one of the documented input limits (docs/ERRORS.md) for this command. */
final class LimitOptions {
    @Option(names = "--limit", paramLabel = "NAME=N",
            description = "Raise a documented limit knowingly, e.g. --limit variants=500000 (names: file-bytes, depth, extends, variants, paths, messages; see docs/ERRORS.md).")
    void limits(List<String> settings) {
        if (settings == null) {
            return;
        }
        Limits l = Limits.current();
        for (String s : settings) {
            l = l.with(s);
        }
        Limits.use(l);
    }
}
