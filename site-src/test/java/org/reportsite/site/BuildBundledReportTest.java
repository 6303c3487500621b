package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the bundled report and checks the site as a reader (and a link checker) would. */
class BuildBundledReportTest {

    @Test
    void everyNarrativePageIsWrittenWithItsTitle() {
        Report report = ContentLoader.load(Content.BUNDLED, new Findings());
        assertNotNull(report);
        assertTrue(report.pages().size() >= 30, "the bundled report has all its sections");
        for (Page p : report.pages()) {
            Path file = Bundled.dir().resolve(p.outputPath());
            assertTrue(Files.isRegularFile(file), "page written: " + p.outputPath());
            Document d = Bundled.page(p.outputPath());
            assertTrue(d.selectFirst("h1").text().contains(p.title()), "h1 of " + p.id());
            assertTrue(d.title().contains(p.title()), "title of " + p.id());
        }
        for (String generated : List.of("glossary.html", "data-checks.html", "404.html", "assets/site.css", "assets/search-index.js",
                "downloads/dataset.json", "downloads/income-statement.csv")) {
            assertTrue(Files.isRegularFile(Bundled.dir().resolve(generated)), generated);
        }
    }

    @Test
    void everyLocalLinkAndAnchorResolvesAndIsExplicitAndRelative() {
        int checked = 0;
        for (String file : Bundled.htmlFiles()) {
            Document d = Bundled.page(file);
            for (Element e : d.select("[href], [src]")) {
                String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (v.startsWith("data:")) continue;
                assertFalse(v.startsWith("/") || v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//"),
                        file + ": link must be relative and local: " + v);
                String path = v.contains("#") ? v.substring(0, v.indexOf('#')) : v;
                String frag = v.contains("#") ? v.substring(v.indexOf('#') + 1) : "";
                assertFalse(path.endsWith("/"), file + ": link must name a file: " + v);
                Path target = path.isEmpty() ? Bundled.dir().resolve(file)
                        : Bundled.dir().resolve(file).getParent().resolve(path).normalize();
                assertTrue(target.startsWith(Bundled.dir()), file + ": link leaves the site: " + v);
                assertTrue(Files.isRegularFile(target), file + ": broken link " + v);
                if (!frag.isEmpty() && target.toString().endsWith(".html")) {
                    Document t = Bundled.page(Bundled.dir().relativize(target).toString());
                    assertNotNull(t.getElementById(frag), file + ": missing anchor " + v);
                }
                checked++;
            }
        }
        assertTrue(checked > 1000, "links checked: " + checked);
    }

    @Test
    void navigationListsEveryPageAndMarksTheCurrentOne() {
        Document d = Bundled.page("notes/note-04.html");
        Element current = d.selectFirst("nav.site-nav a[aria-current=page]");
        assertNotNull(current);
        assertEquals("note-04.html", current.attr("href"));
        // a small site's navigation lists every page, the generated ones it names, and the contents page
        assertEquals(Bundled.result().pages() + 2, d.select("nav.site-nav .nav-section a").size(), "every page and the generated ones are in the navigation");
        assertEquals("../contents.html", d.selectFirst("nav.site-nav .nav-contents a").attr("href"));
        assertNotNull(d.selectFirst("nav.pager a[rel=prev]"));
        assertNotNull(d.selectFirst("nav.pager a[rel=next]"));
    }

    @Test
    void incomeStatementShowsPublishedValuesInAccountingFormat() {
        Document d = Bundled.page("financial-statements/income-statement.html");
        Element table = d.getElementById("table-income-statement");
        assertNotNull(table);
        assertEquals("2,358,198", cell(table, "revenue", 0));
        assertEquals("(1,450,398)", cell(table, "cost-of-sales", 0));
        assertEquals("(2,477,212)", cell(table, "loss-for-the-period", 1));
        assertTrue(table.selectFirst("caption").text().contains("RMB'000"));
        assertEquals("row", table.selectFirst("tr#r-income-statement-revenue > th").attr("scope"));
        assertEquals(2, table.select("thead th[scope=col].num").size());
    }

    @Test
    void computedColumnsAreShownOnlyWhereTheReportPrintsNoSuchColumn() {
        Element mdna = Bundled.page("mdna/results.html").getElementById("table-mdna-results");
        assertEquals("35.6%", mdna.selectFirst("tr[data-row=revenue] td.computed").text(), "revenue grew 35.6% as the MD&A says");
        assertEquals("49.1%", mdna.selectFirst("tr[data-row=cost-of-sales] td.computed").text(), "cost of sales increased by 49.1%");
        assertTrue(mdna.selectFirst("thead").text().contains("Change (computed)"));
        Element segments = Bundled.page("mdna/results.html").getElementById("table-revenue-by-segment");
        assertEquals(0, segments.select("td.computed").size(), "printed shares are checked, not shown twice");
    }

    static String cell(Element table, String rowId, int column) {
        Element tr = table.selectFirst("tr[data-row=" + rowId + "]");
        assertNotNull(tr, "row " + rowId);
        return tr.select("td.num").get(column).text();
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
        Path a = Files.createTempDirectory("det-a").resolve("site");
        Path b = Files.createTempDirectory("det-b").resolve("site");
        assertTrue(Builds.build(Content.BUNDLED, a).ok());
        assertTrue(Builds.build(Content.BUNDLED, b).ok());
        List<String> fa = files(a), fb = files(b);
        assertEquals(fa, fb);
        for (String f : fa) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }

    static List<String> files(Path root) {
        return List.copyOf(SiteTree.files(root));
    }

    @Test
    void aBrokenContentFileFailsWithItsLocationAndLeavesThePreviousSiteIntact() throws IOException {
        Path out = Files.createTempDirectory("keep").resolve("site");
        assertTrue(Builds.build(Content.BUNDLED, out).ok());
        List<String> before = files(out);
        byte[] index = Files.readAllBytes(out.resolve("index.html"));

        Path content = Content.bundled().dir();
        Path table = content.resolve("data/income-statement.json");
        List<String> lines = new ArrayList<>(Files.readAllLines(table));
        int line = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("2358198")) { lines.set(i, lines.get(i).replace("2358198", "\"2,358,198\"")); line = i + 1; break; }
        }
        assertTrue(line > 0);
        Files.write(table, lines);

        SiteBuild.Result r = Builds.build(content, out);
        assertFalse(r.ok());
        var err = r.findings().stream().filter(f -> f.isError()).findFirst().orElseThrow();
        assertEquals("data/income-statement.json", err.location().file());
        assertEquals(line, err.location().line());
        assertTrue(err.message().contains("must be a JSON number"), err.message());
        assertEquals(before, files(out), "previous site untouched");
        assertArrayEquals(index, Files.readAllBytes(out.resolve("index.html")));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")).toList(), "temporary folder removed");
        }
    }

    @Test
    void noPageReferencesAnythingOutsideTheSite() {
        for (String file : Bundled.htmlFiles()) {
            String html = Bundled.page(file).outerHtml();
            assertFalse(html.contains("fetch("), file);
            for (String scheme : Arrays.asList("note:", "table:", "page:", "term:", "site:")) {
                assertFalse(html.contains("href=\"" + scheme), file + " has an unresolved " + scheme + " link");
            }
            URI.create("file:///x/" + file);
        }
    }
}
