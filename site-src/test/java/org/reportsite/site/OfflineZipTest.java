package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.SiteTree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code build --zip}: the offline edition round-trips to the generated site and is deterministic. */
class OfflineZipTest {
    static final String NAME = "sensetime-group-inc-h1-2025";
    static final String ZIP = "downloads/" + NAME + ".zip";

    @TempDir
    static Path tmp;
    static Path site, again, unzipped;

    @BeforeAll
    static void buildTwiceAndUnzip() throws IOException {
        site = Builds.built(Path.of("content"), tmp.resolve("site"), true);
        again = Builds.built(Path.of("content"), tmp.resolve("again"), true);
        unzipped = tmp.resolve("unzipped");
        try (ZipFile z = new ZipFile(site.resolve(ZIP).toFile())) {
            for (ZipEntry e : entries(z)) {
                Path to = unzipped.resolve(e.getName()).normalize();
                assertTrue(to.startsWith(unzipped), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
    }

    @Test
    void unzipsToTheGeneratedSiteFileForFile() throws IOException {
        Path top = unzipped.resolve(NAME);
        assertEquals(List.of(NAME), List.of(unzipped.toFile().list()), "one top folder");
        TreeSet<String> expected = SiteTree.files(site);
        expected.remove(ZIP);
        expected.remove(OutputDir.MARKER);
        assertEquals(expected, SiteTree.files(top));
        for (String f : expected) assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(top.resolve(f)), f);
        assertTrue(expected.contains("index.html") && expected.contains("assets/search-index.js") && expected.contains("downloads/dataset.json"));
    }

    @Test
    void theUnzippedCopyWorksFromItsIndexPage() {
        Path top = unzipped.resolve(NAME);
        List<String> missing = new ArrayList<>();
        for (String page : SiteTree.pages(top)) {
            Document doc = SiteTree.parse(top, page);
            for (String link : SiteTree.localLinks(doc)) {
                String target = SiteTree.target(page, link);
                if (target == null || !Files.isRegularFile(top.resolve(target))) missing.add(page + " → " + link);
            }
        }
        // the only link that leads nowhere offline is the one to the zip itself, which the copy cannot contain
        assertFalse(missing.isEmpty());
        assertTrue(missing.stream().allMatch(m -> m.endsWith(ZIP)), () -> String.join("\n", missing));
    }

    @Test
    void isDeterministicSortedAndTimestampedWithTheSourceDate() throws IOException {
        assertArrayEquals(Files.readAllBytes(site.resolve(ZIP)), Files.readAllBytes(again.resolve(ZIP)), "two builds give the same zip");
        try (ZipFile z = new ZipFile(site.resolve(ZIP).toFile())) {
            List<String> names = entries(z).stream().map(ZipEntry::getName).toList();
            assertEquals(names.stream().sorted().toList(), names);
            assertEquals(NAME + "/", names.get(0));
            for (ZipEntry e : entries(z)) {
                assertEquals(LocalDateTime.of(2025, 8, 28, 0, 0), e.getTimeLocal(), e.getName());
                assertEquals(null, e.getExtra(), e.getName());
            }
        }
    }

    @Test
    void everyPageLinksTheZipFromItsFooter() {
        for (String page : SiteTree.pages(site)) {
            Document doc = SiteTree.parse(site, page);
            var link = doc.selectFirst("footer a[download]");
            assertTrue(link != null, page);
            assertEquals(ZIP, SiteTree.target(page, link.attr("href")), page);
        }
        assertEquals("../" + ZIP, SiteTree.parse(site, "notes/note-04.html").selectFirst("footer a[download]").attr("href"));
    }

    private static List<ZipEntry> entries(ZipFile z) {
        List<ZipEntry> out = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) out.add(en.nextElement());
        return out;
    }
}
