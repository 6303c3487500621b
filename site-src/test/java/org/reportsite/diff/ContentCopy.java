package org.reportsite.diff;

import org.reportsite.site.BundledSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy of the bundled content to change in a test, and edits that must find what they replace. */
public final class ContentCopy {
    public static final Path BUNDLED = Path.of("content");

    private ContentCopy() {}

    public static Path of(Path into) {
        return copy(BUNDLED, into);
    }

    public static Path copy(Path from, Path into) {
        return BundledSite.copyTree(from, into);
    }

    public static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in a content file (fails the test if it is not there once). */
    public static void replace(Path content, String file, String from, String to) {
        Path p = content.resolve(file);
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            int i = s.indexOf(from);
            assertTrue(i >= 0 && s.indexOf(from, i + 1) < 0, "expected exactly one \"" + from + "\" in " + file);
            Files.writeString(p, s.substring(0, i) + to + s.substring(i + from.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path content, String file, String text) {
        try {
            Files.createDirectories(content.resolve(file).getParent());
            Files.writeString(content.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
