package io.plansim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file as UTF-8 text, refusing before it parses anything: a file above the size limit, and
 * bytes that are not UTF-8 (with the line and column of the first one, so a user can find it).
 */
public final class TextFiles {
    private TextFiles() {
    }

    /** The file's text; an {@link InputException} naming {@code display} for a missing, too large or non-UTF-8 file. */
    public static String read(Path file, String display) {
        try {
            long size = Files.size(file);
            long max = Limits.current().fileBytes();
            if (size > max) {
                throw InputException.of(new SourceLocation(display, 0, 0), "", "a file of " + size + " bytes",
                        "at most " + max + " bytes; " + Limits.raise("file-bytes"));
            }
            return decode(Files.readAllBytes(file), display);
        } catch (IOException e) {
            throw InputException.of(new SourceLocation(display, 0, 0), "", "an unreadable file (" + e + ")", "a readable UTF-8 file");
        }
    }

    /** UTF-8 bytes as text, or an input error at the first byte that is not UTF-8. */
    static String decode(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the column in characters, as an editor shows it
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw InputException.of(new SourceLocation(display, line, column), "",
                    String.format("byte 0x%02X, which is not UTF-8", bytes[bad] & 0xFF),
                    "save the file as UTF-8 (with or without BOM)");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
