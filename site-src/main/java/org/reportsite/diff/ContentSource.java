package org.reportsite.diff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One side of a diff: a content folder, or the content folder of a git revision extracted into a
 * temporary folder (removed again on {@link #close()}).
 *
 * @param label    how the side is named in the report (the folder, or the revision and its short hash)
 * @param dir      the content folder to load
 * @param revision the full commit hash for a revision, null for a folder
 */
public record ContentSource(String label, Path dir, String revision, boolean temporary) implements AutoCloseable {
    /** Where the content lives inside a revision unless the argument says otherwise ({@code REV:PATH}). */
    public static final String DEFAULT_PATH = "content";

    /**
     * Resolves an argument: an existing folder is a content folder (or a checkout holding {@code content/});
     * anything else is read as a git revision of {@code repo}: {@code REV} or {@code REV:PATH}.
     */
    public static ContentSource resolve(String arg, Path repo) throws SourceException {
        Path asDir = Path.of(arg);
        if (Files.isDirectory(asDir)) {
            Path dir = !Files.exists(asDir.resolve("report.json")) && Files.exists(asDir.resolve(DEFAULT_PATH).resolve("report.json"))
                    ? asDir.resolve(DEFAULT_PATH) : asDir;
            return new ContentSource(dir.toString(), dir, null, false);
        }
        int colon = arg.indexOf(':');
        String rev = colon > 0 ? arg.substring(0, colon) : arg;
        String path = colon > 0 ? arg.substring(colon + 1).replaceAll("^/+|/+$", "") : DEFAULT_PATH;
        if (rev.isBlank() || rev.startsWith("-")) throw notFound(arg);
        Git git = new Git(repo);
        Git.Output sha = git.run("rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
        if (sha.exit() != 0) {
            Git.Output inRepo = git.run("rev-parse", "--git-dir");
            if (inRepo.exit() != 0) {
                throw new SourceException("\"" + arg + "\" is not a folder, and " + repo.toAbsolutePath().normalize()
                        + " is not a git repository to look it up as a revision", true);
            }
            throw notFound(arg);
        }
        String commit = sha.text();
        String shortHash = commit.substring(0, Math.min(12, commit.length()));
        String label = commit.startsWith(rev.toLowerCase(java.util.Locale.ROOT)) ? shortHash : rev + " (" + shortHash + ")";
        Git.Output type = git.run("cat-file", "-t", commit + ":" + path);
        if (type.exit() != 0 || !type.text().equals("tree")) {
            throw new SourceException("revision " + label + " has no folder \"" + path + "\"; name the content folder as "
                    + rev + ":PATH", false);
        }
        Git.Output zip = git.run("archive", "--format=zip", commit + ":" + path);
        if (zip.exit() != 0) throw new SourceException("git archive of " + label + " failed: " + zip.stderr(), false);
        Path dir;
        try {
            dir = Files.createTempDirectory("report-site-diff-");
            extract(zip.stdout(), dir);
        } catch (IOException e) {
            throw new SourceException("cannot extract " + label + " into a temporary folder: " + e.getMessage(), false);
        }
        return new ContentSource(label, dir, commit, true);
    }

    private static SourceException notFound(String arg) {
        return new SourceException("\"" + arg + "\" is neither a folder nor a git revision (a branch, tag or commit, optionally REV:PATH)", true);
    }

    private static void extract(byte[] zip, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path to = root.resolve(e.getName()).normalize();
                if (!to.startsWith(root)) throw new IOException("archive entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to);
                }
            }
        }
    }

    @Override
    public void close() {
        if (!temporary) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
