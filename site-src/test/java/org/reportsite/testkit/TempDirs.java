package org.reportsite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of the tests, all under one root that is removed when the test JVM exits. */
public final class TempDirs {
    private static Path root;

    private TempDirs() {}

    /** A new empty folder. */
    public static synchronized Path create(String prefix) {
        try {
            if (root == null) {
                root = Files.createTempDirectory("report-site-tests");
                Path r = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(r)));
            }
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path for a folder that does not exist yet (an output folder a build creates). */
    public static Path fresh(String prefix) { return create(prefix).resolve("site"); }

    /** Removes a folder and everything in it; best effort (a leftover temporary folder is harmless). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
