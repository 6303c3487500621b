package org.reportsite.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview maps request paths to files of the site folder only. */
class RequestPathTest {
    @TempDir
    Path tmp;

    @Test
    void refusesEveryFormOfLeavingTheFolder() {
        for (String raw : List.of("/../secret.txt", "/a/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
                "/..%2fsecret.txt", "/..%2Fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/%5C..%5Csecret.txt", "/./index.html",
                "/a/./b", "/%252e%252e/secret.txt", "/index.html%00.txt", "/C:/Windows/win.ini", "/file:..", "relative.html", "/%zz", "/%2")) {
            assertNull(RequestPath.decode(raw), raw);
        }
    }

    @Test
    void decodesOrdinaryPaths() {
        assertEquals("", RequestPath.decode("/"));
        assertEquals("notes/note-04.html", RequestPath.decode("/notes/note-04.html"));
        assertEquals("notes/note-04.html", RequestPath.decode("//notes//note-04.html"));
        assertEquals("a b.html", RequestPath.decode("/a%20b.html"));
        assertEquals("é.html", RequestPath.decode("/%C3%A9.html"));
    }

    @Test
    void servesFilesInsideTheFolderOnlyAndNotThroughLinksOut() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.writeString(site.resolve("index.html"), "<html></html>");
        Files.createDirectories(site.resolve("notes"));
        Files.writeString(site.resolve("notes/index.html"), "<html></html>");
        Files.createSymbolicLink(site.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("up"), tmp);
        RequestPath files = new RequestPath(site);
        assertEquals(site.resolve("index.html"), files.resolve("/").orElseThrow());
        assertEquals(site.resolve("notes/index.html"), files.resolve("/notes/").orElseThrow());
        assertTrue(files.resolve("/leak.txt").isEmpty(), "a link to a file outside");
        assertTrue(files.resolve("/up/secret.txt").isEmpty(), "a link to a folder outside");
        assertTrue(files.resolve("/missing.html").isEmpty());
    }
}
