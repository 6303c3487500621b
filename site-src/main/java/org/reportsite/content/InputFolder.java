package org.reportsite.content;

import org.reportsite.model.Findings;
import org.reportsite.model.Location;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A folder the build reads from (the content, the templates, the static files, and any later input), and the
 * one rule for reading it: nothing outside the folder is read. A file that resolves outside it (a symbolic
 * link, of the file or of a folder on the way, to {@code /etc/passwd} or {@code /proc/self/environ}) is
 * refused with a located error, and so is anything that is not a regular file (a named pipe would block the
 * build, a device would never end). Every file the build reads from an input folder is read through here.
 */
public final class InputFolder {
    private final Path root;
    private final String kind;
    private final String prefix;
    private Path real;

    /**
     * {@code kind} names the folder in error codes ({@code content.outside}, {@code static.outside});
     * {@code prefix} is put before a file's relative path in findings ("" for the content folder, whose files
     * are named relative to it, else the folder as given and '/').
     */
    private InputFolder(Path root, String kind, String prefix) {
        this.root = root;
        this.kind = kind;
        this.prefix = prefix;
    }

    public static InputFolder content(Path root) { return new InputFolder(root, "content", ""); }

    public static InputFolder of(Path root, String kind) {
        String shown = root.toString().replace('\\', '/');
        return new InputFolder(root, kind, shown.endsWith("/") ? shown : shown + "/");
    }

    public Path root() { return root; }

    /** How findings name a file of this folder. */
    public String shown(String relative) { return prefix + relative; }

    /** The site-style relative path ('/' between names) of a file under the folder. */
    public String relative(Path file) {
        List<String> names = new ArrayList<>();
        for (Path n : root.relativize(file)) names.add(n.toString());
        return String.join("/", names);
    }

    /**
     * Refuses a file that resolves outside the folder, or that cannot be resolved at all (a broken link, a file
     * removed during the build).
     */
    public void checkInside(Path file, String shownAs) throws ContentSyntaxException {
        try {
            if (!file.toRealPath().startsWith(realRoot())) {
                throw new ContentSyntaxException(kind + ".outside", Location.of(shownAs),
                        "file resolves to a location outside the " + kind + " folder (a symbolic link out of it)",
                        "Copy the file into the " + kind + " folder instead of linking to it.");
            }
        } catch (IOException e) {
            throw new ContentSyntaxException(kind + ".read", Location.of(shownAs),
                    "file cannot be read (a broken symbolic link, or it was removed during the build)",
                    "Replace it with a regular file, or remove it from the " + kind + " folder.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ContentSyntaxException(kind + ".read", Location.of(shownAs), "not a regular file (a folder, named pipe or device)",
                    "Replace it with a regular file, or remove it from the " + kind + " folder.");
        }
    }

    /**
     * A link to a folder is not walked into (what it holds inside the folder is reached by its own path); one that
     * leads out of the folder is refused, as a file outside would be.
     */
    public void linkedFolder(Path link, String shownAs, Findings findings) {
        try {
            if (!link.toRealPath().startsWith(realRoot())) {
                findings.error(kind + ".outside", Location.of(shownAs), "folder link resolves to a location outside the " + kind + " folder",
                        "Copy what it holds into the " + kind + " folder instead of linking to it.");
            }
        } catch (IOException e) {
            // gone again: nothing to read
        }
    }

    private Path realRoot() throws IOException {
        if (real == null) real = root.toRealPath();
        return real;
    }

    /** A text file of the folder: inside it, strict UTF-8, within the size limit, line ends made '\n'. */
    public String readText(Path file, String shownAs) throws ContentSyntaxException {
        checkInside(file, shownAs);
        return TextFiles.read(file, shownAs, kind);
    }

    /** Copies a file of the folder to {@code to} (which must not exist), refusing what {@link #checkInside} refuses. */
    public void copy(Path file, String shownAs, Path to) throws ContentSyntaxException, IOException {
        checkInside(file, shownAs);
        Files.copy(file, to);
    }

    /** The bytes of a file of the folder. */
    public byte[] readBytes(Path file, String shownAs) throws ContentSyntaxException, IOException {
        checkInside(file, shownAs);
        return Files.readAllBytes(file);
    }

    /**
     * The files under the folder whose relative path {@code accept}s, sorted by that path, with the attributes
     * the walk read (not following links). A link to a folder is not walked into; a link to a file is listed
     * (reading it applies the rule). A folder that cannot be listed is a finding.
     */
    public Map<String, Path> files(Predicate<String> accept, Findings findings) {
        Map<String, Path> out = new TreeMap<>(Comparator.naturalOrder());
        walk(accept, findings, (rel, p, a) -> out.put(rel, p));
        return out;
    }

    /** What {@link #files} visits, with the attributes of each file as the walk read them. */
    public interface Visitor {
        void file(String relative, Path file, BasicFileAttributes attributes);
    }

    public void walk(Predicate<String> accept, Findings findings, Visitor visitor) {
        if (!Files.isDirectory(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    // a link costs one more look (where it points); files and folders are known from the walk
                    boolean folder = a.isSymbolicLink() ? Files.isDirectory(p) : a.isDirectory();
                    String rel = relative(p);
                    if (folder) linkedFolder(p, shown(rel), findings);
                    else if (accept.test(rel)) visitor.file(rel, p, a);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) {
                    findings.error(kind + ".read", Location.of(shown(relative(p))), "cannot be read (" + e.getClass().getSimpleName() + ")",
                            "Check that it exists and is readable, or remove it from the " + kind + " folder.");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.error(kind + ".read", Location.of(shown("")), "cannot list the folder: " + e.getClass().getSimpleName(),
                    "Check that the folder exists and is readable.");
        }
    }

    /** Whether a path exists at all (a broken link counts: reading it is then a located error). */
    public static boolean present(Path p) { return Files.exists(p, LinkOption.NOFOLLOW_LINKS); }
}
