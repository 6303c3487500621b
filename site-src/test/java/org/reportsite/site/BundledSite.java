package org.reportsite.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bundled report built once per test JVM into a temporary folder, shared by the tests that read it. */
public final class BundledSite {
    public static final Path CONTENT = Path.of("content");
    public static final Path TEMPLATES = Path.of("templates");
    public static final Path STATIC = Path.of("static");

    private static Path out;
    private static SiteBuild.Result result;

    private BundledSite() {}

    public static synchronized Path dir() {
        if (out == null) {
            try {
                Path parent = Files.createTempDirectory("bundled-site");
                out = parent.resolve("site");
                result = build(CONTENT, out);
                if (!result.ok()) {
                    throw new AssertionError("bundled report does not build: " + result.findings().stream()
                            .filter(f -> f.isError()).map(f -> f.format()).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static SiteBuild.Result result() {
        dir();
        return result;
    }

    public static SiteBuild.Result build(Path content, Path target) {
        return SiteBuild.run(new SiteBuild.Options(content, TEMPLATES, STATIC, target, true, null));
    }

    public static SiteBuild.Result check(Path content) {
        return SiteBuild.run(new SiteBuild.Options(content, TEMPLATES, STATIC, null, false, null));
    }

    public static Document page(String file) {
        try {
            Path p = dir().resolve(file);
            return Jsoup.parse(p.toFile(), "UTF-8", p.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .html file of the built site, relative and with '/' separators, sorted. */
    public static List<String> htmlFiles() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(p -> p.toString().endsWith(".html")).map(p -> dir().relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundled content in a temporary folder, to change in a test. */
    public static Path copyContent() {
        try {
            return copyTree(CONTENT, Files.createTempDirectory("content-copy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree into {@code to} (created as needed) and returns {@code to}. */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
