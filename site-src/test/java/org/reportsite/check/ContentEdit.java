package org.reportsite.check;

import org.reportsite.diff.ContentCopy;
import org.reportsite.model.Finding;
import org.reportsite.site.BundledSite;
import org.reportsite.site.SiteBuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A copy of the bundled content with one value changed, and lookups of what the check then reports. */
final class ContentEdit {
    final Path dir = BundledSite.copyContent();

    /** Replaces the one occurrence of {@code from} in a content file; fails if it is not there exactly once. */
    ContentEdit replace(String file, String from, String to) {
        ContentCopy.replace(dir, file, from, to);
        return this;
    }

    /** The whole {@code "acknowledged": [...]} entry of checks.json, to remove it. */
    String acknowledgedBlock() {
        try {
            String s = Files.readString(dir.resolve("checks.json"), StandardCharsets.UTF_8);
            int start = s.indexOf("\"acknowledged\": [");
            int end = s.lastIndexOf(']');
            assertTrue(start >= 0 && end > start, "checks.json has an acknowledged list");
            return s.substring(start, end + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the file that contains {@code text} (the first one). */
    int lineOf(String file, String text) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fail("no \"" + text + "\" in " + file);
    }

    SiteBuild.Result check() { return BundledSite.check(dir); }

    static Finding finding(SiteBuild.Result r, String key) {
        return r.findings().stream().filter(f -> key.equals(f.key())).findFirst()
                .orElseGet(() -> fail("no finding with key " + key + "; findings: " + r.findings().stream().map(Finding::format).toList()));
    }

    static void assertError(Finding f, String code, String file, int line) {
        assertTrue(f.isError(), f.format());
        assertEquals(code, f.code(), f.format());
        assertEquals(file, f.location().file(), f.format());
        assertEquals(line, f.location().line(), f.format());
    }

    static boolean hasKey(SiteBuild.Result r, String key) {
        return r.findings().stream().anyMatch(f -> key.equals(f.key()));
    }
}
