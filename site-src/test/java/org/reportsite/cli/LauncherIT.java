package org.reportsite.cli;

import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code report-site} launcher as a user runs it, over the shaded jar (after {@code package}), in a folder of its
 * own: the class-data archive is written after the first run that succeeds and never after one that stopped early;
 * one a check wrote is written again by the next build; the JVM maps it, picocli's classes included.
 */
class LauncherIT {
    static final Path JAR = Path.of("target/report-site.jar");
    static final String WRITING = "writing the class-data archive";

    record Run(int exit, String err) {}

    @Test
    void theArchiveIsWrittenAfterARunThatSucceededAndABuildRewritesOneACheckWrote() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/bin/bash")), "the launcher is a bash script");
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR);
        Path home = launcherHome();
        Path jsa = home.resolve("target/report-site.jsa");
        Path made = home.resolve("target/report-site.jsa.made");
        String content = Content.sample().dir().toString();
        String out = home.resolve("site").toString();

        Run stopped = run(home, "check", "--content", home.resolve("no-such-folder").toString());
        assertEquals(1, stopped.exit(), stopped.err());
        assertFalse(Files.exists(jsa), "a run that stopped early lists too few classes: no archive");
        assertFalse(stopped.err().contains(WRITING), stopped.err());

        Run check = run(home, "check", "--content", content);
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains(WRITING), check.err());
        assertTrue(Files.size(jsa) > 0);
        assertEquals("check", Files.readAllLines(made).get(2), "an archive a check wrote is marked as such");
        long checkArchive = Files.size(jsa);

        Run build = run(home, "build", "-q", "--content", content, "--out", out);
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.err().contains(WRITING), "the first build writes the archive again, with the classes that render pages");
        assertEquals("build", Files.readAllLines(made).get(2));
        assertTrue(Files.size(jsa) > checkArchive, "the build's archive holds more classes than the check's");

        Run again = run(home, "build", "-q", "--content", content, "--out", out);
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.err().contains(WRITING), again.err());
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            assertEquals(List.of("report-site.jar", "report-site.jsa", "report-site.jsa.made"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no class list or temporary archive left behind");
        }

        String log = mapped(home);
        assertTrue(log.contains("picocli.CommandLine source: shared objects file"), "picocli's classes come from the archive: " + log);
    }

    /**
     * The JVM takes nothing from an archive made for a jar at another path, not even the JDK's classes, and says nothing
     * (the launcher silences it): a checkout moved, or a JDK updated in place, writes the archive again once.
     */
    @Test
    void aCheckoutMovedOrAJdkUpdatedInPlaceWritesTheArchiveAgain() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/bin/bash")) && Files.isRegularFile(Path.of("/bin/sh")), "the launcher and the stand-in java are shell scripts");
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR);
        String content = Content.sample().dir().toString();
        Path first = launcherHome();
        Run built = run(first, "build", "-q", "--content", content, "--out", first.resolve("site").toString());
        assertEquals(0, built.exit(), built.err());
        assertTrue(built.err().contains(WRITING), built.err());

        Path moved = first.resolveSibling(first.getFileName() + "-moved");
        Files.move(first, moved);
        Run after = run(moved, "build", "-q", "--content", content, "--out", moved.resolve("site").toString());
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.err().contains(WRITING), "the archive names the jar's old path: " + after.err());
        assertTrue(mapped(moved).contains("picocli.CommandLine source: shared objects file"), "the new archive fits the new path");
        Run again = run(moved, "build", "-q", "--content", content, "--out", moved.resolve("site").toString());
        assertFalse(again.err().contains(WRITING), again.err());

        // a JDK updated in place: the same folder, another build of it (its release file says which)
        Path jdk = moved.resolve("jdk");
        Path bin = Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '" + java() + "' \"$@\"\n");
        assertTrue(bin.resolve("java").toFile().setExecutable(true));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\nJAVA_RUNTIME_VERSION=\"17.0.1+1\"\n");
        Run onJdk = run(moved, bin, "build", "-q", "--content", content, "--out", moved.resolve("site").toString());
        assertTrue(onJdk.err().contains(WRITING), "another JDK: " + onJdk.err());
        Run sameJdk = run(moved, bin, "build", "-q", "--content", content, "--out", moved.resolve("site").toString());
        assertFalse(sameJdk.err().contains(WRITING), sameJdk.err());
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.1\"\nJAVA_RUNTIME_VERSION=\"17.0.1+2\"\n");
        Run updated = run(moved, bin, "build", "-q", "--content", content, "--out", moved.resolve("site").toString());
        assertEquals(0, updated.exit(), updated.err());
        assertTrue(updated.err().contains(WRITING), "the same JDK folder, another build of the JDK: " + updated.err());
    }

    /** What the JVM loads running {@code --version} with the archive in {@code home} (-Xshare:on fails when it cannot map it). */
    private static String mapped(Path home) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + home.resolve("target/report-site.jsa"),
                "-Xshare:on", "-Xlog:class+load", "-jar", home.resolve("target/report-site.jar").toString(), "--version").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    @Test
    void whenTheJvmCannotWriteTheArchiveTheBuildSucceedsAndLaterRunsDoNotTryAgain() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/bin/bash")) && Files.isRegularFile(Path.of("/bin/sh")), "the launcher and the stand-in java are shell scripts");
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR);
        Path home = launcherHome();
        // a java that refuses to write archives, and runs everything else
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = -Xshare:dump ] && exit 1; done\nexec '" + java() + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        String content = Content.sample().dir().toString();
        Path jsa = home.resolve("target/report-site.jsa");

        Run first = run(home, bin, "build", "-q", "--content", content, "--out", home.resolve("site").toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains(WRITING), first.err());
        assertTrue(Files.exists(jsa) && Files.size(jsa) == 0, "an empty file stands in for the archive the JVM could not write");

        Run second = run(home, bin, "build", "-q", "--content", content, "--out", home.resolve("site").toString());
        assertEquals(0, second.exit(), second.err());
        assertFalse(second.err().contains(WRITING), "no second try until the jar or the JDK changes: " + second.err());
    }

    /** A folder holding the launcher and the shaded jar, as a checkout does after {@code package}. */
    private static Path launcherHome() throws IOException {
        Path home = TempDirs.create("launcher");
        Files.copy(Path.of("report-site"), home.resolve("report-site"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("target"));
        Files.copy(JAR, home.resolve("target/report-site.jar"));
        return home;
    }

    /** The launcher in {@code home} with {@code args}, the JDK running the tests first on the PATH. */
    private static Run run(Path home, String... args) throws IOException, InterruptedException {
        return run(home, Path.of(System.getProperty("java.home"), "bin"), args);
    }

    /** The launcher in {@code home} with {@code args}, {@code bin} (where it finds java) first on the PATH. */
    private static Run run(Path home, Path bin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", home.resolve("report-site").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.remove("REPORT_SITE_JAVA_OPTS");
        env.remove("REPORT_SITE_JAR");
        env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the launcher did not finish: " + command);
        String text = Files.readString(err);
        Files.delete(err);
        return new Run(p.exitValue(), text);
    }

    private static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }
}
