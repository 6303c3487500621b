package org.reportsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Reserved;
import org.reportsite.model.SitePaths;
import org.reportsite.testkit.Bundled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the layout gives a reader on every page of the bundled site, read from the built HTML: the root prefix
 * the search script needs, navigation that marks where you are, no inline script or style (a strict CSP), the
 * home page charts, and a search index whose every link lands on an anchor that exists.
 */
class ReaderLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPageCarriesItsRootPrefixAndMarksWhereTheReaderIs() {
        for (String file : Bundled.htmlFiles()) {
            Document d = Bundled.page(file);
            Element body = d.body();
            assertEquals(SitePaths.rootPrefix(file), body.attr("data-root"), file);
            assertTrue(Files.isRegularFile(Bundled.dir().resolve(file).resolveSibling(body.attr("data-root") + "assets/search-index.js")), file);
            assertEquals(1, d.select("header.site-header").size(), file);
            assertNotNull(d.selectFirst("#search-input[type=search]"), file);
            assertNotNull(d.selectFirst("footer.site-footer cite"), file + ": the footer names the source document");
            if (file.equals("404.html")) continue;
            // a page of passed checks is in no navigation section: the Data checks page's section is open, no page is current
            boolean below = Reserved.parentOf(file.substring(0, file.length() - ".html".length())) != null;
            assertEquals(below ? 0 : 1, d.select(".site-nav a[aria-current=page]").size(), file + ": one current page in the navigation");
            if (below) assertTrue(d.selectFirst(".site-nav .nav-section.current").select("a").eachAttr("href").contains("../data-checks.html"), file);
            // the contents page is in no section of the bundled navigation: its own link above the sections is the current one
            assertEquals(file.equals("contents.html") ? 0 : 1, d.select(".site-nav .nav-section.current").size(), file + ": one current section");
            if (!file.equals("index.html")) {
                assertEquals(file.replaceAll("[^/]+/", "../").replaceAll("[^/]+\\.html$", "") + "index.html",
                        d.selectFirst(".breadcrumbs a").attr("href"), file + ": breadcrumbs start at home");
                assertEquals("page", d.selectFirst(".breadcrumbs [aria-current]").attr("aria-current"));
            }
        }
    }

    @Test
    void everyFigureCellNamesItsLineItemAndColumnHeaders() {
        int cells = 0;
        for (String file : Bundled.htmlFiles()) {
            for (Element table : Bundled.page(file).select("figure.fin-table table")) {
                Set<String> thIds = new HashSet<>(table.select("th[id]").eachAttr("id"));
                for (Element td : table.select("tbody td")) {
                    List<String> headers = List.of(td.attr("headers").split(" "));
                    assertFalse(td.attr("headers").isBlank(), file + ": cell without headers in " + table.parent().attr("aria-labelledby"));
                    for (String h : headers) assertTrue(thIds.contains(h), file + ": headers names " + h + ", no th of its table");
                    Element rowHeader = td.parent().selectFirst("th");
                    assertTrue(headers.contains(rowHeader.id()), file + ": cell not labelled by its row's header " + rowHeader.id());
                    cells++;
                }
            }
        }
        assertTrue(cells > 1000, "cells checked: " + cells);
    }

    @Test
    void noInlineScriptOrStyleSoAStrictContentSecurityPolicyHolds() {
        for (String file : Bundled.htmlFiles()) {
            Document d = Bundled.page(file);
            for (Element s : d.select("script")) assertFalse(s.attr("src").isEmpty(), file + ": inline script");
            assertTrue(d.select("style").isEmpty(), file + ": <style> element");
            assertTrue(d.select("[style]").isEmpty(), file + ": style attribute on " + d.select("[style]").first());
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), file + ": event handler attribute " + a.getKey()));
            }
            for (Element e : d.select("[href], [src]")) {
                String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertFalse(v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//"), file + ": external reference " + v);
            }
        }
    }

    @Test
    void theHomePageShowsTheChartsWithLinksToTheirTables() {
        Document d = Bundled.page("index.html");
        List<String> charted = d.select("figure.chart").eachAttr("data-table-id");
        assertTrue(charted.containsAll(List.of("revenue-by-segment", "revenue-by-geography", "cost-of-sales-by-nature",
                "cash-flow-summary", "trade-receivables-ageing-summary")), charted.toString());
        for (Element fig : d.select("figure.chart")) {
            Element svg = fig.selectFirst("svg[role=img]");
            assertNotNull(svg);
            assertFalse(svg.select("rect.bar, rect.seg").isEmpty(), fig.id());
            String href = fig.selectFirst(".chart-source a").attr("href");
            String[] parts = href.split("#");
            Document target = Bundled.page(parts[0]);
            Element table = target.getElementById(parts[1]);
            assertNotNull(table, href);
            assertEquals(fig.attr("data-table-id"), table.attr("data-table-id"), href);
        }
        assertFalse(d.select(".chart-grid > figure.chart + figure.chart").isEmpty(), "consecutive charts share a grid");
    }

    @Test
    void everySearchResultLandsOnAnAnchorOfItsPage() throws IOException {
        String js = Files.readString(Bundled.dir().resolve("assets/search-index.js"), StandardCharsets.UTF_8);
        assertTrue(js.startsWith("window.REPORT_SEARCH = "));
        JsonNode manifest = JSON.readTree(js.substring(js.indexOf('=') + 1, js.lastIndexOf(';')));
        // the entries, page by page, in the document blocks
        List<JsonNode> entries = new ArrayList<>();
        int pages = manifest.get("pages").asInt(), per = manifest.get("pagesPerBlock").asInt();
        for (int b = 0; b * per < pages; b++) {
            String block = Files.readString(Bundled.dir().resolve(SearchIndex.blockFile(b)), StandardCharsets.UTF_8);
            for (JsonNode page : JSON.readTree(block.substring(block.indexOf("] = ") + 4, block.lastIndexOf(';')))) page.forEach(entries::add);
        }
        assertTrue(entries.size() > 100, "entries: " + entries.size());
        Set<String> seen = new HashSet<>();
        boolean senseNova = false, borrowings = false;
        for (JsonNode e : entries) {
            String href = e.get("h").asText();
            String[] parts = href.split("#", 2);
            assertEquals(2, parts.length, href + " has an anchor");
            Path page = Bundled.dir().resolve(parts[0]);
            assertTrue(Files.isRegularFile(page), href);
            if (seen.add(href)) assertNotNull(Bundled.page(parts[0]).getElementById(parts[1]), href);
            String text = (e.get("s").asText() + " " + e.get("x").asText()).toLowerCase();
            senseNova |= text.contains("sensenova");
            borrowings |= text.contains("borrowings");
        }
        assertTrue(senseNova && borrowings, "the index covers narrative and notes");
    }
}
