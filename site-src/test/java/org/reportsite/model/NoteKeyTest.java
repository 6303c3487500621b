package org.reportsite.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NoteKeyTest {
    @Test
    void writtenFormsReduceToOneKey() {
        assertEquals("4a", NoteKey.normalize("4(a)"));
        assertEquals("4a", NoteKey.normalize("4 (a)"));
        assertEquals("4a", NoteKey.normalize("4a"));
        assertEquals("12d", NoteKey.normalize("Note 12(d)"));
        assertEquals("15", NoteKey.normalize("15"));
        assertEquals("7iii", NoteKey.normalize("7(iii)"));
        assertEquals("4", NoteKey.normalize("04"));
        assertNull(NoteKey.normalize("four"));
        assertNull(NoteKey.normalize("4(a"));
        assertEquals("4(a)", NoteKey.display("4a"));
        assertEquals("4", NoteKey.parent("4a"));
        assertEquals("note-12c", NoteKey.anchor("12c"));
    }

    @Test
    void relativeLinksAreExplicit() {
        assertEquals("../index.html", SitePaths.relative("notes/note-04.html", "index.html"));
        assertEquals("note-05.html", SitePaths.relative("notes/note-04.html", "notes/note-05.html"));
        assertEquals("../notes/note-15.html", SitePaths.relative("mdna/liquidity.html", "notes/note-15.html"));
        assertEquals("notes/note-15.html", SitePaths.relative("index.html", "notes/note-15.html"));
        assertEquals("../../a.html", SitePaths.relative("x/y/z.html", "a.html"));
        assertEquals("../", SitePaths.rootPrefix("notes/note-04.html"));
        assertEquals("", SitePaths.rootPrefix("index.html"));
    }
}
