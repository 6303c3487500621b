package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.reportsite.check.AcknowledgedMarks;
import org.reportsite.check.CheckResult;
import org.reportsite.check.ComputedColumns;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Reserved;
import org.reportsite.model.Table;
import org.reportsite.render.Amounts;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled site as a reader gets it, read with Jsoup: heading rows without dashes, "n.m." where a change is not
 * meaningful, the marks of acknowledged inconsistencies linked to their checks, notes in the line-item cell, and a
 * home page that opens with its figures while the legal boilerplate waits on its own page.
 */
class TablesAndHomePageTest {
    private final Report report = ContentLoader.load(Content.BUNDLED, new Findings());

    /** As the announcement prints them (seed lines 1 and 1230). */
    private static final String DISCLAIMER = "Hong Kong Exchanges and Clearing Limited, The Stock Exchange of Hong Kong Limited and Hong Kong "
            + "Securities Clearing Company Limited take no responsibility for the contents of this announcement, make no representation as to its "
            + "accuracy or completeness and expressly disclaim any liability whatsoever for any loss howsoever arising from or in reliance upon the "
            + "whole or any part of the contents of this announcement.";
    private static final String FORWARD_LOOKING = "This announcement contains certain forward-looking statements. These forward-looking statements "
            + "are based on information currently available to the Group or the current belief, expectations and assumptions of the Board.";

    /** Every table of the site, by id, as rendered, with the file it is on. */
    private static Map<String, Element> tables(Map<String, String> files) {
        Map<String, Element> out = new HashMap<>();
        for (String file : Bundled.htmlFiles()) {
            for (Element fig : Bundled.page(file).select("figure.fin-table")) {
                out.put(fig.attr("data-table-id"), fig);
                files.put(fig.attr("data-table-id"), file);
            }
        }
        return out;
    }

    private static Element row(Element fig, Table t, Row r) {
        Element tr = fig.getElementById("r-" + t.id() + "-" + r.id());
        assertNotNull(tr, t.id() + "/" + r.id());
        return tr;
    }

    @Test
    void aHeadingRowWithoutFiguresShowsNoDashesEvenWhenItCitesANote() {
        Map<String, Element> tables = tables(new HashMap<>());
        int headings = 0, citing = 0;
        for (Table t : report.tables().values()) {
            for (Row r : t.rows()) {
                if (r.style() != Row.Style.HEADING || r.hasValues()) continue;
                Element tr = row(tables.get(t.id()), t, r);
                for (Element td : tr.select("> td")) assertEquals("", td.text(), t.id() + "/" + r.id() + ": a heading row's cell is empty");
                assertTrue(tr.select(".nil").isEmpty(), t.id() + "/" + r.id());
                headings++;
                if (!r.notes().isEmpty()) {
                    citing++;
                    assertEquals(r.notes().size(), tr.select("th .row-notes a").size(), t.id() + "/" + r.id() + " links its notes");
                }
            }
        }
        assertTrue(headings > 20 && citing >= 2, headings + " heading rows, " + citing + " citing a note (note 12's table)");
    }

    @Test
    void computedChangesFollowTheNotMeaningfulRule() {
        Map<String, Element> tables = tables(new HashMap<>());
        int nm = 0, values = 0;
        for (Table t : report.tables().values()) {
            List<Table.Computed> shown = t.computed().stream().filter(c -> c.published() == null).toList();
            for (Row r : t.rows()) {
                if (r.style() == Row.Style.HEADING && !r.hasValues()) continue;
                List<Element> cells = row(tables.get(t.id()), t, r).select("> td.computed");
                assertEquals(shown.size(), cells.size());
                for (int i = 0; i < shown.size(); i++) {
                    ComputedColumns.Outcome o = ComputedColumns.outcome(t, r, shown.get(i));
                    Element td = cells.get(i);
                    if (o.nil()) {
                        assertEquals("–", td.selectFirst("[aria-hidden]").text());
                    } else if (!o.meaningful()) {
                        assertEquals("n.m.", td.selectFirst("[aria-hidden]").text(), t.id() + "/" + r.id());
                        assertEquals("not meaningful", td.selectFirst(".visually-hidden").text());
                        assertTrue(td.attr("title").contains(o.notMeaningful().words), td.attr("title"));
                        assertNotNull(tables.get(t.id()).selectFirst(".table-legend"), t.id() + " explains n.m.");
                        nm++;
                    } else {
                        assertEquals(Amounts.format(o.shown(), 1, true) + "%", td.text());
                        values++;
                    }
                }
            }
        }
        // the MD&A: other gains/(losses) and income tax change sign
        Element mdna = tables.get("mdna-results");
        for (String r : List.of("other-gains-losses-net", "income-tax")) {
            assertEquals("n.m.", mdna.getElementById("r-mdna-results-" + r).selectFirst("td.computed [aria-hidden]").text(), r);
        }
        assertFalse(mdna.text().contains("1,107.9") || mdna.text().contains("801.5"), "no percentage of a sign change");
        assertTrue(nm >= 2 && values >= 15, nm + " n.m., " + values + " percentages");
    }

