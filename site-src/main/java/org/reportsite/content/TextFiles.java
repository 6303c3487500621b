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

/** Reads content files as strict UTF-8 with a size limit, turning every failure into a located, actionable error. */
final class TextFiles {
    /** Larger than any real report file; protects the build from a runaway or wrong file. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private TextFiles() {}

    static String read(Path file, String shownAs) throws ContentSyntaxException {
        Location where = Location.of(shownAs);
        try {
            // a named pipe or device would block the build forever, a folder cannot be read as text
            if (!Files.isRegularFile(file)) {
                throw new ContentSyntaxException("content.read", where, Files.exists(file)
                        ? "not a regular file (a folder, named pipe or device)"
                        : "file cannot be read (a broken symbolic link, or it was removed during the build)",
                        "Replace it with a regular UTF-8 text file, or remove it from the content folder.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ContentSyntaxException("content.too-large", where, "file is " + size / (1024 * 1024) + " MB, over the "
                        + MAX_BYTES / (1024 * 1024) + " MB limit for a content file",
                        "Split it into smaller files, or check that this is the file you meant to add.");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = decode(bytes, shownAs);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (AccessDeniedException e) {
            throw new ContentSyntaxException("content.read", where, "file cannot be read (permission denied)",
                    "Make the file readable by the user running the build (chmod a+r).");
        } catch (IOException e) {
            throw new ContentSyntaxException("content.read", where, "file cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check that the file exists and is a regular, readable file.");
        }
    }

    private static String decode(byte[] bytes, String shownAs) throws ContentSyntaxException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1, col = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') { line++; col = 1; } else if ((bytes[i] & 0xC0) != 0x80) col++;
            }
            throw new ContentSyntaxException("content.encoding", new Location(shownAs, line, col), "file is not valid UTF-8",
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
