package org.reportsite.serve;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "%2e%2e", "%2E.", ".%2e", "%2f", "%5c", "\\", "%00", "%25", "C:", "a:b", "%", "%z1", "%c3%a9"),
                Arbitraries.strings().withChars("abz09-_.%/\\:é").ofMaxLength(6));
        return segment.list().ofMaxSize(5).map(l -> "/" + String.join("/", l));
    }

    /** Whatever is asked, a path that is not refused is a plain relative path: no dot segment, separator trick, drive or NUL. */
    @Property(tries = 2000)
    void anAcceptedPathNeverLeavesTheFolder(@ForAll("requests") String raw) {
        String p = RequestPath.decode(raw);
        if (p == null) return;
        assertFalse(p.startsWith("/") || p.contains("\\") || p.contains(":") || p.indexOf('\0') >= 0, raw + " → " + p);
        for (String seg : p.split("/", -1)) assertFalse(p.isEmpty() ? false : seg.isEmpty() || seg.equals(".") || seg.equals(".."), raw + " → " + p);
    }

    @Provide
    Arbitrary<String> plainPaths() {
        return Arbitraries.strings().withChars("abcxyz0129-_é中").ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join("/", l) + ".html");
    }

    /** A plain path reads the same whether its characters are written as they are or percent-encoded (a dot never is: %2e is refused). */
    @Property
    void percentEncodingDecodesToThePathItself(@ForAll("plainPaths") String path) {
        StringBuilder encoded = new StringBuilder("/");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || c == '.' || (c < 0x80 && Character.isLetterOrDigit(c) && c % 2 == 0)) encoded.append(c);
            else encoded.append('%').append(String.format("%02X", b & 0xff));
        }
        assertEquals(path, RequestPath.decode("/" + path));
        assertEquals(path, RequestPath.decode(encoded.toString()));
    }
}
