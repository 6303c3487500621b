package org.reportsite.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names the generator keeps for itself. */
class ReservedTest {
    @Test
    void pagesTheGeneratorWrites() {
        assertEquals(Set.of("glossary", "data-checks", "contents", "404", "search"), Reserved.PAGE_IDS);
        assertEquals(List.of("404", "contents", "data-checks", "glossary", "search"), Reserved.sortedPageIds());
        assertEquals("glossary, data-checks, contents", Reserved.listedIds());
        assertSame(Reserved.Generated.DATA_CHECKS, Reserved.Generated.listed("data-checks"));
        assertNull(Reserved.Generated.listed("404"), "the 404 page is in no navigation");
        assertNull(Reserved.Generated.listed("search"));
        assertTrue(Reserved.Generated.NOT_FOUND.servedForAnyPath());
        for (Reserved.Generated g : Reserved.Generated.values()) {
            assertEquals(g.id() + ".html", g.file());
            assertEquals(g.id(), g.template());
            assertTrue(Reserved.PAGE_IDS.contains(g.id()));
        }
    }

    @Test
    void filesTheGeneratorWrites() {
        assertEquals("assets/search-index.js", Reserved.SEARCH_INDEX);
        assertEquals("downloads/dataset.json", Reserved.DATASET);
        assertEquals("downloads/income-statement.csv", Reserved.csv("income-statement"));
        assertEquals("downloads/x-h1-2025.zip", Reserved.offlineZip("x-h1-2025"));
        assertTrue(Reserved.SEARCH_INDEX.startsWith(Reserved.ASSETS) && Reserved.DATASET.startsWith(Reserved.DOWNLOADS));
    }
}