    @Test
    void everyAcknowledgedInconsistencyIsMarkedOnItsTableAndLinkedToItsCheck() {
        Map<String, String> files = new HashMap<>();
        Map<String, Element> tables = tables(files);
        Document checks = Bundled.page("data-checks.html");
        Map<String, AcknowledgedMarks.TableMarks> marks = AcknowledgedMarks.of(report);
        List<String> marked = new ArrayList<>();
        for (var e : marks.entrySet()) {
            Element fig = tables.get(e.getKey());
            String prefix = files.get(e.getKey()).contains("/") ? "../" : "";
            for (var cell : e.getValue().cells().entrySet()) {
                String[] rc = cell.getKey().split("/");
                Element td = fig.getElementById("r-" + e.getKey() + "-" + rc[0]).selectFirst("td[headers~=h-" + e.getKey() + "-" + rc[1] + "]");
                assertNotNull(td, cell.getKey());
                for (AcknowledgedMarks.Mark m : cell.getValue()) assertMarkLinksToItsCheck(td, m, prefix, checks, marked);
            }
            for (var header : e.getValue().headers().entrySet()) {
                Element th = fig.getElementById("h-" + e.getKey() + "-" + header.getKey());
                for (AcknowledgedMarks.Mark m : header.getValue()) assertMarkLinksToItsCheck(th, m, prefix, checks, marked);
            }
            assertTrue(fig.selectFirst(".table-legend").text().contains("†"), e.getKey() + " explains the mark");
        }
        // every acknowledgement of the bundled checks.json concerns a table figure or header: all are marked
        List<String> keys = report.checks().acknowledged().stream().map(a -> a.finding()).toList();
        assertTrue(marked.containsAll(keys), "marked " + marked + ", acknowledged " + keys);
        // the "2023" of the Key Highlights header
        assertEquals("2023†", tables.get("key-highlights").getElementById("h-key-highlights-h1-2025").selectFirst("span").text()
                + tables.get("key-highlights").getElementById("h-key-highlights-h1-2025").selectFirst(".ack-mark").text());
        // no figure is marked that is not acknowledged
        long all = tables.values().stream().mapToLong(f -> f.select(".ack-mark").size()).sum();
        assertEquals(marked.size(), all);
    }

    private static void assertMarkLinksToItsCheck(Element cell, AcknowledgedMarks.Mark m, String prefix, Document checks, List<String> marked) {
        Element a = cell.selectFirst("a.ack-mark[href=" + prefix + "data-checks.html#" + m.anchor() + "]");
        assertNotNull(a, m.key() + " is marked in " + cell.outerHtml());
        assertEquals(m.reason(), a.attr("title"));
        Element entry = checks.getElementById(m.anchor());
        assertNotNull(entry, "Data checks has an entry for " + m.key());
        assertEquals("li", entry.tagName());
        assertTrue(entry.hasClass("acknowledged"), entry.outerHtml());
        assertNull(entry.closest("details"), "the entry a mark links to is shown without opening anything (and without JavaScript)");
        assertEquals(CheckResult.anchor(m.key()), m.anchor());
        marked.add(m.key());
    }

