package io.plansim.batch;

import java.util.List;
import java.util.Map;

/**
 * A batch of scenario variants: per run, a scenario, its variants (the cartesian product of a grid of
 * overrides, and/or an explicit list), a path count and a seed policy. Parsed once by {@link BatchReader}.
 */
public record BatchSpec(String name, List<Run> runs) {
    public BatchSpec {
        runs = List.copyOf(runs);
    }

    /** Common random numbers (one seed for every variant) or a seed derived per variant. */
    public enum SeedPolicy { FIXED, DERIVED }

    /**
     * One scenario's variants. Each variant is an ordered map of --set path to value text. {@code at} is where
     * the run's scenario is named in the batch file, {@code keys} where each override path is written (so a
     * variant's error points at the batch file, not at the command line).
     */
    public record Run(String scenario, long paths, long seed, SeedPolicy seedPolicy, List<Map<String, String>> variants,
                      io.plansim.scenario.SourceLocation at, Map<String, io.plansim.scenario.SourceLocation> keys) {
        public Run {
            variants = List.copyOf(variants);
            keys = Map.copyOf(keys);
        }
    }

    public int variantCount() {
        return runs.stream().mapToInt(r -> r.variants().size()).sum();
    }
}
