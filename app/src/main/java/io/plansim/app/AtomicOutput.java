package io.plansim.app;

import io.plansim.scenario.OutputFiles;
import java.nio.file.Path;

/** The commands' name for {@link OutputFiles}: results written whole or not at all, a bad --out refused. */
final class AtomicOutput {
    private AtomicOutput() {
    }

    static Path folder(Path dir) {
        return OutputFiles.folder(dir);
    }

    /** A result file's path checked before the work (see {@link OutputFiles#file}). */
    static Path file(Path file, String option) {
        return OutputFiles.file(file, option);
    }

    static Path write(Path dir, String fileName, String text) {
        return OutputFiles.write(dir, fileName, text);
    }

    /** As above, for bytes (a workbook). */
    static Path write(Path dir, String fileName, byte[] bytes) {
        return OutputFiles.write(dir, fileName, bytes);
    }
}
