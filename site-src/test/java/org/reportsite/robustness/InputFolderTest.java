package org.reportsite.robustness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.robustness.BadInputTest.assertEveryErrorSaysWhatToDo;
import static org.reportsite.robustness.BadInputTest.assertNoLeftovers;
import static org.reportsite.robustness.BadInputTest.assertNoStackTrace;

/**
 * Nothing outside an input folder is read: the content, the templates and the static files each hold their
 * files, and a symbolic link (of a file or a folder) that leads out of one, or a file that is not a regular
 * file, is refused with an error naming it. The secret never reaches the site, the build exits 1, and the
 * previous site stays as it was.
 */
class InputFolderTest {
    private static final String SECRET = "TOP-SECRET-" + ProcessHandle.current().pid();
    private static Path out;
    private static Snapshot before;
    private static Path secretFile;
    private static Path secretDir;

    @BeforeAll
    static void setUp() throws IOException {
        secretDir = TempDirs.create("outside");
        secretFile = secretDir.resolve("secret.txt");
        Files.writeString(secretFile, SECRET);
        Files.writeString(secretDir.resolve("secret.html"), "<p>" + SECRET + "</p>");
        out = TempDirs.create("input-folders").resolve("generated-site");
        Folders f = Folders.copy();
        Cli ok = f.build();
        assertEquals(0, ok.exitCode(), ok.all());
        before = Snapshot.of(out);
    }

    /** Fresh copies of the three input folders. */
    record Folders(Path content, Path templates, Path statics) {
        static Folders copy() {
            Path t = TempDirs.create("templates"), s = TempDirs.create("static");
            Content.copy(Builds.TEMPLATES, t);
            Content.copy(Builds.STATIC, s);
            return new Folders(Content.sample().dir(), t, s);
        }

        Cli build() {
            return Cli.run("build", "--content", content.toString(), "--out", out.toString(), "--templates", templates.toString(),
                    "--static", statics.toString());
        }
    }

    interface Breaker {
        void apply(Folders f) throws IOException;
    }

    static List<Arguments> cases() {
        List<Arguments> cs = new ArrayList<>();
        // name, breaker, expected code, where (a substring of the error line), message
        cs.add(Arguments.of("static file linked to a secret", (Breaker) f -> Files.createSymbolicLink(f.statics().resolve("leak.txt"), secretFile),
                "static.outside", "leak.txt", "outside the static folder"));
        cs.add(Arguments.of("static file linked to /etc/passwd", (Breaker) f -> Files.createSymbolicLink(f.statics().resolve("assets/passwd.css"),
                Path.of("/etc/passwd")), "static.outside", "assets/passwd.css", "outside the static folder"));
        cs.add(Arguments.of("static file linked to /proc/self/environ", (Breaker) f -> Files.createSymbolicLink(f.statics().resolve("env.txt"),
                Path.of("/proc/self/environ")), "static.outside", "env.txt", "outside the static folder"));
        cs.add(Arguments.of("static folder linked outside", (Breaker) f -> Files.createSymbolicLink(f.statics().resolve("more"), secretDir),
                "static.outside", "more", "outside the static folder"));
        cs.add(Arguments.of("static folder inside linked outside", (Breaker) f -> {
            Files.createSymbolicLink(f.statics().resolve("assets/up"), secretDir);
        }, "static.outside", "assets/up", "outside the static folder"));
        cs.add(Arguments.of("static named pipe", (Breaker) f -> BadInputTest.mkfifo(f.statics().resolve("pipe.txt")),
                "static.read", "pipe.txt", "not a regular file"));
        cs.add(Arguments.of("static file that would replace a page", (Breaker) f -> Files.writeString(f.statics().resolve("glossary.html"), "mine"),
                "static.collision", "glossary.html", "would replace the generated"));
        cs.add(Arguments.of("template linked to a secret", (Breaker) f -> Files.createSymbolicLink(f.templates().resolve("extra.html"),
                secretDir.resolve("secret.html")), "templates.outside", "extra.html", "outside the templates folder"));
        cs.add(Arguments.of("layout replaced by a link out", (Breaker) f -> {
            Files.delete(f.templates().resolve("layout.html"));
            Files.createSymbolicLink(f.templates().resolve("layout.html"), secretDir.resolve("secret.html"));
        }, "templates.outside", "layout.html", "outside the templates folder"));
        cs.add(Arguments.of("template folder linked outside", (Breaker) f -> Files.createSymbolicLink(f.templates().resolve("partials"), secretDir),
                "templates.outside", "partials", "outside the templates folder"));
        cs.add(Arguments.of("template not UTF-8", (Breaker) f -> Files.write(f.templates().resolve("extra.html"), new byte[]{'<', 'p', '>', (byte) 0xE9, '<'}),
                "templates.encoding", "extra.html", "not valid UTF-8"));
        cs.add(Arguments.of("content page linked to a secret", (Breaker) f -> Files.createSymbolicLink(f.content().resolve("narrative/notes/note-02.md"),
                secretFile), "content.outside", "narrative/notes/note-02.md", "outside the content folder"));
        cs.add(Arguments.of("content folder linked outside", (Breaker) f -> Files.createSymbolicLink(f.content().resolve("narrative/extra"), secretDir),
                "content.outside", "narrative/extra", "outside the content folder"));
        cs.add(Arguments.of("table linked to /etc/passwd", (Breaker) f -> Files.createSymbolicLink(f.content().resolve("data/passwd.json"),
                Path.of("/etc/passwd")), "content.outside", "data/passwd.json", "outside the content folder"));
        return cs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nothingOutsideAnInputFolderIsRead(String name, Breaker breaker, String code, String where, String message) throws IOException {
        Folders f = Folders.copy();
        breaker.apply(f);
        Cli r = f.build();
        assertEquals(1, r.exitCode(), name + "\n" + r.all());
        assertNoStackTrace(r);
        boolean found = r.err().lines().anyMatch(l -> l.contains("error [" + code + "]") && l.contains(where) && l.contains(message));
        assertTrue(found, "expected error [" + code + "] naming " + where + ": " + message + " in:\n" + r.err());
        assertEveryErrorSaysWhatToDo(r.err().lines().toList());
        assertFalse(r.all().contains(SECRET), "the secret was echoed");
        assertEquals(before, Snapshot.of(out), "the previous site must stay byte-identical");
        assertNoLeftovers(out.getParent());
    }
}
