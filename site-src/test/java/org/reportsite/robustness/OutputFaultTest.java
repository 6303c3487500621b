package org.reportsite.robustness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.site.OutputDir;
import org.reportsite.site.OutputException;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.reportsite.robustness.BadInputTest.assertEveryErrorSaysWhatToDo;
import static org.reportsite.robustness.BadInputTest.assertNoLeftovers;
import static org.reportsite.robustness.BadInputTest.assertNoStackTrace;

/** Output folders that cannot be written, a build that is already running, and what a killed build leaves behind. */
class OutputFaultTest {

    private static Cli failsWith(Path out, String message) {
        Cli r = Cli.build(Content.sample().dir(), out);
        assertEquals(1, r.exitCode(), r.all());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("error [output]") && r.err().contains(message), r.err());
        assertEveryErrorSaysWhatToDo(r.err().lines().toList());
        return r;
    }

    @Test
    void anOutputBelowARegularFileIsAClearError() throws IOException {
        Path file = Files.createTempFile(TempDirs.create("file"), "not-a-folder", ".txt");
        failsWith(file.resolve("site"), "cannot create the folder");
        assertEquals("", Files.readString(file));
    }

    @Test
    void anOutputThatIsARegularFileIsLeftAlone() throws IOException {
        Path file = Files.createTempFile(TempDirs.create("file"), "site", ".html");
        Files.writeString(file, "mine");
        failsWith(file, "exists and is not a folder");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFolderNotWrittenByReportSiteIsNeverReplaced() throws IOException {
        Path dir = TempDirs.create("someone-elses");
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}");
        Snapshot before = Snapshot.of(dir);
        failsWith(dir, "not empty and was not written by report-site");
        assertEquals(before, Snapshot.of(dir));
    }

    @Test
    void anOutputInAFolderThatCannotBeWrittenIsAClearError() {
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !canCreateFileIn(sys), "needs a folder nobody can write in, even root");
        failsWith(sys.resolve("report-site-out"), "cannot write in /sys");
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aSecondBuildWhileOneIsWritingStopsWithAClearMessage() throws IOException {
        Path out = TempDirs.create("locked").resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        Snapshot before = Snapshot.of(out);
        try (OutputDir running = OutputDir.open(out)) {
            assertTrue(Files.isDirectory(running.temp()));
            Cli r = failsWith(out, "another build is writing");
            assertTrue(r.err().contains("Wait for it to finish"), r.err());
            assertEquals(before, Snapshot.of(out));
        }
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode(), "the lock is free again once the first build ends");
        assertNoLeftovers(out.getParent());
    }

    @Test
    void aBuildKilledInsideTheSwapIsRepairedByTheNextRunEvenAFailingOne() throws IOException {
        Path out = TempDirs.create("swap").resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        Snapshot before = Snapshot.of(out);
        // the state a kill between the two renames of the swap leaves: the site moved aside, the new one not yet in place
        Files.move(out, out.resolveSibling(".generated-site.old-1-abc"));
        Path temp = Files.createDirectories(out.resolveSibling(".generated-site.tmp-1-def"));
        Files.writeString(temp.resolve(OutputDir.MARKER), "");
        Files.writeString(temp.resolve("index.html"), "half a site");
        assertFalse(Files.exists(out));

        Path broken = Content.sample().dir();
        Content.replace(broken, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",,");
        Cli r = Cli.build(broken, out);
        assertEquals(1, r.exitCode());
        assertEquals(before, Snapshot.of(out), "the previous site is back, byte-identical");
        assertNoLeftovers(out.getParent());
    }

    /** Things named like a build's leftovers that report-site did not make: recovery must leave every one alone. */
    static List<Arguments> foreignNeighbours() {
        return List.of(
                Arguments.of(".generated-site.tmp-1-x", (Neighbour) d -> Files.writeString(Files.createDirectory(d).resolve("thesis.tex"), "mine")),
                Arguments.of(".generated-site.old-1-x", (Neighbour) d -> Files.writeString(Files.createDirectory(d).resolve("notes.txt"), "mine")),
                Arguments.of(".generated-site.tmp-2-x", (Neighbour) d -> Files.createDirectory(d)),
                Arguments.of(".generated-site.old-2-x", (Neighbour) d -> Files.writeString(d, "a file, not a folder")),
                Arguments.of(".generated-site.tmp-3-x", (Neighbour) d -> {
                    // a link to a folder that does carry the marker: the link is not ours, nor is what it points to
                    Path elsewhere = TempDirs.create("elsewhere");
                    Files.writeString(elsewhere.resolve(OutputDir.MARKER), "");
                    Files.writeString(elsewhere.resolve("precious.txt"), "mine");
                    Files.createSymbolicLink(d, elsewhere);
                }),
                Arguments.of(".generated-site.old-3-x", (Neighbour) d -> {
                    // the marker is a link, not the file report-site writes
                    Files.createDirectory(d);
                    Files.writeString(d.resolve("precious.txt"), "mine");
                    Files.createSymbolicLink(d.resolve(OutputDir.MARKER), Files.createTempFile(TempDirs.create("m"), "marker", ""));
                }));
    }

    interface Neighbour {
        void make(Path at) throws IOException;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignNeighbours")
    void recoveryTouchesOnlyFoldersThatCarryTheMarker(String name, Neighbour neighbour) throws IOException {
        Path parent = TempDirs.create("neighbours");
        Path out = parent.resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        Path foreign = parent.resolve(name);
        neighbour.make(foreign);
        Path target = Files.isSymbolicLink(foreign) ? foreign.toRealPath() : null;
        Snapshot theirs = Snapshot.of(target != null ? target : foreign);
        String before = Files.isSymbolicLink(foreign) ? Files.readSymbolicLink(foreign).toString() : null;

        // a failing build (recovery runs first) and a succeeding one (recovery under the lock)
        Path broken = Content.sample().dir();
        Content.replace(broken, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",,");
        Snapshot site = Snapshot.of(out);
        Cli failed = Cli.build(broken, out);
        assertEquals(1, failed.exitCode(), failed.all());
        assertNoStackTrace(failed);
        assertTrue(failed.err().contains("report.json:"), failed.err());
        assertEquals(site, Snapshot.of(out), "the previous site is untouched");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());

        assertTrue(Files.exists(foreign, java.nio.file.LinkOption.NOFOLLOW_LINKS), name + " was removed");
        if (before != null) assertEquals(before, Files.readSymbolicLink(foreign).toString());
        assertEquals(theirs, Snapshot.of(target != null ? target : foreign), name + " was changed");
    }

    @Test
    void aRefusedOutputLeavesNothingBehindNotEvenALockFile() throws IOException {
        Path parent = TempDirs.create("refused");
        Path mine = Files.createDirectory(parent.resolve("thesis"));
        Files.writeString(mine.resolve("thesis.tex"), "\\documentclass{article}");
        Path file = parent.resolve("site.html");
        Files.writeString(file, "mine");
        List<String> before = names(parent);
        Snapshot all = Snapshot.of(parent);
        failsWith(mine, "not empty and was not written by report-site");
        failsWith(file, "exists and is not a folder");
        // a build with content errors does not get as far as the output: it leaves nothing either
        Path broken = Content.sample().dir();
        Content.replace(broken, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",,");
        assertEquals(1, Cli.build(broken, mine).exitCode());
        assertEquals(before, names(parent), "no lock file or temporary folder next to a refused output");
        assertEquals(all, Snapshot.of(parent));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLockFileThatIsASymbolicLinkIsNotFollowed() throws IOException {
        Path parent = TempDirs.create("lock-link");
        Path victim = parent.resolve("victim.txt");
        Files.createSymbolicLink(parent.resolve(".generated-site.lock"), victim);
        Cli r = failsWith(parent.resolve("generated-site"), "no lock file can be created");
        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS), "nothing was created through the link: " + r.err());
    }

    @Test
    void theSiteFolderHasTheUsualPermissionsSoAWebServerCanReadIt() throws IOException {
        Path parent = TempDirs.create("perms");
        Path out = parent.resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        Path plain = Files.createDirectory(parent.resolve("plain"));
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("notes"))));
    }

    @Test
    void nothingIsEverWrittenOutsideTheOutputFolder() throws IOException {
        Path parent = TempDirs.create("guard");
        try (OutputDir out = OutputDir.open(parent.resolve("site"))) {
            for (String bad : List.of("../x.html", "/etc/passwd", "C:/x.html", "C:x.html", "a/../../x.html", "a\\..\\x.html", "./x.html",
                    "", "notes/../../x", "a//b.html", "..", "notes/..")) {
                assertThrows(OutputException.class, () -> out.file(bad), bad);
            }
            assertEquals(out.temp().resolve("notes/note-01.html"), out.file("notes/note-01.html"));
            assertEquals(out.temp().resolve("downloads/dataset.json"), out.file("downloads/dataset.json"));
        }
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(List.of(".site.lock"), s.map(p -> p.getFileName().toString()).toList(), "a closed, uncommitted build leaves only its lock file");
        }
    }

    @Test
    void aSucceedingBuildReplacesTheSiteAndLeavesNoTemporaryFolder() throws IOException {
        Path out = TempDirs.create("replace").resolve("generated-site");
        Path content = Content.sample().dir();
        assertEquals(0, Cli.build(content, out).exitCode());
        byte[] first = Files.readAllBytes(out.resolve("index.html"));
        Content.replace(content, "narrative/index.md", "Results at a glance.", "Results in brief.");
        assertEquals(0, Cli.build(content, out).exitCode());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(out.resolve("index.html"))));
        assertTrue(Files.readString(out.resolve("index.html")).contains("Results in brief."));
        assertNoLeftovers(out.getParent());
        assertTrue(Files.isRegularFile(out.resolve(OutputDir.MARKER)), "the site carries the marker that allows the next build to replace it");
    }
}
