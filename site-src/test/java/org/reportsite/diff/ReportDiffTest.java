package org.reportsite.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.model.Finding;
import org.reportsite.testkit.Content;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diff of two real versions of the report: the bundled content, and a copy with a changed revenue
 * figure, an edited paragraph, an added page and an added (unplaced) table.
 */
class ReportDiffTest {
    static final String OLD_PARAGRAPH = "mainly operates its businesses in four principal geographical areas";
    static final String NEW_PARAGRAPH = "mainly operates its business in four main geographical areas";

    @TempDir
    static Path tmp;
    static Snapshot bundled, edited;

    /** The bundled content with the edits described above; used by the command tests too. */
    static Path editedCopy(Path into) {
        Path c = Content.bundledInto(into).dir();
        Content.replace(c, "data/income-statement.json", "\"h1-2025\": 2358198", "\"h1-2025\": 2358200");
        Content.replace(c, "narrative/notes/note-04.md", OLD_PARAGRAPH, NEW_PARAGRAPH);
        Content.write(c, "narrative/notes/note-99.md", """
                ---
                title: "Subsequent addendum"
                order: 99
                summary: "A page that only the edited version has."
                ---
                This page was added in the newer version.
                """);
        Content.write(c, "data/addendum-figures.json", """
                {
                  "id": "addendum-figures",
                  "title": "Addendum figures",
                  "unit": "RMB'000",
                  "columns": [
                    {"id": "h1-2025", "label": "2025", "period": "Six months ended 30 June 2025"},
                    {"id": "h1-2024", "label": "2024", "period": "Six months ended 30 June 2024"}
                  ],
                  "rows": [
                    {"id": "a", "label": "Item A", "values": {"h1-2025": 1200, "h1-2024": -300}},
                    {"id": "b", "label": "Item B", "values": {"h1-2025": 5, "h1-2024": null}}
                  ]
                }
                """);
        return c;
    }

    @BeforeAll
    static void load() throws Exception {
        bundled = Snapshot.load(ContentSource.resolve(Content.BUNDLED.toString(), tmp));
        edited = Snapshot.load(ContentSource.resolve(editedCopy(tmp.resolve("edited")).toString(), tmp));
        assertTrue(bundled.loaded(), () -> "bundled content loads: " + bundled.loadErrors());
        assertTrue(edited.loaded(), () -> "edited content loads: " + edited.loadErrors());
    }

    @Test
    void listsTheChangedFigureWithBothValuesAsPublished() {
        ReportDiff d = ReportDiff.compare(bundled, edited);
        assertEquals(1, d.changedFacts().size(), () -> "changed: " + d.changedFacts());
        ReportDiff.FactChange f = d.changedFacts().get(0);
        assertEquals("income-statement/revenue/h1-2025", f.key());
        assertEquals("Revenue", f.rowLabel());
        assertEquals("Interim condensed consolidated income statement", f.tableTitle());
        assertEquals("Six months ended 30 June 2025", f.period());
        assertEquals("RMB'000", f.unit());
        assertEquals("2358198", f.oldValue());
        assertEquals("2358200", f.newValue());
        assertEquals("2,358,198", f.oldText());
        assertEquals("2,358,200", f.newText());
        assertTrue(d.removedFacts().isEmpty());
    }

    @Test
    void listsTheEditedPageWithAUnifiedDiffOfTheChangedLine() {
        ReportDiff d = ReportDiff.compare(bundled, edited);
        assertEquals(List.of("notes/note-04"), d.changedPages().stream().map(ReportDiff.TextChange::id).toList());
        ReportDiff.TextChange c = d.changedPages().get(0);
        assertEquals(1, c.added());
        assertEquals(1, c.removed());
        assertEquals("--- a/narrative/notes/note-04.md", c.diff().get(0));
        assertEquals("+++ b/narrative/notes/note-04.md", c.diff().get(1));
        assertTrue(c.diff().get(2).startsWith("@@ -"), c.diff().get(2));
        assertTrue(c.diff().stream().anyMatch(l -> l.startsWith("-") && !l.startsWith("---") && l.contains(OLD_PARAGRAPH)));
        assertTrue(c.diff().stream().anyMatch(l -> l.startsWith("+") && !l.startsWith("+++") && l.contains(NEW_PARAGRAPH)));
        // only the changed line and its context, not the whole page
        assertEquals(2 + 1 + 2 + 2 * ReportDiff.CONTEXT, c.diff().size(), () -> String.join("\n", c.diff()));
    }

    @Test
    void listsAddedPagesTablesAndTheirFigures() {
        ReportDiff d = ReportDiff.compare(bundled, edited);
        assertEquals(List.of("notes/note-99"), d.addedPages().stream().map(ReportDiff.PageRef::id).toList());
        assertEquals("Subsequent addendum", d.addedPages().get(0).title());
        assertEquals(List.of("addendum-figures"), d.addedTables().stream().map(ReportDiff.TableRef::id).toList());
        assertEquals(3, d.addedTables().get(0).facts());
        // the nil cell is not a figure
        assertEquals(List.of("addendum-figures/a/h1-2025", "addendum-figures/a/h1-2024", "addendum-figures/b/h1-2025"),
                d.addedFacts().stream().map(ReportDiff.FactChange::key).toList());
        assertEquals("(300)", d.addedFacts().get(1).newText());
        assertNull(d.addedFacts().get(1).oldText());
        assertTrue(d.removedPages().isEmpty() && d.removedTables().isEmpty());
    }

