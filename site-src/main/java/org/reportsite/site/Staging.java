package org.reportsite.site;

import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.InputFolder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Where a build puts the files of the new site until it publishes them, under the output's lock. Both kinds
 * take the same calls; nothing a reader can see changes before {@link #publish()}:
 * <ul>
 *   <li>{@link #fresh}: a full build writes every file into a temporary folder as soon as it is made (a page's
 *       HTML is not kept in memory) and swaps the folder in place of the previous site;</li>
 *   <li>{@link #inPlace}: the preview's incremental build holds the files whose bytes changed, then replaces
 *       each of them in the live site at once and removes the files the site no longer has.</li>
 * </ul>
 * Thread-safe: pages are written from the render stage's threads.
 */
abstract sealed class Staging implements AutoCloseable {
    final OutputDir dir;
    /** Every file of the new site (site paths; the build marker is the output's own). */
    private final Set<String> files = ConcurrentHashMap.newKeySet();

    private Staging(OutputDir dir) { this.dir = dir; }

    /** A full build: a fresh temporary folder, swapped in by {@link #publish()}. */
    static Staging fresh(Path out) { return new Fresh(OutputDir.open(out)); }

    /** An incremental build into the site {@code last} made; files whose bytes {@code last} knows are written only when they changed. */
    static Staging inPlace(Path out, BuildState last) { return new InPlace(OutputDir.inPlace(out), last); }

    /** A file of the new site with its bytes. */
    final void write(String file, byte[] bytes) {
        files.add(file);
        put(file, bytes);
    }

    /** A static file of the new site, copied from {@code from} in {@code folder} under its rule (a refusal is thrown, nothing copied). */
    final void copy(String file, InputFolder folder, Path from) throws ContentSyntaxException {
        copyFrom(file, folder, from);
        files.add(file);
    }

    /** A file of the last site that stays as it is (incremental builds only). */
    final void keep(String file) {
        if (!(this instanceof InPlace)) throw new IllegalStateException("a full build keeps no file of the last one: " + file);
        files.add(file);
    }

    /** Every file of the new site (a view: copy it to keep it). */
    final Set<String> files() { return java.util.Collections.unmodifiableSet(files); }

    /** The bytes of a file of the new site. */
    abstract InputStream open(String file) throws IOException;

    /** Makes the new site the live one; returns what it changed for the progress line ("" for a whole new site). */
    abstract String publish();

    /** The files the publishing wrote (site paths). */
    abstract List<String> written();

    /** The files the publishing removed because the new site does not have them. */
    abstract List<String> deleted();

    abstract void put(String file, byte[] bytes);

    abstract void copyFrom(String file, InputFolder folder, Path from) throws ContentSyntaxException;

    /** Releases the lock; an unpublished temporary folder is removed, the previous site is untouched. */
    @Override
    public void close() { dir.close(); }

    private static final class Fresh extends Staging {
        private boolean published;

        /** The folders made so far: asking for an existing one again costs an exception inside Files.createDirectories. */
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();

        Fresh(OutputDir dir) { super(dir); }

        @Override
        void put(String file, byte[] bytes) {
            try {
                Path to = dir.file(file);
                makeFolder(to.getParent());
                Files.write(to, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void copyFrom(String file, InputFolder folder, Path from) throws ContentSyntaxException {
            try {
                Path to = dir.temp().resolve(file);
                makeFolder(to.getParent());
                folder.copy(from, folder.shown(file), to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Makes the folder (and its parents) unless this build made it already; other threads may make it at the same time. */
        private void makeFolder(Path f) throws IOException {
            if (folders.contains(f)) return;
            Files.createDirectories(f);
            folders.add(f);
        }

        @Override
        InputStream open(String file) throws IOException { return Files.newInputStream(dir.temp().resolve(file)); }

        @Override
        String publish() {
            dir.commit();
            published = true;
            return "";
        }

        @Override
        List<String> written() { return published ? List.copyOf(new TreeSet<>(files())) : List.of(); }

        @Override
        List<String> deleted() { return List.of(); }
    }

    private static final class InPlace extends Staging {
        private final BuildState last;
        /** The files whose bytes changed, by site path, until published. */
        private final Map<String, byte[]> changed = new ConcurrentSkipListMap<>();
        /** Static files: any name a file may have (other files' names are checked by {@link OutputDir#file}). */
        private final Set<String> statics = ConcurrentHashMap.newKeySet();
        private final List<String> written = new ArrayList<>();
        private final List<String> deleted = new ArrayList<>();

        InPlace(OutputDir dir, BuildState last) {
            super(dir);
            this.last = last;
        }

        @Override
        void put(String file, byte[] bytes) {
            if (!Arrays.equals(bytes, last.files.get(file))) changed.put(file, bytes);
        }

        @Override
        void copyFrom(String file, InputFolder folder, Path from) throws ContentSyntaxException {
            try {
                byte[] bytes = folder.readBytes(from, folder.shown(file));
                statics.add(file);
                put(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        InputStream open(String file) throws IOException {
            byte[] bytes = changed.get(file);
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(inside(file));
        }

        @Override
        String publish() {
            for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                replace(e.getKey(), e.getValue());
                written.add(e.getKey());
            }
            Set<String> now = files();
            // the few files gone, in order (not the whole site sorted)
            TreeSet<String> gone = new TreeSet<>();
            for (String f : last.siteFiles) if (!now.contains(f)) gone.add(f);
            for (String f : gone) {
                delete(f);
                deleted.add(f);
            }
            return (written.size() + deleted.size()) + " files changed ";
        }

        @Override
        List<String> written() { return List.copyOf(written); }

        @Override
        List<String> deleted() { return List.copyOf(deleted); }

        /** Replaces one file of the live site at once (a reader sees the old or the new file, never half of one). */
        private void replace(String file, byte[] bytes) {
            try {
                Path to = statics.contains(file) ? inside(file) : dir.file(file);
                Files.createDirectories(to.getParent());
                Path tmp = Files.createTempFile(to.getParent(), ".write-", ".tmp");
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Removes a file the site no longer has, and the folders that leaves empty (a full build would not make them). */
        private void delete(String file) {
            Path root = dir.target();
            try {
                Path p = inside(file);
                Files.deleteIfExists(p);
                for (Path d = p.getParent(); d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
                    try (Stream<Path> s = Files.list(d)) {
                        if (s.findAny().isPresent()) break;
                    }
                    Files.delete(d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A path of the live site for a file's name (any name a static file may have), never outside the site. */
        private Path inside(String file) {
            Path root = dir.target();
            Path p = root.resolve(file).normalize();
            if (!p.startsWith(root) || p.equals(root)) throw new OutputException("refusing to write " + file + " outside the site", null);
            return p;
        }
    }
}
