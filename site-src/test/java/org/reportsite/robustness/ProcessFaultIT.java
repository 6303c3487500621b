package org.reportsite.robustness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.reportsite.robustness.BadInputTest.assertNoLeftovers;

/**
 * Faults with real processes, run after {@code package} against the shaded jar: a build killed with
 * SIGKILL in the middle of rendering, and two builds of the same output at once.
 */
class ProcessFaultIT {
    static final Path JAR = Path.of("target/report-site.jar");
    static final int PAGES = 400;
    static Path large;

    @BeforeAll
    static void largeContent() {
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR);
        large = Content.large(PAGES).dir();
    }

    /** {@code java -jar target/report-site.jar build ...} as a child process, its output in files. */
    static Process start(Path content, Path out, Path logs, String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "build", "--content", content.toString(), "--out", out.toString(), "--templates", "templates", "--static", "static");
        pb.redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".err").toFile());
        return pb.start();
    }

    /** Waits until the child has written at least {@code files} files into its temporary folder, and returns that folder. */
    static Path waitForRendering(Process p, Path out, int files) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("the build ended before it could be interrupted (exit " + p.exitValue() + ")");
            Optional<Path> temp = temp(out);
            if (temp.isPresent() && count(temp.get()) >= files) return temp.get();
            Thread.sleep(5);
        }
        return fail("the build never started rendering");
    }

    static Optional<Path> temp(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.filter(x -> x.getFileName().toString().startsWith("." + out.getFileName() + ".tmp-")).findFirst();
        }
    }

    static long count(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".html")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    @Test
    void aBuildKilledMidRenderLeavesThePreviousSiteByteIdenticalAndTheNextRunCleansUp() throws Exception {
        Path dir = TempDirs.create("kill");
        Path out = dir.resolve("generated-site");
        Cli first = Cli.build(Content.sample().dir(), out);
        assertEquals(0, first.exitCode(), first.all());
        Snapshot before = Snapshot.of(out);

        Process p = start(large, out, dir, "killed");
        Path temp = waitForRendering(p, out, 20);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed with SIGKILL (128 + 9)");
        long written = count(temp);
        assertTrue(written >= 20 && written < PAGES, "killed mid-render, after " + written + " of " + PAGES + " pages");

        assertEquals(before, Snapshot.of(out), "the previous site is byte-identical");
        assertTrue(Files.isDirectory(temp), "the killed build's temporary folder is still there");

        // the next run, even one that fails on its content, removes what the killed build left
        Path broken = Content.sample().dir();
        Content.replace(broken, "data/income.json", "2358198", "\"2,358,198\"");
        Cli next = Cli.build(broken, out);
        assertEquals(1, next.exitCode());
        assertFalse(Files.exists(temp), "temporary folder removed by the next run");
        assertNoLeftovers(dir);
        assertEquals(before, Snapshot.of(out));

        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        assertNoLeftovers(dir);
    }

    @Test
    void twoBuildsAtOnceDoNotCorruptEachOther() throws Exception {
        Path dir = TempDirs.create("two-builds");
        Path out = dir.resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());

        Process a = start(large, out, dir, "a");
        waitForRendering(a, out, 5);
        Process b = start(Content.sample().dir(), out, dir, "b");
        assertTrue(b.waitFor(120, TimeUnit.SECONDS));
        String bErr = Files.readString(dir.resolve("b.err"));
        assertEquals(1, b.exitValue(), bErr);
        assertTrue(bErr.contains("another build is writing") && bErr.contains("Wait for it to finish"), bErr);
        assertFalse(bErr.contains("Exception"), bErr);

        assertTrue(a.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.err")));
        Snapshot site = Snapshot.of(out);
        assertTrue(site.files().containsKey("sections/s0400.html") && site.files().containsKey("sections/s0001.html"), "the first build's whole site");
        // the sample's two pages, the generated ones and the pages of passed checks (one per category with any)
        long checkPages = site.files().keySet().stream().filter(f -> f.startsWith(org.reportsite.model.Reserved.DATA_CHECKS_FOLDER) && f.endsWith(".html")).count();
        assertTrue(checkPages > 0, "the large report's pages of passed checks");
        assertEquals(PAGES + 2 + org.reportsite.model.Reserved.Generated.values().length + checkPages,
                site.files().keySet().stream().filter(f -> f.endsWith(".html")).count(), "every page of the first build, nothing of the second");
        assertNoLeftovers(dir);
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(x -> x.getFileName().toString()).filter(n -> !n.endsWith(".out") && !n.endsWith(".err")).sorted().toList();
        }
        assertEquals(List.of(".generated-site.lock", "generated-site"), names);
    }
}