    @Test
    void reportsTheCheckFindingThatAppeared() {
        ReportDiff d = ReportDiff.compare(bundled, edited);
        Finding unplaced = d.appearedFindings().stream().filter(f -> f.code().equals("ref.table-unplaced")).findFirst().orElseThrow(
                () -> new AssertionError("appeared: " + d.appearedFindings()));
        assertTrue(unplaced.message().contains("addendum-figures"), unplaced.message());
        assertTrue(d.disappearedFindings().isEmpty(), () -> "disappeared: " + d.disappearedFindings());
    }

    @Test
    void theReverseDiffRemovesWhatTheForwardOneAdded() {
        ReportDiff d = ReportDiff.compare(edited, bundled);
        assertEquals("2,358,200", d.changedFacts().get(0).oldText());
        assertEquals("2,358,198", d.changedFacts().get(0).newText());
        assertEquals(List.of("notes/note-99"), d.removedPages().stream().map(ReportDiff.PageRef::id).toList());
        assertEquals(List.of("addendum-figures"), d.removedTables().stream().map(ReportDiff.TableRef::id).toList());
        assertEquals(3, d.removedFacts().size());
        assertTrue(d.addedFacts().isEmpty() && d.addedPages().isEmpty());
        assertTrue(d.disappearedFindings().stream().anyMatch(f -> f.code().equals("ref.table-unplaced")));
    }

    @Test
    void identicalContentHasNoDifferences() {
        ReportDiff d = ReportDiff.compare(bundled, bundled);
        assertTrue(d.isEmpty(), d::toString);
        assertTrue(DiffMarkdown.render(d).contains("No published figure, page or check finding changed."));
    }

    @Test
    void markdownShowsTheFigurePagesAndFindingsForAJobSummary() {
        String md = DiffMarkdown.render(ReportDiff.compare(bundled, edited));
        assertTrue(md.contains("| Interim condensed consolidated income statement | Revenue | Six months ended 30 June 2025 | RMB'000 | 2,358,198 | 2,358,200 |"), md);
        assertTrue(md.contains("### Figures changed (1)"), md);
        // figures of an added table are summed up under the table, not listed one by one
        assertFalse(md.contains("### Figures added"), md);
        assertTrue(md.contains("- Addendum figures (`addendum-figures`, 3 figures)"), md);
        assertTrue(md.contains("- Subsequent addendum (`narrative/notes/note-99.md`)"), md);
        assertTrue(md.contains("<details><summary>Segment Information (narrative/notes/note-04.md): +1 −1 lines</summary>"), md);
        assertTrue(md.contains("```diff\n--- a/narrative/notes/note-04.md\n"), md);
        assertTrue(md.contains("### Check findings that appeared"), md);
    }

    @Test
    void jsonHasEveryChangeWithExactValues() throws Exception {
        JsonNode j = new ObjectMapper().readTree(DiffJson.render(ReportDiff.compare(bundled, edited)));
        assertTrue(j.get("changed").asBoolean());
        JsonNode f = j.at("/facts/changed/0");
        assertEquals("income-statement/revenue/h1-2025", f.get("key").asText());
        assertTrue(f.get("old").isTextual(), "exact values are strings, not floating-point numbers");
        assertEquals("2358198", f.get("old").asText());
        assertEquals("2,358,200", f.get("newFormatted").asText());
        assertEquals(3, j.at("/facts/added").size());
        assertEquals("notes/note-04", j.at("/pages/changed/0/id").asText());
        assertTrue(j.at("/pages/changed/0/diff").asText().contains("+The Company is domiciled"));
        assertEquals("notes/note-99", j.at("/pages/added/0/id").asText());
        assertTrue(j.at("/findings/appeared").size() >= 1);
    }

    @Test
    void longListsAreCutInMarkdownButCompleteInJson() throws Exception {
        Path many = Content.bundledInto(tmp.resolve("many")).dir();
        int changed = 0;
        try (var files = java.nio.file.Files.list(many.resolve("data"))) {
            for (Path f : files.sorted().toList()) {
                String s = java.nio.file.Files.readString(f);
                var m = java.util.regex.Pattern.compile("(\"h1-2025\": )(-?\\d+)([,}])").matcher(s);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, m.group(1) + new java.math.BigDecimal(m.group(2)).add(java.math.BigDecimal.ONE) + m.group(3));
                    changed++;
                }
                m.appendTail(out);
                java.nio.file.Files.writeString(f, out.toString());
            }
        }
        assertTrue(changed > DiffMarkdown.MAX_ROWS, "enough integer figures to cut: " + changed);
        Snapshot s = Snapshot.load(ContentSource.resolve(many.toString(), tmp));
        assertTrue(s.loaded(), () -> s.loadErrors().toString());
        ReportDiff d = ReportDiff.compare(bundled, s);
        assertEquals(changed, d.changedFacts().size());
        String md = DiffMarkdown.render(d);
        String section = md.substring(md.indexOf("### Figures changed (" + changed + ")"));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("|---")));
        assertEquals(1 + DiffMarkdown.MAX_ROWS, section.lines().filter(l -> l.startsWith("| ")).count(), "the header row, then the first rows");
        assertTrue(md.contains("… and " + (changed - DiffMarkdown.MAX_ROWS) + " more (`--format json` lists them all)."), md);
        assertEquals(changed, new ObjectMapper().readTree(DiffJson.render(d)).at("/facts/changed").size());
    }

    @Test
    void markdownTextCannotBreakTheTableOrTheFence() {
        assertEquals("a \\| b \\<i\\> \\*x\\*", DiffMarkdown.cell("a | b <i> *x*"));
        assertEquals("````", DiffMarkdown.fence(List.of("+```java", "-``")));
        assertEquals("`` a`b ``", DiffMarkdown.code("a`b"));
    }
}
