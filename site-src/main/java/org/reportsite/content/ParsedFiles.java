package org.reportsite.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages and tables parsed by an earlier load, by file, for a later load to reuse while the file is unchanged
 * (same modification time, size and file identity, still a regular file and not a link). The preview server
 * loads the content after every edit; with this it parses only the files that changed. Files that produced
 * any finding are never kept, so their findings are reported again by every load.
 */
public final class ParsedFiles {
    private record Entry(FileTime modified, long size, Object fileKey, Object value) {}

    private final Map<String, Entry> byFile = new ConcurrentHashMap<>();

    /** The attributes to compare, read before the file itself (a change after that is seen next time). */
    static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    <T> T get(String relative, BasicFileAttributes now, Class<T> type) {
        Entry e = byFile.get(relative);
        if (e == null || now == null || !now.isRegularFile() || !type.isInstance(e.value())) return null;
        boolean same = e.modified().equals(now.lastModifiedTime()) && e.size() == now.size() && java.util.Objects.equals(e.fileKey(), now.fileKey());
        return same ? type.cast(e.value()) : null;
    }

    void put(String relative, BasicFileAttributes before, Object value) {
        if (before == null || !before.isRegularFile() || value == null) byFile.remove(relative);
        else byFile.put(relative, new Entry(before.lastModifiedTime(), before.size(), before.fileKey(), value));
    }

    void forget(String relative) { byFile.remove(relative); }

    /**
     * The last walk of the pages' folder that found nothing to report: its .md files by their path below the folder
     * (the walk's order), with the attributes it read. A load takes it over, with the changes since, instead of walking
     * the folder again, but only while every change is reported ({@link #watching}, {@link #changed}).
     */
    record Walk(Path dir, SortedMap<String, Map.Entry<Path, BasicFileAttributes>> files) {}

    private Walk walk;
    private boolean watching;
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();

    /**
     * From now on every change below the content folder is reported through {@link #changed} (the preview's watcher
     * is running); the next load walks the folder once more, and later loads take that walk over.
     */
    public synchronized void watching() {
        watching = true;
        walk = null;
    }

    /** Paths seen to change: files, and a folder for changes that could not be named (lost events, a folder made or removed). Thread-safe. */
    public void changed(Collection<Path> paths) {
        for (Path p : paths) changed.add(p.toAbsolutePath().normalize());
    }

    /** The changes reported since the last call (a walk that starts now sees them all). */
    List<Path> takeChanged() {
        List<Path> taken = new ArrayList<>(changed);
        changed.removeAll(taken);
        return taken;
    }

    /** The walk to take over, or null: not watched, or no clean walk since the watching began. */
    synchronized Walk walk() { return watching ? walk : null; }

    /** Keeps a walk to take over (null: walk the folder next time). */
    synchronized void keepWalk(Walk w) { walk = watching ? w : null; }
}
