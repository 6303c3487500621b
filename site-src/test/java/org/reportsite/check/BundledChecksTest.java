package org.reportsite.check;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks on the bundled report: no error, every published inconsistency a warning with its reason, all listed on the site. */
class BundledChecksTest {
    /** The inconsistencies of the published announcement (content/SOURCES.md), acknowledged in checks.json. */
    static final List<String> ACKNOWLEDGED = List.of(
            "header/key-highlights/h1-2025",
            "foot/use-of-proceeds/total/actual-use",
            "tie/mdna-receivables-due-from-related-parties/jun-2025",
            "computed/revenue-by-segment/x-businesses/share-h1-2024",
            "computed/cost-of-sales-by-nature/hardware-costs-and-subcontracting-service-fees/share-h1-2025",
            "computed/cost-of-sales-by-nature/other-expenses/share-h1-2025",
            "computed/cost-of-sales-by-nature/other-expenses/share-h1-2024");

    private static CheckResult checks() { return Builds.check(Content.BUNDLED).checks(); }

    @Test
    void theBundledReportHasNoErrorAndEveryPublishedInconsistencyIsAnExplainedWarning() {
        SiteBuild.Result r = Builds.check(Content.BUNDLED);
        assertEquals(0, r.errors(), r.findings().stream().filter(Finding::isError).map(Finding::format).toList().toString());
        Set<String> warned = r.findings().stream().filter(f -> !f.isError() && f.key() != null).map(Finding::key).collect(Collectors.toSet());
        for (String key : ACKNOWLEDGED) {
            assertTrue(warned.contains(key), "warning for " + key);
            Finding f = Builds.finding(r, key);
            assertTrue(f.hint().startsWith("Acknowledged, kept as published: "), f.hint());
            assertNotNull(f.expected());
            assertNotNull(f.actual());
        }
        assertEquals(ACKNOWLEDGED.size(), r.checks().count(CheckResult.Status.ACKNOWLEDGED));
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("ack.unused")), "every acknowledgement is used");
    }

    @Test
    void everyKindOfCheckRunsOnTheBundledReport() {
        CheckResult c = checks();
        assertEquals(List.of("Footing", "Cross-footing", "Column headers", "Computed columns", "Ties between tables",
                "Same line item in two tables", "Figures in the text", "Facts cited in the text"), c.categories());
        assertEquals(0, c.count(CheckResult.Status.FAILED));
        // Each performed check has a unique key, so that each can be acknowledged on its own.
        assertEquals(c.performed().size(), c.performed().stream().map(CheckResult.Performed::key).distinct().count());
        // Dozens of declared ties, most over both periods.
        assertTrue(c.performed().stream().filter(p -> p.category().equals(TieCheck.CATEGORY)).count() >= 200);
    }

    @Test
    void theTwoRoundedTotalsThatDifferByOneDecimalPassWithinRounding() {
        CheckResult c = checks();
        for (String key : List.of("foot/ebitda-reconciliation/adjusted-ebitda/h1-2025", "foot/adjusted-net-loss-reconciliation/adjusted-net-loss/h1-2024")) {
            CheckResult.Performed p = c.performed().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            assertEquals(CheckResult.Status.PASSED, p.status());
            assertTrue(p.detail().contains("is within rounding"), p.detail());
        }
        // Their RMB'000 figures tie exactly to the key highlights.
        for (String key : List.of("tie/kh-adjusted-ebitda-from-statements-2025", "tie/kh-adjusted-net-loss-from-statements-2024")) {
            assertEquals(CheckResult.Status.PASSED, c.performed().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow().status());
        }
    }

    @Test
    void theDataChecksPageListsEveryCheckAndEveryAcknowledgedDifference() {
        CheckResult c = Bundled.result().checks();
        Document page = Bundled.page("data-checks.html");
        List<Element> rows = new java.util.ArrayList<>(page.select("section.check-category ul.check-list > li"));
        // every page of every category's passed checks, once (a category of many has a link to each of its pages)
        for (String href : new java.util.LinkedHashSet<>(page.select("p.check-passed-link a").eachAttr("href"))) {
            rows.addAll(Bundled.page(href).select("main ul.check-list > li"));
        }
        assertEquals(c.performed().size(), rows.size(), "every check run has its entry, on the Data checks page or its category's page");
        Element ack = page.selectFirst("ul.acknowledged");
        assertNotNull(ack);
        assertEquals(ACKNOWLEDGED.size(), ack.select("li").size());
        for (String key : ACKNOWLEDGED) {
            assertNotNull(ack.selectFirst("a[href=#" + CheckResult.anchor(key) + "]"), key);
            Element row = page.getElementById(CheckResult.anchor(key));
            assertNotNull(row, key);
            assertEquals(key, row.selectFirst("code.check-key").text(), "the key, for analysts");
        }
        // The published header year: its reason is on the page, and its check links to the table.
        Element header = ack.select("li").stream().filter(li -> li.selectFirst("a").attr("href").equals("#" + CheckResult.anchor("header/key-highlights/h1-2025")))
                .findFirst().orElseThrow();
        assertTrue(header.text().contains("\"2023\""), header.text());
        assertEquals("index.html#table-key-highlights", page.getElementById(CheckResult.anchor("header/key-highlights/h1-2025")).selectFirst("a").attr("href"));
        // An acknowledged footing links to the row it checks.
        Element foot = page.getElementById(CheckResult.anchor("foot/use-of-proceeds/total/actual-use"));
        assertTrue(foot.selectFirst("a").attr("href").endsWith("#r-use-of-proceeds-total"), foot.selectFirst("a").attr("href"));
        assertEquals(c.exempted().size(), page.select("ul.exempted li").size());
    }

    @Test
    void eachFactKnowsTheChecksItTakesPartIn() {
        var byFact = checks().byFact();
        List<String> revenue = byFact.get("income-statement/revenue/h1-2025").stream().map(CheckResult.Performed::key).toList();
        assertTrue(revenue.contains("foot/income-statement/gross-profit/h1-2025"), "the total it adds into: " + revenue);
        assertTrue(revenue.stream().anyMatch(k -> k.startsWith("tie/")), "a tie to another table: " + revenue);
        List<String> cited = byFact.get("revenue-by-segment/revenue/h1-2025").stream().map(CheckResult.Performed::key).toList();
        assertTrue(cited.stream().anyMatch(k -> k.startsWith("fact/mdna/results/")), "the prose that quotes it: " + cited);
        List<String> share = byFact.get("revenue-by-segment/x-businesses/pct-h1-2024").stream().map(CheckResult.Performed::key).toList();
        assertTrue(share.contains("computed/revenue-by-segment/x-businesses/share-h1-2024"), "the computed share it is checked by: " + share);
    }
}
