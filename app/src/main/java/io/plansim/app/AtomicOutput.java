package io.plansim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a result file so that a reader never sees half of it: the text goes to a temporary file in the
 * same folder, which is then moved over the target in one step.
 */
final class AtomicOutput {
    private AtomicOutput() {
    }

    static Path write(Path dir, String fileName, String text) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName);
            Path tmp = Files.createTempFile(dir, "." + fileName + ".", ".partial");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    // createTempFile makes the file private (600); a result is an ordinary file (644)
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: keep the default
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }
}
