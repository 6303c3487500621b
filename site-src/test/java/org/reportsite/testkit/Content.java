package org.reportsite.testkit;

import org.reportsite.site.SiteBuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A content folder for a test to change: a copy of the bundled report, the small {@link SampleReport}, or a
 * large synthetic one. Edits must find what they change ({@link #replace} exactly once), so a test cannot pass
 * because its edit silently did nothing. The static forms take the folder, for tests that break content in a
 * lambda over a path.
 */
public final class Content {
    /** The bundled report (read only: tests change copies). */
    public static final Path BUNDLED = Path.of("content");
    /** A second company's report (HK$, a half year to 30 September, plain figures in its prose); read only. */
    public static final Path HARBOURLINE = Path.of("site-src/test/resources/reports/harbourline");

    private final Path dir;

    private Content(Path dir) { this.dir = dir; }

    /** A content folder at {@code dir}, as it is. */
    public static Content at(Path dir) { return new Content(dir); }

    /** A copy of the bundled report in a new temporary folder. */
    public static Content bundled() { return new Content(copy(BUNDLED, TempDirs.create("content"))); }

    /** A copy of the bundled report in {@code into} (created as needed). */
    public static Content bundledInto(Path into) { return new Content(copy(BUNDLED, into)); }

    /** The small valid report of {@link SampleReport} in a new temporary folder. */
    public static Content sample() {
        Path d = TempDirs.create("sample-content");
        for (Map.Entry<String, String> e : SampleReport.files().entrySet()) write(d, e.getKey(), e.getValue());
        return new Content(d);
    }

    /** The sample with {@code pages} more pages, each with its own table and prose: large enough that building it takes a while. */
    public static Content large(int pages) {
        Content c = sample();
        c.replace("report.json", "{ \"title\": \"Notes\", \"dir\": \"notes\" },",
                "{ \"title\": \"Notes\", \"dir\": \"notes\" },\n    { \"title\": \"Sections\", \"dir\": \"sections\" },");
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            para.append("The Group's revenue and the Board's view of the Company's results, see note 1 and Note 1(a), were discussed at length. ");
        }
        for (int p = 1; p <= pages; p++) {
            String id = String.format("t%04d", p);
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 15; r++) {
                rows.append(r == 1 ? "" : ",\n").append("    { \"id\": \"r").append(r).append("\", \"label\": \"Line item ").append(r)
                    .append("\", \"values\": { \"a\": ").append(p * 1000 + r).append(", \"b\": ").append(-(p * 100 + r)).append(" } }");
            }
            c.write("data/" + id + ".json", "{\n  \"id\": \"" + id + "\",\n  \"title\": \"Table " + p + "\",\n  \"unit\": \"RMB'000\",\n"
                    + "  \"columns\": [ { \"id\": \"a\", \"label\": \"2025\" }, { \"id\": \"b\", \"label\": \"2024\" } ],\n  \"rows\": [\n" + rows + "\n  ]\n}\n");
            StringBuilder md = new StringBuilder("---\ntitle: Section " + p + "\norder: " + p + "\n---\n");
            for (int s = 1; s <= 8; s++) {
                md.append("## Part ").append(s).append("\n\n").append(para).append("Line one was {{fact:").append(id).append("/r1/a}}.\n\n");
            }
            md.append("{{table:").append(id).append("}}\n");
            c.write("narrative/sections/s" + id.substring(1) + ".md", md.toString());
        }
        return c;
    }

    public Path dir() { return dir; }

    @Override
    public String toString() { return dir.toString(); }

    /** Replaces the one occurrence of {@code from} in a file (fails the test if it is not there exactly once). */
    public Content replace(String file, String from, String to) {
        replace(dir, file, from, to);
        return this;
    }

    public Content write(String file, String text) {
        write(dir, file, text);
        return this;
    }

    /** Changes a file's text; fails the test if the change leaves it as it was. */
    public Content edit(String file, UnaryOperator<String> change) {
        edit(dir.resolve(file), change);
        return this;
    }

    public String read(String file) { return read(dir, file); }

    /** The 1-based line of the first line of a file that contains {@code text}. */
    public int lineOf(String file, String text) { return lineOf(dir, file, text); }

    /** {@code check} of this content (nothing written). */
    public SiteBuild.Result check() { return Builds.check(dir); }

    /** {@code build} of this content into {@code out}. */
    public SiteBuild.Result build(Path out) { return Builds.build(dir, out); }

    // --- the same on a folder given by its path

    public static void replace(Path dir, String file, String from, String to) {
        String s = read(dir, file);
        int i = s.indexOf(from);
        assertTrue(i >= 0 && s.indexOf(from, i + 1) < 0, "expected exactly one \"" + from + "\" in " + file);
        write(dir, file, s.substring(0, i) + to + s.substring(i + from.length()));
    }

    public static void write(Path dir, String file, String text) { write(dir, file, text.getBytes(StandardCharsets.UTF_8)); }

    public static void write(Path dir, String file, byte[] bytes) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int lineOf(Path dir, String file, String text) {
        List<String> lines = read(dir, file).lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        return fail("no line with \"" + text + "\" in " + file);
    }

    /** Changes a file's text; fails the test if the change leaves it as it was. */
    public static void edit(Path file, UnaryOperator<String> change) {
        try {
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = change.apply(before);
            assertFalse(before.equals(after), "the edit changes " + file.getFileName());
            Files.writeString(file, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree into {@code to} (created as needed) and returns {@code to}. */
    public static Path copy(Path from, Path to) {
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

    /** Removes a folder tree; fails the test when it cannot. */
    public static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
