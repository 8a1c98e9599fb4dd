package io.plansim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a result file so that a reader never sees half of it: the text goes to a temporary file in the
 * same folder, which is then moved over the target in one step. Used by every command's output and by batch
 * tasks, which may run twice (a retried or speculative Spark task): the second move replaces the first file whole.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Creates the output folder (and its parents), or refuses it as bad usage naming --out: a file in its
     * place or a folder that cannot be written is the user's to fix, not an internal failure.
     */
    public static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new java.nio.file.AccessDeniedException(dir.toString());
            }
            return dir;
        } catch (IOException e) {
            throw refused(dir, e);
        }
    }

    private static InputException refused(Path where, IOException e) {
        String why = e instanceof java.nio.file.FileAlreadyExistsException ? "a file, not a folder"
                : e instanceof java.nio.file.AccessDeniedException ? "not writable" : e.toString();
        return InputException.of(SourceLocation.commandLine(), "--out", "'" + where + "' (" + why + ")",
                "a folder that can be created and written");
    }

    /** Writes {@code text} (UTF-8) to {@code dir/fileName} atomically. */
    public static Path write(Path dir, String fileName, String text) {
        folder(dir);
        try {
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
            throw refused(dir.resolve(fileName), e);
        }
    }
}