    @Test
    void checkAnchorsAreOneToOneWithKeys() {
        assertEquals("check-foot.use-of-proceeds.total.actual-use", CheckResult.anchor("foot/use-of-proceeds/total/actual-use"));
        assertFalse(CheckResult.anchor("foot/a-b/c").equals(CheckResult.anchor("foot/a/b-c")));
        assertFalse(CheckResult.anchor("prose/p/RMB1.0").equals(CheckResult.anchor("prose/p/RMB1_2e_0")));
        List<String> ids = new java.util.ArrayList<>();
        for (String file : Bundled.htmlFiles()) {
            if (file.equals("data-checks.html") || file.startsWith(Reserved.DATA_CHECKS_FOLDER)) ids.addAll(Bundled.page(file).select("li[id^=check-]").eachAttr("id"));
        }
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "ids are unique across the Data checks pages");
        assertTrue(ids.size() > 500, "every check has an entry: " + ids.size());
    }

    @Test
    void notesAreInTheLineItemCellAndNoTableHasANotesColumn() {
        Map<String, Element> tables = tables(new HashMap<>());
        int links = 0;
        for (Table t : report.tables().values()) {
            Element fig = tables.get(t.id());
            assertTrue(fig.select("td.notes, th.notes-col").isEmpty(), t.id());
            for (Row r : t.rows()) {
                Element th = row(fig, t, r).selectFirst("th");
                List<String> shown = th.select(".row-notes a").eachText();
                assertEquals(r.notes(), shown, t.id() + "/" + r.id());
                links += shown.size();
            }
            assertEquals(t.rows().stream().anyMatch(r -> !r.notes().isEmpty()), fig.selectFirst("thead .notes-head") != null, t.id());
        }
        assertTrue(links >= 20, "links: " + links);
    }

    @Test
    void theHomePageOpensWithItsFiguresAndTheLegalBoilerplateIsOnItsOwnPage() {
        Document home = Bundled.page("index.html");
        Element header = home.selectFirst("article.page > header.page-header");
        Element first = header.nextElementSibling();
        assertEquals("highlights", first.className(), "the cards come first: " + first.tagName() + "." + first.className());
        List<Element> cards = first.select("li.card");
        assertEquals(report.meta().highlights().size(), cards.size());
        for (int i = 0; i < cards.size(); i++) {
            var h = report.meta().highlights().get(i);
            Element value = cards.get(i).selectFirst(".card-value a.fact");
            assertEquals(h.fact(), value.attr("data-fact"), "bound to its fact");
            String[] p = h.fact().split("/");
            Table t = report.tables().get(p[0]);
            Table.Column c = t.column(p[2]).orElseThrow();
            var scaled = Amounts.scale(t.row(p[1]).orElseThrow().amount(p[2]), c.unit(), c.decimals(), h.options());
            assertEquals(Amounts.format(scaled.value(), scaled.decimals(), h.options().contains("abs") || c.minusSign()), value.text());
        }
        assertEquals("35.6%", cards.get(0).selectFirst(".card-change-value").text());
        assertEquals("72.7%", cards.get(1).selectFirst(".card-change-value").text(), "computed from the comparative column");
        // the charts come before the narrative; the exchange's disclaimer and the letterhead are not on the home page
        String text = home.selectFirst("main").text();
        assertTrue(text.indexOf("Revenue by segment") < text.indexOf("The Board is pleased to announce"));
        for (String boilerplate : List.of(DISCLAIMER, "(A company controlled through weighted voting rights and incorporated in the Cayman Islands "
                + "with limited liability)", "(Stock Codes: 0020 (HKD Counter) and 80020 (RMB Counter))", FORWARD_LOOKING)) {
            assertFalse(text.contains(boilerplate), boilerplate);
            assertTrue(Bundled.page("legal-notice.html").selectFirst("main").text().contains(boilerplate), boilerplate);
        }
        assertFalse(Bundled.page("closing.html").selectFirst("main").text().contains("forward-looking"));
        for (String file : Bundled.htmlFiles()) {
            Element link = Bundled.page(file).selectFirst("footer .footer-links a[href$=legal-notice.html]");
            assertNotNull(link, file + " links the legal notice");
            assertEquals("Legal notice", link.text());
        }
    }

    @Test
    void theIssuersLocalNameIsMarkedWithItsLanguageEverywhere() {
        String name = report.meta().issuer().localName();
        assertEquals("zh-Hans", report.meta().issuer().localNameLang());
        int found = 0;
        for (String file : Bundled.htmlFiles()) {
            List<TextNode> nodes = new ArrayList<>();
            NodeTraversor.traverse((n, d) -> { if (n instanceof TextNode t && t.getWholeText().contains(name)) nodes.add(t); }, Bundled.page(file).body());
            for (TextNode t : nodes) {
                Element withLang = ((Element) t.parent()).closest("[lang]");
                assertEquals("zh-Hans", withLang == null ? null : withLang.attr("lang"), file + ": " + t.parent().outerHtml());
                found++;
            }
        }
        assertTrue(found > 80, "header and footer of every page, and the pages that quote it: " + found);
        assertNull(Bundled.page("index.html").selectFirst("[lang=zh-Hant]"));
    }
}
