package org.reportsite.html;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Footnote links to the notes, "Cited in" lists, facts with identity, CSV downloads and unresolvable references. */
class CrossReferenceTest {
    private final Report report = ContentLoader.load(Content.BUNDLED, new Findings());

    /** Every note cited by a statement line links to that note's (or sub-note's) heading. */
    @Test
    void everyNoteReferenceInEveryTableLandsOnTheRightNoteHeading() {
        int links = 0;
        for (String file : Bundled.htmlFiles()) {
            Document d = Bundled.page(file);
            for (Element a : d.select("figure.fin-table th.label .row-notes a")) {
                String key = NoteKey.normalize(a.text());
                String href = a.attr("href");
                Path target = Bundled.dir().resolve(file).getParent().resolve(href.substring(0, href.indexOf('#'))).normalize();
                Document note = Bundled.page(Bundled.dir().relativize(target).toString());
                Element heading = note.getElementById(href.substring(href.indexOf('#') + 1));
                assertNotNull(heading, file + ": " + href);
                assertTrue(heading.tagName().matches("h[1-6]"), "lands on a heading: " + href);
                String parent = NoteKey.parent(key);
                assertTrue(note.selectFirst("h1").text().startsWith(parent + " "), "lands on note " + parent + ": " + href);
                if (!key.equals(parent)) {
                    assertTrue(heading.text().startsWith("(" + key.substring(parent.length()) + ")"), "lands on sub-note " + key + ": " + heading.text());
                }
                links++;
            }
        }
        long cited = report.tables().values().stream().flatMap(t -> t.rows().stream()).mapToLong(r -> r.notes().size()).sum();
        assertEquals(cited, links, "every cited note is a link");
        assertTrue(links >= 20, "the statements cite their notes: " + links);
    }

    @Test
    void everyNoteListsWhereItIsCitedWithUniqueDescriptiveNames() {
        Set<String> citedNotes = new HashSet<>();
        for (Table t : report.tables().values()) for (Row r : t.rows()) for (String n : r.notes()) citedNotes.add(NoteKey.parent(NoteKey.normalize(n)));
        assertTrue(citedNotes.containsAll(List.of("4", "5", "6", "7", "8", "10", "11", "12", "15")), citedNotes.toString());
        for (String n : citedNotes) {
            String file = String.format("notes/note-%02d.html", Integer.parseInt(n));
            Document d = Bundled.page(file);
            Element aside = d.selectFirst("aside.cited-in");
            assertNotNull(aside, file + " lists its citations");
            List<String> names = aside.select("a").eachAttr("aria-label");
            assertFalse(names.isEmpty());
            assertEquals(names.size(), new HashSet<>(names).size(), file + ": accessible names are unique " + names);
        }
        Document note4 = Bundled.page("notes/note-04.html");
        assertTrue(note4.selectFirst("aside.cited-in").text().contains("Revenue"), "note 4 is cited by the revenue line");
    }

    @Test
    void proseMentionsOfNotesAreLinked() {
        Document d = Bundled.page("mdna/liquidity.html");
        Element a = d.selectFirst("div.content a.note-ref");
        assertNotNull(a, "\"note 15\" is linked in the MD&A");
        assertTrue(a.attr("href").startsWith("../notes/note-15.html#note-15"), a.attr("href"));
    }

    @Test
    void everyDatasetNumberCarriesItsIdentityAndATooltip() {
        Document d = Bundled.page("financial-statements/balance-sheet.html");
        Element cell = d.selectFirst("td[data-fact=balance-sheet/total-assets/jun-2025]");
        assertNotNull(cell);
        assertEquals("35,580,941", cell.text());
        assertTrue(cell.attr("title").contains("Total assets") && cell.attr("title").contains("RMB'000"), cell.attr("title"));
        Document prose = Bundled.page("mdna/results.html");
        Element fact = prose.selectFirst("div.content p a.fact[data-fact]");
        assertNotNull(fact, "facts in prose carry their identity");
        assertFalse(fact.attr("title").isBlank());
    }

    @Test
    void csvDownloadsParseBackToTheDatasetValues() throws IOException {
        for (Table t : report.tables().values()) {
            Path csv = Bundled.dir().resolve("downloads/" + t.id() + ".csv");
            try (Reader r = Files.newBufferedReader(csv)) {
                List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
                assertEquals(t.rows().size(), records.size(), t.id());
                for (int i = 0; i < records.size(); i++) {
                    Row row = t.rows().get(i);
                    CSVRecord rec = records.get(i);
                    assertEquals(row.id(), rec.get("row_id"));
                    assertEquals(row.label(), rec.get("label"));
                    for (Table.Column c : t.columns()) {
                        String v = rec.get(c.id());
                        if (c.text()) {
                            assertEquals(row.texts().getOrDefault(c.id(), ""), v);
                        } else if (row.amount(c.id()) == null) {
                            assertEquals("", v, t.id() + "/" + row.id() + "/" + c.id());
                        } else {
                            assertEquals(0, row.amount(c.id()).compareTo(new BigDecimal(v)), t.id() + "/" + row.id() + "/" + c.id());
                        }
                    }
                }
            }
            Element link = null;
            for (String f : Bundled.htmlFiles()) {
                link = Bundled.page(f).selectFirst("#table-" + t.id() + " a.download");
                if (link != null) break;
            }
            assertNotNull(link, "CSV link beside " + t.id());
        }
    }

    @Test
    void tableFootnotesAreNumberedPerTableAndLinkedBothWays() {
        Document d = Bundled.page("notes/note-05.html");
        Element table = d.getElementById("table-expenses-by-nature");
        Element ref = table.selectFirst("sup.fnref a");
        assertNotNull(ref);
        assertEquals("1", ref.text());
        Element note = d.getElementById(ref.attr("href").substring(1));
        assertNotNull(note);
        Element back = note.selectFirst("a.fn-back");
        assertEquals("#" + ref.id(), back.attr("href"));
    }

    @Test
    void anUnknownNoteReferenceInMarkdownFailsTheBuildWithFileAndLine() throws IOException {
        Path content = Content.bundled().dir();
        Path page = content.resolve("narrative/events-after-the-reporting-period.md");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(page));
        lines.add("");
        lines.add("See [the missing note](note:42b) for details.");
        Files.write(page, lines);
        SiteBuild.Result r = Builds.check(content);
        assertFalse(r.ok());
        var f = r.findings().stream().filter(x -> x.code().equals("ref.note")).findFirst().orElseThrow();
        assertEquals("narrative/events-after-the-reporting-period.md", f.location().file());
        assertEquals(lines.size(), f.location().line());
    }

    @Test
    void definedTermsLinkToTheGlossaryOnFirstUse() {
        Document d = Bundled.page("other-information.html");
        List<Element> terms = d.select("div.content a.term");
        assertFalse(terms.isEmpty());
        Set<String> targets = new HashSet<>();
        for (Element a : terms) {
            assertTrue(a.attr("href").startsWith("glossary.html#term-"), a.attr("href"));
            assertTrue(targets.add(a.attr("href")), "each term linked once per page: " + a.attr("href"));
        }
    }
}
