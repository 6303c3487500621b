package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.SitePaths;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the statements look like around their figures: the same breadcrumbs on every page of a section, no "Line item" header printed. */
class StatementShapeTest {

    @Test
    void everyPageOfASectionOfSeveralPagesHasTheSameTrail() {
        Report report = ContentLoader.load(Content.BUNDLED, new Findings());
        int checked = 0;
        for (ReportMeta.NavSection s : report.meta().navigation()) {
            if (s.pages().size() < 2) continue;
            for (String id : s.pages()) {
                if (id.equals("index")) continue;
                Document d = Bundled.page(SitePaths.pageFile(id));
                List<String> crumbs = d.select("nav.breadcrumbs li").eachText();
                assertEquals(3, crumbs.size(), id + ": " + crumbs);
                assertEquals(List.of("Home", s.title()), crumbs.subList(0, 2), id);
                assertEquals(d.selectFirst("h1").text().replaceFirst("^\\d+[A-Za-z()]* ", ""), crumbs.get(2).replaceFirst("^\\d+[A-Za-z()]* ", ""), id);
                Element current = d.selectFirst("nav.breadcrumbs [aria-current=page]");
                assertNotNull(current, id);
                assertEquals(crumbs.get(2), current.text());
                assertEquals(1, d.select("nav.breadcrumbs [aria-current]").size(), id + ": only the page itself is current");
                checked++;
            }
        }
        assertTrue(checked >= 5, "the statements and other sections: " + checked);
        Document first = Bundled.page("financial-statements/income-statement.html");
        assertEquals(List.of("Home", "Financial Information", "Interim Condensed Consolidated Income Statement"),
                first.select("nav.breadcrumbs li").eachText(), "the first statement as the others");
    }

    @Test
    void theLineItemHeaderIsForScreenReadersOnly() {
        for (String page : List.of("financial-statements/income-statement.html", "financial-statements/balance-sheet.html", "notes/note-04.html")) {
            Document d = Bundled.page(page);
            List<Element> heads = d.select("table thead th.label-col");
            assertTrue(!heads.isEmpty(), page);
            for (Element th : heads) {
                Element label = th.selectFirst("span");
                assertEquals("Line item", label.text(), "the column keeps its name for screen readers");
                assertTrue(label.hasClass("visually-hidden"), "but does not print it: " + th.outerHtml());
            }
        }
    }
}
