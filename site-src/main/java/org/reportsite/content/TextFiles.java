package org.reportsite.content;

import org.reportsite.model.Location;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text files of an input folder as strict UTF-8 with a size limit, turning every failure into a located,
 * actionable error. Line ends are made '\n' (CRLF and a lone CR alike), so every later stage counts lines the
 * same way; a NUL character (a binary or damaged file) is refused.
 */
final class TextFiles {
    /** Larger than any real report file; protects the build from a runaway or wrong file. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private TextFiles() {}

    static String read(Path file, String shownAs) throws ContentSyntaxException {
        return read(file, shownAs, "content");
    }

    /** {@code kind} names the folder in error codes ({@code content.encoding}, {@code templates.encoding}). */
    static String read(Path file, String shownAs, String kind) throws ContentSyntaxException {
        Location where = Location.of(shownAs);
        try {
            // a named pipe or device would block the build forever, a folder cannot be read as text
            if (!Files.isRegularFile(file)) {
                throw new ContentSyntaxException(kind + ".read", where, Files.exists(file)
                        ? "not a regular file (a folder, named pipe or device)"
                        : "file cannot be read (a broken symbolic link, or it was removed during the build)",
                        "Replace it with a regular UTF-8 text file, or remove it from the " + kind + " folder.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ContentSyntaxException(kind + ".too-large", where, "file is " + size / (1024 * 1024) + " MB, over the "
                        + MAX_BYTES / (1024 * 1024) + " MB limit for a content file",
                        "Split it into smaller files, or check that this is the file you meant to add.");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = decode(bytes, shownAs, kind);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            text = normalizeLineEnds(text);
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                throw new ContentSyntaxException(kind + ".encoding", position(text, nul, shownAs), "file contains a NUL character (U+0000)",
                        "Remove it: a text file has no NUL characters (this may be a binary or damaged file).");
            }
            return text;
        } catch (AccessDeniedException e) {
            throw new ContentSyntaxException(kind + ".read", where, "file cannot be read (permission denied)",
                    "Make the file readable by the user running the build (chmod a+r).");
        } catch (IOException e) {
            throw new ContentSyntaxException(kind + ".read", where, "file cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check that the file exists and is a regular, readable file.");
        }
    }

    /** CRLF and a lone CR become LF: a file saved with old Mac line ends has lines, not one long line. */
    static String normalizeLineEnds(String text) {
        if (text.indexOf('\r') < 0) return text;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Location position(String text, int offset, String shownAs) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; col = 1; } else col++;
        }
        return new Location(shownAs, line, col);
    }

    private static String decode(byte[] bytes, String shownAs, String kind) throws ContentSyntaxException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1, col = 1;
            for (int i = 0; i < bad; i++) {
                boolean crlf = bytes[i] == '\r' && i + 1 < bad && bytes[i + 1] == '\n';
                if (bytes[i] == '\n' || (bytes[i] == '\r' && !crlf)) { line++; col = 1; } else if (!crlf && (bytes[i] & 0xC0) != 0x80) col++;
            }
            throw new ContentSyntaxException(kind + ".encoding", new Location(shownAs, line, col), "file is not valid UTF-8",
                    "Save the file as UTF-8 (it looks like another encoding, e.g. Latin-1 or UTF-16).");
        }
    }

    /** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xFF;
            int len = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
                    : lead >= 0xF0 && lead < 0xF5 ? 4 : 0;
            if (len == 0 || i + len > b.length) return i;
            for (int k = 1; k < len; k++) if ((b[i + k] & 0xC0) != 0x80) return i;
            i += len;
        }
        return b.length;
    }
}
