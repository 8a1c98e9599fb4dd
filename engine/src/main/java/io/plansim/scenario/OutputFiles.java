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
                : e instanceof java.nio.file.AccessDeniedException ? "not writable"
                // the operating system's reason ("Is a directory", "No space left on device"), not the Java exception
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : "not writable";
        return InputException.of(SourceLocation.commandLine(), "--out", "'" + where + "' (" + why + ")",
                "a folder that can be created and written");
    }

    /**
     * Checks, before any work is done, that a result file can be written at {@code file} (a command's --out FILE):
     * not a folder, not a read-only file, and under a folder that exists and is writable or can be created. An input
     * error naming {@code option} otherwise, so a long computation is not thrown away at the end. Creates nothing.
     */
    public static Path file(Path file, String option) {
        String why = null;
        if (Files.isDirectory(file)) {
            why = "a folder, not a file";
        } else if (Files.exists(file) && !Files.isWritable(file)) {
            why = "a file that is not writable";
        } else {
            Path dir = file.toAbsolutePath().normalize().getParent();
            while (dir != null && !Files.exists(dir)) {
                dir = dir.getParent(); // the nearest folder that exists: the rest is created on writing
            }
            if (dir == null || !Files.isDirectory(dir)) {
                why = "its folder " + (dir == null ? "cannot be created" : "'" + dir + "' is a file");
            } else if (!Files.isWritable(dir)) {
                why = "the folder '" + dir + "' is not writable";
            }
        }
        if (why != null) {
            throw InputException.of(SourceLocation.commandLine(), option, "'" + file + "' (" + why + ")",
                    "the name of a file to write, in a folder that can be written");
        }
        return file;
    }

    /** Writes {@code text} (UTF-8) to {@code dir/fileName} atomically. */
    public static Path write(Path dir, String fileName, String text) {
        return write(dir, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} (a workbook) to {@code dir/fileName} atomically. */
    public static Path write(Path dir, String fileName, byte[] bytes) {
        folder(dir);
        try {
            Path target = dir.resolve(fileName);
            Path tmp = Files.createTempFile(dir, "." + fileName + ".", ".partial");
            try {
                Files.write(tmp, bytes);
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
