package org.reportsite.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links between the site's files are relative and explicit, and resolve back to the file they name. */
class SitePathsTest {
    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> segment = Arbitraries.of("notes", "mdna", "a", "b", "financial-statements", "deep");
        Arbitrary<String> name = Arbitraries.of("index.html", "note-04.html", "glossary.html", "site.css", "dataset.json");
        return segment.list().ofMaxSize(3).flatMap(dirs -> name.map(n -> dirs.isEmpty() ? n : String.join("/", dirs) + "/" + n));
    }

    @Property
    void aRelativeLinkResolvesToTheFileItNames(@ForAll("files") String from, @ForAll("files") String to) {
        String link = SitePaths.relative(from, to);
        assertFalse(link.startsWith("/") || link.contains("//") || link.endsWith("/"), link);
        assertEquals(to, SitePaths.resolve(from, link), from + " → " + link);
    }

    @Property
    void theRootPrefixLeadsFromAPageToTheRoot(@ForAll("files") String from, @ForAll("files") String to) {
        assertEquals(to, SitePaths.resolve(from, SitePaths.rootPrefix(from) + to));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "notes/note-04.html | ../index.html | index.html", "notes/note-04.html | note-05.html | notes/note-05.html",
            "index.html | ./notes/./note-04.html | notes/note-04.html", "a/b/c.html | ../../x.html | x.html",
            "index.html | ../x.html | -", "notes/note-04.html | ../../x.html | -", "a.html | b//c.html | b/c.html"})
    void resolvesRelativeLinks(String from, String link, String file) {
        if (file == null) assertNull(SitePaths.resolve(from, link));
        else assertEquals(file, SitePaths.resolve(from, link));
    }

    @Property
    void pageFilesNameTheirPage(@ForAll("files") String file) {
        String id = file.substring(0, file.lastIndexOf('.'));
        assertEquals(id + ".html", SitePaths.pageFile(id));
        assertTrue(SitePaths.rootPrefix(file).chars().filter(c -> c == '/').count() == file.chars().filter(c -> c == '/').count());
    }
}
