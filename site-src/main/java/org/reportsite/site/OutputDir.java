package org.reportsite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The output folder, written atomically: a build writes into a temporary sibling folder and swaps it in
 * only when everything succeeded, so a failed or killed build never damages the previous site. A lock
 * file next to the output keeps two builds from writing at once. What a killed build leaves behind
 * (a temporary folder, or the previous site moved aside if it died inside the swap) is put right by
 * the next build: see {@link #recover(Path)}.
 */
public final class OutputDir implements AutoCloseable {
    /** A marker in every generated site: only a folder carrying it is ever replaced. */
    public static final String MARKER = ".report-site";
    /** A relative output path: segments of letters, digits, '.', '_' and '-', none of them "." or "..". */
    private static final Pattern SAFE_RELATIVE = Pattern.compile("(?!\\.\\.?(/|$))[A-Za-z0-9_.-]+(/(?!\\.\\.?(/|$))[A-Za-z0-9_.-]+)*");

    private final Path target;
    private final Path parent;
    private final String name;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Path temp;
    /** Written in place (the preview's incremental builds): {@link #file} resolves in the site itself. */
    private boolean inPlace;

    private OutputDir(Path target, FileChannel channel, FileLock lock) {
        this.target = target;
        this.parent = target.getParent();
        this.name = target.getFileName().toString();
        this.lockChannel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock and prepares a fresh temporary folder; throws {@link OutputException} with a clear message. An
     * output that is refused (not a folder, or a folder report-site did not write) is refused before anything is
     * created next to it: no lock file is left behind.
     */
    public static OutputDir open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) throw new OutputException("cannot write the site to the root of the file system: " + abs, "Choose a folder with --out.");
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create the folder " + parent + " (" + reason(e) + ")",
                    "Check the --out path: every folder above the output must be a folder you can write in.");
        }
        refuse(abs);
        boolean ownLockFile = !Files.exists(lockFile(abs), LinkOption.NOFOLLOW_LINKS);
        OutputDir out = locked(abs);
        try {
            out.repair();
            refuse(abs); // again under the lock: another program may have changed it meanwhile
            out.temp = out.createTemp();
        } catch (IOException e) {
            out.close();
            throw new OutputException("cannot write in " + parent + " (" + reason(e) + ")",
                    "Make the folder writable (and check free disk space), or choose another output with --out.");
        } catch (RuntimeException e) {
            if (ownLockFile) out.removeLockFile();
            out.close();
            throw e;
        }
        return out;
    }

    /** Throws when the output is something report-site must not replace. */
    private static void refuse(Path abs) {
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("the output " + abs + " exists and is not a folder", "Remove it or choose another folder with --out.");
        }
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) && !isEmpty(abs) && !ours(abs)) {
            throw new OutputException("the output folder " + abs + " is not empty and was not written by report-site",
                    "Refusing to replace it. Choose an empty or new folder with --out, or delete it first.");
        }
    }

    /** A folder report-site wrote: a real folder (not a link) holding the marker as a regular file. */
    static boolean ours(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Puts right what a killed build left next to {@code target}, if no build is running: restores the
     * previous site if the build died between moving it aside and moving the new one in, and removes
     * temporary folders. Only folders that carry report-site's marker are touched, and the lock is taken (its
     * file made) only when there is such a folder. Best effort and silent; {@link #open} does the same under its lock.
     */
    public static void recover(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) return;
        try {
            if (leftovers(abs.getParent(), abs.getFileName().toString()).isEmpty()) return;
        } catch (IOException e) {
            return;
        }
        FileChannel ch = lockChannel(abs);
        if (ch == null) return;
        FileLock lock = tryLock(ch);
        if (lock == null) {
            closeQuietly(ch);
            return;
        }
        try {
            new OutputDir(abs, ch, lock).repair();
        } catch (IOException | UncheckedIOException e) {
            // left for the next build; the previous site is never deleted here
        } finally {
            release(lock, ch);
        }
    }

    /**
     * Takes the lock to change an existing site in place: the preview server's incremental builds write only
     * the files that changed, each replaced at once. Only a folder written by report-site is changed this way.
     */
    public static OutputDir inPlace(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || !Files.exists(abs.resolve(MARKER))) {
            throw new OutputException("the output folder " + abs + " was not written by report-site", "Build it first, or choose another folder with --out.");
        }
        OutputDir out = locked(abs);
        out.inPlace = true;
        return out;
    }

    public Path temp() { return temp; }

    public Path target() { return target; }

    /**
     * The file at {@code relative} inside the temporary folder. Output paths come from validated ids, but a
     * path that is absolute, climbs with "..", or names a drive is refused here as well: nothing is ever
     * written outside the output folder.
     */
    public Path file(String relative) {
        Path temp = inPlace ? target : this.temp;
        if (temp == null) throw new IllegalStateException("the output folder is closed");
        if (relative == null || !SAFE_RELATIVE.matcher(relative).matches()) {
            throw new OutputException("refusing to write \"" + relative + "\": it is not a plain path inside the output folder",
                    "Page, table and file ids may use letters, digits, '-', '_' and '/' between folders.");
        }
        Path p = temp.resolve(relative).normalize();
        if (!p.startsWith(temp) || p.equals(temp)) {
            throw new OutputException("refusing to write \"" + relative + "\" outside the output folder", "Check the page and table ids.");
        }
        return p;
    }

    /** Swaps the finished temporary folder in place of the previous site. */
    public void commit() {
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve("." + name + ".old-" + unique());
                move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (old != null) move(old, target);
                throw e;
            }
        } catch (IOException e) {
            throw new OutputException("cannot replace " + target + " (" + reason(e) + ")",
                    "Check that no other program holds files in it open; the previous site was left in place.");
        }
        temp = null;
        if (old != null) deleteQuietly(old);
    }

    /** Drops the temporary folder (build failed); the previous site is untouched. */
    public void discard() {
        if (temp != null) {
            deleteQuietly(temp);
            temp = null;
        }
    }

    @Override
    public void close() {
        discard();
        release(lock, lockChannel);
    }

    /**
     * Under the lock: restore a site that a killed swap left moved aside, then drop temporary folders. A folder
     * named like ours that does not carry our marker is someone else's (or not a folder at all): left alone.
     */
    private void repair() throws IOException {
        List<Path> olds = new ArrayList<>(), temps = new ArrayList<>();
        for (Path p : leftovers(parent, name)) (p.getFileName().toString().startsWith("." + name + ".old-") ? olds : temps).add(p);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && olds.size() == 1) {
            move(olds.get(0), target);
            olds.clear();
        }
        for (Path p : temps) delete(p);
        for (Path p : olds) delete(p);
    }

    /** The {@code .<name>.tmp-*} and {@code .<name>.old-*} folders next to the output that carry report-site's marker. */
    private static List<Path> leftovers(Path parent, String name) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
            for (Path p : ds) if (ours(p)) out.add(p);
        }
        out.sort(null);
        return out;
    }

    /** A new temporary folder next to the output, marked as ours at once (so that recovery may remove it). */
    private Path createTemp() throws IOException {
        // not Files.createTempDirectory: its owner-only permissions would become the published site's
        for (int i = 0; ; i++) {
            try {
                Path dir = Files.createDirectory(parent.resolve("." + name + ".tmp-" + unique()));
                Files.writeString(dir.resolve(MARKER), "This folder was generated by report-site and is replaced by each build.\n");
                return dir;
            } catch (FileAlreadyExistsException e) {
                if (i > 100) throw e;
            }
        }
    }

    private void removeLockFile() {
        try {
            Files.deleteIfExists(lockFile(target));
        } catch (IOException ignored) {
            // a lock file left behind is harmless
        }
    }

    private static String unique() {
        return ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    }

    private static Path lockFile(Path abs) { return abs.getParent().resolve("." + abs.getFileName() + ".lock"); }

    /** Takes the output's lock, or says why it cannot: no lock file can be made, or another build holds it. */
    private static OutputDir locked(Path abs) {
        FileChannel ch = lockChannel(abs);
        if (ch == null) {
            throw new OutputException("cannot write in " + abs.getParent() + " (no lock file can be created there)",
                    "Make the folder writable or choose another output with --out.");
        }
        FileLock lock = tryLock(ch);
        if (lock == null) {
            closeQuietly(ch);
            throw new OutputException("another build is writing " + abs + " right now (lock " + lockFile(abs) + ")",
                    "Wait for it to finish and run the build again.");
        }
        return new OutputDir(abs, ch, lock);
    }

    private static FileChannel lockChannel(Path abs) {
        try {
            // not through a symbolic link: the lock file must not create or open a file elsewhere
            return FileChannel.open(lockFile(abs), StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            return null;
        }
    }

    private static void release(FileLock lock, FileChannel ch) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
        closeQuietly(ch);
    }

    private static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String msg = e.getMessage();
        return msg == null ? kind : kind + ": " + msg;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (UncheckedIOException e) {
            // a leftover is removed by the next build
        }
    }

    static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a lock file cannot lose data
        }
    }
}
