package org.reportsite.site;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.check.ProseFacts;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Reserved;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.SiteTree.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An incremental build (the preview server's) after each kind of edit writes exactly the site a full build
 * of the edited content writes, byte for byte, and re-renders only the pages the edit concerns.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    private Path content, templates, statics, live;
    private final BuildState state = new BuildState();

    @BeforeEach
    void firstBuild() throws IOException {
        content = Content.bundled().dir();
        templates = Content.copy(Builds.TEMPLATES, tmp.resolve("templates"));
        statics = Content.copy(Builds.STATIC, tmp.resolve("static"));
        live = tmp.resolve("live");
        SiteBuild.Result r = Builds.build(options(live), state);
        assertTrue(r.ok(), () -> "first build: " + r.findings());
        assertTrue(state.built());
        assertEquals(pageCount(), state.rendered().size(), "the first build renders every page");
    }

    @Test
    void nothingChangedRendersAndWritesNothing() throws IOException {
        rebuild();
        assertEquals(List.of(), state.rendered());
        assertEquals(List.of(), state.written());
        assertSameAsFullBuild();
    }

    @Test
    void aNarrativeEditRendersThatPageOnly() throws IOException {
        Content.edit(content.resolve("narrative/business-review/esg.md"), s -> s + "\nA sentence added while previewing.\n");
        rebuild();
        assertEquals(List.of("business-review/esg.html"), state.rendered());
        // the page, and the search index's shards of the words it gained and its document block (not the whole index)
        assertTrue(state.written().contains("business-review/esg.html"), state.written().toString());
        assertEquals(1, state.written().stream().filter(f -> f.startsWith(SearchIndex.DIR + "d")).count(), "the page's document block: " + state.written());
        for (String f : state.written()) assertTrue(f.equals("business-review/esg.html") || f.startsWith(SearchIndex.DIR), f);
        long indexFiles = SiteTree.files(live).stream().filter(f -> f.startsWith(SearchIndex.DIR)).count();
        assertTrue(state.written().size() - 1 < indexFiles / 2, state.written() + " of " + indexFiles);
        assertSameAsFullBuild();
    }

    @Test
    void aTitleEditRendersThePagesWhoseNavigationShowsIt() throws IOException {
        Content.edit(content.resolve("narrative/business-review/esg.md"), s -> s.replaceFirst("(?m)^title: .*$", "title: Environment and society"));
        rebuild();
        assertEquals(pageCount(), state.rendered().size(), "the bundled layout lists every title in its navigation");
        assertSameAsFullBuild();
    }

    @Test
    void aTableEditRendersThePagesCitingTheTableAndTheNoteOfTheEditedRow() throws IOException {
        Content.edit(content.resolve("data/income-statement.json"), s -> s.replace("\"label\": \"Revenue\"", "\"label\": \"Revenue from contracts\""));
        rebuild();
        // the "Cited in" list of the note the edited row cites (4(a)) shows the row's label; other notes' lists do not change;
        // the Data checks page counts the checks; the pages of passed checks that name the line item, by its label, change
        Set<String> expected = expectedForTable("income-statement", "revenue");
        expected.addAll(List.of("data-checks.html", "data-checks/figures-in-the-text.html", "data-checks/same-line-item-in-two-tables.html",
                "data-checks/ties-between-tables.html"));
        assertEquals(expected, new TreeSet<>(state.rendered()));
        assertTrue(state.written().contains("downloads/income-statement.csv"));
        assertTrue(state.written().contains("downloads/dataset.json"));
        assertFalse(state.written().contains("downloads/balance-sheet.csv"), "other tables' downloads are left alone");
        assertSameAsFullBuild();
    }

    @Test
    void aPageWhoseProseStatesAmountsIsMadeAgainWhenAnyTableChanges() throws IOException {
        // the investment properties note 15 quotes are in the balance sheet; the edit is to a table note 15 never names
        Content.edit(content.resolve("data/income-statement.json"), s -> s.replace("\"label\": \"Revenue\"", "\"label\": \"Revenue from contracts\""));
        rebuild();
        assertTrue(state.rendered().contains("notes/note-15.html"), () -> "rendered: " + state.rendered());
        assertSameAsFullBuild();
    }

    @Test
    void aFigureCitedOnOnePageChangesTheInspectorDataOfThePagesThatShowItNotTheirHtml() throws IOException {
        Content.edit(content.resolve("narrative/business-review/esg.md"),
                s -> s + "\nGross profit for the period was RMB{{fact:income-statement/gross-profit/h1-2024|million}} million.\n");
        rebuild();
        // the Data checks page counts the check of the new figure, the page of passed citations lists it
        assertEquals(Set.of("business-review/esg.html", "data-checks.html", "data-checks/facts-cited-in-the-text.html"), Set.copyOf(state.rendered()));
        assertTrue(state.written().contains("assets/facts/financial-statements/income-statement.js"),
                () -> "the income statement's panel lists the new place: " + state.written());
        assertFalse(state.written().contains("financial-statements/income-statement.html"));
        assertSameAsFullBuild();
    }

    @Test
    void aTableTemplateEditRendersOnlyPagesWithTables() throws IOException {
        Content.edit(templates.resolve("table.html"), s -> s.replace("<figure class=\"fin-table\"", "<figure data-edited=\"yes\" class=\"fin-table\""));
        rebuild();
        Report report = load();
        Set<String> withTables = new TreeSet<>();
        for (Page p : report.pages()) {
            if (p.references().stream().anyMatch(r -> r.kind() == Reference.Kind.TABLE)) withTables.add(p.outputPath());
        }
        assertEquals(withTables, new TreeSet<>(state.rendered()));
        assertSameAsFullBuild();
    }

    @Test
    void aLayoutEditRendersEveryPage() throws IOException {
        Content.edit(templates.resolve("layout.html"), s -> s.replace("<body", "<body data-edited=\"yes\""));
        rebuild();
        assertEquals(pageCount(), state.rendered().size());
        assertSameAsFullBuild();
    }

    @Test
    void aStaticEditCopiesThatFileOnly() throws IOException {
        Content.edit(statics.resolve("assets/site.css"), s -> s + "\n/* edited */\n");
        rebuild();
        assertEquals(List.of(), state.rendered());
        assertEquals(List.of("assets/site.css"), state.written());
        assertSameAsFullBuild();
    }

    @Test
    void addingAndRemovingPagesAddsAndRemovesTheirFiles() throws IOException {
        Path added = content.resolve("narrative/notes/note-99.md");
        Files.writeString(added, "---\ntitle: A note added while previewing\norder: 990\nnote: \"99\"\n---\nSee note 4 for the segments.\n");
        rebuild();
        assertTrue(Files.isRegularFile(live.resolve("notes/note-99.html")));
        assertSameAsFullBuild();

        Files.delete(added);
        rebuild();
        assertTrue(state.deleted().contains("notes/note-99.html"));
        assertFalse(Files.exists(live.resolve("notes/note-99.html")));
        assertSameAsFullBuild();
    }

    @Test
    void theDataChecksPagesGoAndComeBackWithTheNavigationEntry() throws IOException {
        Path report = content.resolve("report.json");
        String before = Files.readString(report);
        Content.edit(report, s -> s.replace(",\n    { \"title\": \"Data checks\", \"pages\": [\"data-checks\"] }", ""));
        rebuild();
        assertTrue(state.deleted().contains("data-checks/footing.html"), () -> "deleted: " + state.deleted());
        assertFalse(Files.exists(live.resolve("data-checks")), "the folder of passed checks goes with its pages");
        assertSameAsFullBuild();

        Files.writeString(report, before);
        rebuild();
        assertTrue(Files.isRegularFile(live.resolve("data-checks/footing.html")));
        assertSameAsFullBuild();
    }

    /**
     * A page kept from the last build is not checked again for links unless what its links may point at changed: here a
     * heading it links to is renamed on another page, and the kept page's link is reported broken at its line.
     */
    @Test
    void anAnchorRemovedFromAnotherPageBreaksTheLinkOfAPageNotMadeAgain() throws IOException {
        Path target = content.resolve("narrative/notes/note-98.md");
        Files.writeString(target, "---\ntitle: Anchors\norder: 980\n---\n## Part two\n\nText.\n");
        Path linking = content.resolve("narrative/notes/note-97.md");
        Files.writeString(linking, "---\ntitle: Linking\norder: 970\n---\nSee [part two](note-98.html#part-two).\n");
        rebuild();
        assertSameAsFullBuild();

        Content.edit(target, s -> s.replace("## Part two", "## Part three"));
        SiteBuild.Result r = Builds.build(options(live), state);
        assertFalse(r.ok(), "the kept page's link lost its anchor");
        assertTrue(r.findings().stream().anyMatch(f -> f.isError() && f.code().equals("link.broken") && f.location() != null
                && f.location().file().equals("narrative/notes/note-97.md") && f.location().line() == 5), () -> "located: " + r.findings());

        Content.edit(target, s -> s.replace("## Part three", "## Part two"));
        rebuild();
        assertSameAsFullBuild();
    }

    @Test
    void aGlossaryEditRendersEveryPageThatLinksTerms() throws IOException {
        Content.edit(content.resolve("glossary.json"), s -> s.replaceFirst("\"definition\": \"", "\"definition\": \"(edited) "));
        rebuild();
        assertEquals(pageCount(), state.rendered().size());
        assertSameAsFullBuild();
    }

    @Test
    void aBrokenEditWritesNothingAndTheNextGoodEditBuildsOnTheLastGoodSite() throws IOException {
        Path page = content.resolve("narrative/business-review/esg.md");
        String good = Files.readString(page);
        Path css = live.resolve("assets/site.css");
        long before = Files.getLastModifiedTime(live.resolve("business-review/esg.html")).toMillis();
        Files.writeString(page, good + "\nSee {{fact:no-such-table/revenue/h1-2025}}.\n");
        SiteBuild.Result broken = Builds.build(options(live), state);
        assertFalse(broken.ok());
        assertTrue(broken.findings().stream().anyMatch(f -> f.isError() && f.location().file().endsWith("esg.md")));
        assertEquals(before, Files.getLastModifiedTime(live.resolve("business-review/esg.html")).toMillis(), "the last good page stays");
        assertTrue(Files.isRegularFile(css));

        Files.writeString(page, good + "\nFixed again.\n");
        rebuild();
        assertEquals(List.of("business-review/esg.html"), state.rendered());
        assertSameAsFullBuild();
    }

    @Test
    void aTableValueThatBreaksAFootingFailsUntilFixedAndTheChecksRunAgain() throws IOException {
        Path table = content.resolve("data/income-statement.json");
        String good = Files.readString(table);
        byte[] before = Files.readAllBytes(live.resolve("financial-statements/income-statement.html"));
        Files.writeString(table, good.replace("\"h1-2025\": 2358198", "\"h1-2025\": 2358199"));
        SiteBuild.Result broken = Builds.build(options(live), state);
        assertFalse(broken.ok(), "revenue no longer adds up to gross profit");
        assertTrue(broken.findings().stream().anyMatch(f -> f.isError() && f.location() != null
                && f.location().file().equals("data/income-statement.json")), () -> "a located error: " + broken.findings());
        assertArrayEquals(before, Files.readAllBytes(live.resolve("financial-statements/income-statement.html")), "the last good page stays");

        Files.writeString(table, good);
        rebuild();
        assertEquals(List.of(), state.rendered(), "back to the last good content: nothing to redo");
        assertSameAsFullBuild();
    }

    // --- helpers

    private SiteBuild.Options options(Path out) {
        return new SiteBuild.Options(content, templates, statics, out, true, null);
    }

    private void rebuild() {
        SiteBuild.Result r = Builds.build(options(live), state);
        assertTrue(r.ok(), () -> "incremental build: " + r.findings());
    }

    private Report load() {
        Report r = ContentLoader.load(content, new Findings());
        assertTrue(r != null);
        return r;
    }

    private int pageCount() {
        // and the pages of passed checks the build wrote, one per category with any
        return load().pages().size() + Reserved.Generated.values().length
                + (int) SiteTree.pages(live).stream().filter(f -> f.startsWith(Reserved.DATA_CHECKS_FOLDER)).count();
    }

    /**
     * Pages placing or citing the table, the note pages whose "Cited in" lists the row, and every page whose prose states
     * amounts (which of them are figures of the dataset is decided against every table).
     */
    private Set<String> expectedForTable(String tableId, String rowId) {
        Report report = load();
        Index index = new Index(report);
        Set<String> out = new TreeSet<>();
        for (Page p : report.pages()) {
            if (ProseFacts.of(report).quotesAmounts(p)) out.add(p.outputPath());
            for (Reference r : p.references()) {
                boolean cites = switch (r.kind()) {
                    case TABLE, CHART -> r.target().equals(tableId);
                    case FACT -> r.target().startsWith(tableId + "/");
                    default -> false;
                };
                if (cites) out.add(p.outputPath());
            }
        }
        if (index.tableHome(tableId).isPresent()) {
            Table t = report.tables().get(tableId);
            for (Row row : t.rows()) {
                if (!row.id().equals(rowId)) continue;
                for (String n : row.notes()) {
                    index.note(NoteKey.parent(NoteKey.normalize(n))).ifPresent(target -> out.add(target.pageId() + ".html"));
                }
            }
        }
        return out;
    }

    /** The live site equals, file for file and byte for byte, a full build of the same input into a fresh folder. */
    private void assertSameAsFullBuild() {
        Path full = tmp.resolve("full-" + System.nanoTime());
        SiteBuild.Result r = SiteBuild.run(options(full));
        assertTrue(r.ok(), () -> "full build: " + r.findings());
        Snapshot a = Snapshot.of(live), b = Snapshot.of(full);
        assertEquals(b.files().keySet(), a.files().keySet(), "same files");
        assertEquals(List.of(), a.differences(b), "files whose bytes differ from a full build");
    }
}
