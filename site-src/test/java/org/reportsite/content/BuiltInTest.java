package org.reportsite.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.testkit.SiteTree;

class BuiltInTest {
    @TempDir Path tmp;

    /** The build's list of built-in files is what the project's folders hold, byte for byte, and nothing else. */
    @ParameterizedTest
    @CsvSource({"templates, templates", "static, static", "schema, docs/schema"})
    void theBuiltInFilesAreTheProjectFolders(String kind, String folder) throws IOException {
        Map<String, byte[]> expected = walk(Path.of(folder));
        Map<String, byte[]> actual = BuiltIn.files(kind);
        assertTrue(Thread.currentThread().getContextClassLoader().getResource(BuiltIn.INDEX) != null, "the build writes " + BuiltIn.INDEX);
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) assertArrayEquals(expected.get(name), actual.get(name), name);
    }

    @Test
    void withoutTheListTheFolderIsWalked() throws IOException {
        write(tmp.resolve(BuiltIn.ROOT + "templates/layout.html"), "<html>");
        write(tmp.resolve(BuiltIn.ROOT + "templates/parts/nav.html"), "<nav>");
        write(tmp.resolve(BuiltIn.ROOT + "static/site.css"), "body{}");
        Map<String, byte[]> read = BuiltIn.read(loader(tmp), "templates");
        assertEquals(List.of("layout.html", "parts/nav.html"), List.copyOf(read.keySet()));
        assertEquals("<nav>", new String(read.get("parts/nav.html"), StandardCharsets.UTF_8));
    }

    @Test
    void theListIsReadByKindAndInItsOrder() throws IOException {
        write(tmp.resolve(BuiltIn.INDEX), "static/b.css\ntemplates/z.html\ntemplates/a/b.html\n");
        write(tmp.resolve(BuiltIn.ROOT + "templates/z.html"), "z");
        write(tmp.resolve(BuiltIn.ROOT + "templates/a/b.html"), "b");
        write(tmp.resolve(BuiltIn.ROOT + "templates/unlisted.html"), "left out");
        write(tmp.resolve(BuiltIn.ROOT + "static/b.css"), "css");
        Map<String, byte[]> read = BuiltIn.read(loader(tmp), "templates");
        assertEquals(List.of("a/b.html", "z.html"), List.copyOf(read.keySet()));
    }

    @Test
    void aListedFileTheJarLacksIsAnErrorThatSaysToBuildAgain() throws IOException {
        write(tmp.resolve(BuiltIn.INDEX), "templates/gone.html\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuiltIn.read(loader(tmp), "templates"));
        assertTrue(e.getMessage().contains("templates/gone.html") && e.getMessage().contains("mvn package"), e.getMessage());
    }

    @Test
    void aJarWithoutTheListIsAnErrorThatSaysHowToBuildIt() throws IOException {
        Path jar = tmp.resolve("old.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(BuiltIn.ROOT + "templates/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry(BuiltIn.ROOT + "templates/layout.html"));
            out.write("<html>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuiltIn.read(loader(jar), "templates"));
        assertTrue(e.getMessage().contains(BuiltIn.INDEX) && e.getMessage().contains("mvn package"), e.getMessage());
    }

    private static ClassLoader loader(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Map<String, byte[]> walk(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : SiteTree.files(root)) out.put(f, Files.readAllBytes(root.resolve(f)));
        return out;
    }
}
