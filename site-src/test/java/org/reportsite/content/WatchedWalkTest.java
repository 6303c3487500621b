package org.reportsite.content;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A load that takes over the last walk of the pages' folder, with the paths a watcher reported changed since, reads
 * what a load that walks the folder reads: over random series of the changes editors and people make (saves in
 * place and through a temporary file, new, removed and renamed pages, folders made and removed with their pages,
 * misnamed pages, backup files).
 */
class WatchedWalkTest {
    /** What a load read: each page's id and text, and the findings. */
    record Seen(List<String> pages, List<String> findings) {}

    static Seen load(Path content, ParsedFiles reuse) {
        Findings f = new Findings();
        Report r = ContentLoader.load(content, f, reuse);
        List<String> pages = r == null ? List.of() : r.pages().stream().map(p -> p.id() + "\n" + p.markdown()).toList();
        return new Seen(pages, f.list().stream().map(Finding::toString).toList());
    }

    @Test
    void aWalkTakenOverWithTheReportedChangesReadsWhatAWalkReads() throws IOException {
        Random rnd = new Random(17);
        for (int round = 0; round < 8; round++) {
            Content c = Content.sample();
            Path narrative = c.dir().resolve("narrative");
            ParsedFiles reuse = new ParsedFiles();
            load(c.dir(), reuse);
            reuse.watching();
            load(c.dir(), reuse);
            for (int step = 0; step < 30; step++) {
                List<Path> reported = change(narrative, rnd, step);
                reuse.changed(reported);
                assertEquals(load(c.dir(), null), load(c.dir(), reuse), "round " + round + ", step " + step + ", reported " + reported);
            }
        }
    }

    /** A change nobody reports is not seen: the walk is taken over, not made again (the preview's watcher reports every change). */
    @Test
    void aWalkIsTakenOverOnlyOnceWatched() throws IOException {
        Content c = Content.sample();
        Path page = c.dir().resolve("narrative/extra.md");
        ParsedFiles reuse = new ParsedFiles();
        load(c.dir(), reuse);
        Files.writeString(page, "---\ntitle: Extra\n---\n\nText.\n");
        assertEquals(load(c.dir(), null), load(c.dir(), reuse), "not watched: every load walks");
        reuse.watching();
        load(c.dir(), reuse);
        Files.delete(page);
        assertNotEquals(load(c.dir(), null), load(c.dir(), reuse), "unreported: the last walk stands");
        reuse.changed(List.of(page));
        assertEquals(load(c.dir(), null), load(c.dir(), reuse));
    }

    private static int made;

    /** One change below {@code narrative}, and the paths a watcher reports for it. */
    private static List<Path> change(Path narrative, Random rnd, int step) throws IOException {
        List<Path> pages = pages(narrative);
        Path any = pages.get(rnd.nextInt(pages.size()));
        String page = "---\ntitle: Page " + (++made) + "\n---\n\nStep " + step + " of the text.\n";
        switch (rnd.nextInt(9)) {
            case 0 -> { // saved in place
                Files.writeString(any, Files.readString(any) + "\nMore text, step " + step + ".\n");
                return List.of(any);
            }
            case 1 -> { // saved through a temporary file renamed over the page
                Path tmp = any.resolveSibling(any.getFileName() + ".tmp");
                Files.writeString(tmp, Files.readString(any) + "\nSaved again at step " + step + ".\n");
                Files.move(tmp, any, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return List.of(tmp, any);
            }
            case 2 -> { // a new page
                Path p = narrative.resolve("new-" + made + ".md");
                Files.writeString(p, page);
                return List.of(p);
            }
            case 3 -> { // a page removed (never the home page)
                if (any.getFileName().toString().equals("index.md")) return List.of();
                Files.delete(any);
                return List.of(any);
            }
            case 4 -> { // a page renamed
                if (any.getFileName().toString().equals("index.md")) return List.of();
                Path to = any.resolveSibling("renamed-" + made + ".md");
                Files.move(any, to);
                return List.of(any, to);
            }
            case 5 -> { // a folder made with pages in it: the watcher names the folder
                Path dir = narrative.resolve("part-" + made);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("a.md"), page);
                Files.writeString(dir.resolve("b.md"), page);
                return List.of(dir);
            }
            case 6 -> { // a folder of pages removed
                try (Stream<Path> s = Files.list(narrative)) {
                    Path dir = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst().orElse(null);
                    if (dir == null) return List.of();
                    try (Stream<Path> all = Files.walk(dir)) {
                        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                    }
                    return List.of(dir);
                }
            }
            case 7 -> { // a misnamed page made, or removed again
                Path p = narrative.resolve("misnamed.markdown");
                if (Files.exists(p)) Files.delete(p);
                else Files.writeString(p, page);
                return List.of(p);
            }
            default -> { // an editor's backup file made, or removed
                Path p = any.resolveSibling(any.getFileName() + "~");
                if (Files.exists(p)) Files.delete(p);
                else Files.writeString(p, "backup");
                return List.of(p);
            }
        }
    }

    private static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList());
        }
    }
}
