package org.reportsite.robustness;

import org.junit.jupiter.api.Test;
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
        Files.writeString(temp.resolve("index.html"), "half a site");
        assertFalse(Files.exists(out));

        Path broken = Content.sample().dir();
        Content.replace(broken, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",,");
        Cli r = Cli.build(broken, out);
        assertEquals(1, r.exitCode());
        assertEquals(before, Snapshot.of(out), "the previous site is back, byte-identical");
        assertNoLeftovers(out.getParent());
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
