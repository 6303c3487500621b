package org.reportsite.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.check.CheckResult;
import org.reportsite.check.CheckResult.Performed;
import org.reportsite.check.CheckResult.Status;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.Severity;
import org.reportsite.model.Term;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated pages' view models, and the project's templates rendered with them (no build needed). */
class GeneratedPagesTest {
    static Templates templates;

    static final CheckResult RESULT = new CheckResult(List.of(
            new Performed("Footing", "foot/a/total/h1", "A: Total = sum of its 2 lines", Status.PASSED, "2,000 = 2,000", "table:a#r-a-total"),
            new Performed("Footing", "foot/b/total/h1", "B: Total = sum of its 3 lines", Status.ACKNOWLEDGED, "printed 5, sum 6 — as published", "table:b"),
            new Performed("Ties between tables", "tie/x/h1", "X ties to Y", Status.FAILED, null, null)),
            List.of(new Finding(Severity.WARNING, "foot.mismatch", "foot/b/total/h1", Location.of("data/b.json"), "acknowledged one", null, null, "h"),
                    Finding.warning("ref.table-unplaced", Location.of("data/c.json"), "table \"c\" is not placed on any page", "h"),
                    Finding.error("tie.mismatch", Location.of("checks.json"), "an error is not a warning", "h")),
            List.of(new Performed("Figures in the text", "prose/p/RMB1", "p, line 3: “RMB1”", Status.PASSED, null, "page:p")));

    @BeforeAll
    static void read() {
        templates = Builds.templates(Builds.TEMPLATES);
        assertEquals(List.of(), templates.missing(), "the project's templates folder has every template the renderer asks for");
    }

    static Document render(Reserved.Generated page, Object view) {
        return render(page.template(), view);
    }

    static Document render(String template, Object view) {
        Context ctx = new Context();
        ctx.setVariable("view", view);
        return Jsoup.parseBodyFragment(templates.engine().process(template, ctx));
    }

    /** A second company's report (HK$), for the words the page takes from the report. */
    static final Report HARBOURLINE = ContentLoader.load(Content.HARBOURLINE, new Findings());

    @Test
    void theDataChecksViewCountsGroupsAndKeepsAcknowledgedDifferencesOutOfTheWarnings() {
        GeneratedPages.DataChecks v = GeneratedPages.dataChecks(HARBOURLINE, RESULT);
        assertEquals(List.of(3L, 1L, 1L, 1L), List.of((long) v.run(), v.passed(), v.acknowledged(), v.failed()));
        assertEquals(List.of("Footing", "Ties between tables"), v.categories().stream().map(GeneratedPages.Category::name).toList());
        GeneratedPages.Category footing = v.categories().get(0);
        assertEquals("checks-footing", footing.id());
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of(footing.run(), footing.passed(), footing.acknowledged(), footing.failed()));
        assertNotNull(footing.intro());
        assertEquals(List.of("acknowledged"), footing.attention().stream().map(GeneratedPages.Check::cssClass).toList(), "shown first");
        assertEquals("site:data-checks/footing.html", footing.passedLink(), "the passed ones are on the category's page");
        assertEquals(1, footing.passedShown());
        assertNull(v.categories().get(1).passedLink(), "a category without passed checks has no such page");
        List<GeneratedPages.CheckPage> pages = GeneratedPages.checkPages(HARBOURLINE, RESULT);
        assertEquals(List.of("data-checks/footing"), pages.stream().map(GeneratedPages.CheckPage::id).toList());
        assertEquals(List.of("passed"), pages.get(0).groups().get(0).checks().stream().map(GeneratedPages.Check::cssClass).toList());
        assertEquals("site:data-checks.html#checks-footing", pages.get(0).overview());
        assertEquals(java.util.Map.of("foot/a/total/h1", "data-checks/footing", "foot/b/total/h1", "data-checks", "tie/x/h1", "data-checks"),
                GeneratedPages.checkEntryPages(HARBOURLINE, RESULT), "the inspector links each key to the page of its entry");
        assertEquals("", v.categories().get(1).attention().get(0).detail(), "no detail reads as empty");
        assertEquals(List.of("foot/b/total/h1"), v.acknowledgedChecks().stream().map(GeneratedPages.Check::key).toList());
        assertEquals("#check-foot.b.total.h1", v.acknowledgedChecks().get(0).target(), "the list of differences links to the check's row");
        assertEquals(List.of("table \"c\" is not placed on any page"), v.otherWarnings());
        assertEquals(1, v.exempted().size());
    }

    @Test
    void theDataChecksTemplateShowsEveryPartOfTheViewFailuresFirstPassedFolded() {
        Document d = render(Reserved.Generated.DATA_CHECKS, GeneratedPages.dataChecks(HARBOURLINE, RESULT));
        assertEquals(List.of("3 checks run", "1 passed", "1 acknowledged differences in the published document", "1 failed"),
                d.select("ul.check-summary li").eachText());
        assertEquals(List.of("#checks-footing", "#checks-ties-between-tables"), d.select("ul.check-categories a").eachAttr("href"));
        assertEquals(List.of("acknowledged", "warnings", "checks-footing", "checks-ties-between-tables", "not-from-the-dataset"), d.select("h2").eachAttr("id"));
        assertEquals("Footing", d.getElementById("checks-footing").text());
        Element ack = d.selectFirst("ul.acknowledged li");
        assertEquals("#check-foot.b.total.h1", ack.selectFirst("a").attr("href"));
        Element row = d.getElementById("check-foot.b.total.h1");
        assertNotNull(row, "the acknowledged check's row carries the anchor the tables' marks link to");
        assertNull(row.closest("details"), "and is shown without opening anything");
        assertEquals("foot/b/total/h1", row.selectFirst("code.check-key").text(), "the key, for analysts");
        assertEquals("table:b", row.selectFirst("a").attr("href"));
        Element failed = d.selectFirst("li.check.failed");
        assertNull(failed.selectFirst("a"), "a check with no figure to link to is plain text");
        assertTrue(failed.text().contains("X ties to Y") && failed.text().startsWith("Failed"), failed.text());
        assertNull(d.getElementById("check-foot.a.total.h1"), "a passed check is not on the page");
        assertEquals(List.of("site:data-checks/footing.html"), d.select("p.check-passed-link a").eachAttr("href"));
        assertEquals("The 1 passed checks of Footing", d.selectFirst("p.check-passed-link a").text());
        assertEquals("page:p", d.selectFirst("ul.exempted a").attr("href"));
        Document c = render(Templates.CHECK_PAGE, GeneratedPages.checkPages(HARBOURLINE, RESULT).get(0));
        Element passed = c.getElementById("check-foot.a.total.h1");
        assertEquals("Total = sum of its 2 lines: 2,000 = 2,000", passed.text(), "under the name of its table, on the category's page");
        assertEquals("table:a", passed.parent().previousElementSibling().selectFirst("a").attr("href"));
        assertEquals("A", passed.parent().previousElementSibling().text());
        assertEquals("site:data-checks.html#checks-footing", c.selectFirst("p.lead a").attr("href"), "back to the category");
        assertTrue(c.text().contains("HK$'000"), "the category's sentence in the report's own units: " + c.text());
    }

    @Test
    void theDataChecksPageSpeaksOfTheReportsOwnUnitsAndNamesFiguresAsReadersDo() {
        CheckResult r = new CheckResult(List.of(
                new Performed("Ties between tables", "tie/kf-revenue/h1-2025", "Revenue: highlights = income statement", Status.PASSED,
                        "key-figures/revenue/h1-2025 612.3 = income-statement/revenue/h1-2025 612,317: equal when rounded to HK$ million", null),
                new Performed("Facts cited in the text", "fact/financial-review/x", "financial-review, line 23: {{fact:income-statement/profit-for-the-period/h1-2025|million}}",
                        Status.PASSED, "rendered from the dataset", null),
                new Performed("Footing", "foot/no-such/row/col", "kept/as/written when nothing/resolves", Status.PASSED, "-balance-sheet/no-row/sep-2025", null)),
                List.of());
        GeneratedPages.DataChecks v = GeneratedPages.dataChecks(HARBOURLINE, r);
        String text = render(Reserved.Generated.DATA_CHECKS, v).text();
        assertTrue(text.contains("Figures in HK$'000 (thousands of Hong Kong dollars) must add up exactly"), text);
        assertTrue(!text.contains("RMB"), "no word of another report's currency: " + text);
        List<GeneratedPages.CheckPage> pages = GeneratedPages.checkPages(HARBOURLINE, r);
        GeneratedPages.Check tie = pages.get(0).groups().get(0).checks().get(0);
        assertEquals("Revenue 612.3 = Revenue 612,317: equal when rounded to HK$ million", tie.detail(), "the tables and period are the description's");
        GeneratedPages.Check fact = pages.get(1).groups().get(0).checks().get(0);
        assertEquals("Financial review", pages.get(1).groups().get(0).title(), "the page quoting it names the group");
        assertEquals("Profit for the period (Condensed consolidated income statement, six months ended 30 September 2025)", fact.description());
        GeneratedPages.Check kept = pages.get(2).groups().get(0).checks().get(0);
        assertEquals("kept/as/written when nothing/resolves", kept.description());
        assertEquals("-balance-sheet/no-row/sep-2025", kept.detail());
        for (GeneratedPages.CheckPage page : pages) text += " " + render(Templates.CHECK_PAGE, page).text();
        assertTrue(!text.contains("RMB"), "no word of another report's currency on the pages of passed checks: " + text);
        assertTrue(!text.contains("income-statement/") && !text.contains("key-figures/"), "no key in the readers' text but the keys' small print: " + text);
    }

    /** The Data checks page of a report whose checks all pass, {@code n} per category in two categories. */
    static String passingPage(int n) {
        List<Performed> all = new java.util.ArrayList<>();
        for (String category : List.of("Footing", "Ties between tables")) {
            for (int i = 0; i < n; i++) {
                all.add(new Performed(category, category.charAt(0) + "/t" + i + "/total/h1", "T" + i + ": Total = sum of its 2 lines",
                        Status.PASSED, "2,000 = 2,000", "table:t" + i));
            }
        }
        return render(Reserved.Generated.DATA_CHECKS, GeneratedPages.dataChecks(HARBOURLINE, new CheckResult(all, List.of()))).html();
    }

    @Test
    void theDataChecksPageGrowsWithThePagesOfPassedChecksNotWithTheChecks() {
        String few = passingPage(3);
        String one = passingPage(GeneratedPages.CHECKS_PER_PAGE);
        assertEquals(few.replaceAll("[0-9]+", "0"), one.replaceAll("[0-9]+", "0"), "up to a page of them, only the counts differ");
        String many = passingPage(20 * GeneratedPages.CHECKS_PER_PAGE);
        Document d = Jsoup.parseBodyFragment(many);
        assertEquals(List.of(), d.select("li[id^=check-]").eachAttr("id"), "no passed check on the page");
        assertEquals(2 * 20, d.select("p.check-passed-link a[aria-label]").size(), "a link to each page of each category");
        assertEquals("Ties between tables, page 20", d.select("p.check-passed-link a[aria-label]").last().attr("aria-label"));
        assertTrue(many.length() - one.length() < 2 * 20 * 150, "about a link's length more for each page: " + (many.length() - one.length()));
    }

    /**
     * A category of {@code n} passed checks over tables of 1 to 700 checks each (sizes drawn from the seed), and one
     * check of another category.
     */
    static CheckResult passing(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Performed> all = new java.util.ArrayList<>();
        int table = 0, left = 0;
        for (int i = 0; i < n; i++) {
            if (left-- == 0) {
                table++;
                left = random.nextInt(700);
            }
            all.add(new Performed("Ties between tables", "tie/t" + table + "/c" + i, "T" + table + ": check " + i, Status.PASSED, "equal", "table:t" + table));
        }
        all.add(new Performed("Footing", "foot/a/total/h1", "A: Total = sum of its 2 lines", Status.PASSED, "2,000 = 2,000", "table:a"));
        return new CheckResult(all, List.of());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 499, 500, 501, 999, 1000, 1001, 1234, 2600})
    void aCategorysPassedChecksAreSplitIntoPagesOfAtMostTheLimitEachListedOnceInOrder(int n) {
        CheckResult r = passing(n, n);
        List<GeneratedPages.CheckPage> pages = GeneratedPages.checkPages(HARBOURLINE, r).stream().filter(p -> p.name().startsWith("Ties")).toList();
        int expected = (n + GeneratedPages.CHECKS_PER_PAGE - 1) / GeneratedPages.CHECKS_PER_PAGE;
        assertEquals(expected, pages.size());
        List<String> ids = pages.stream().map(GeneratedPages.CheckPage::id).toList();
        assertEquals("data-checks/ties-between-tables", ids.get(0), "the first page keeps the category's address");
        for (int i = 1; i < expected; i++) assertEquals("data-checks/ties-between-tables-" + (i + 1), ids.get(i));
        Map<String, String> entries = GeneratedPages.checkEntryPages(HARBOURLINE, r);
        List<String> listed = new java.util.ArrayList<>();
        for (GeneratedPages.CheckPage page : pages) {
            List<String> here = new java.util.ArrayList<>();
            for (GeneratedPages.Group g : page.groups()) {
                assertEquals(g.title(), g.checks().get(0).key().split("/")[1].toUpperCase(java.util.Locale.ROOT), "each group under its table's name");
                for (GeneratedPages.Check c : g.checks()) {
                    here.add(c.key());
                    assertEquals(page.id(), entries.get(c.key()), "the inspector links " + c.key() + " to the page that lists it");
                }
            }
            assertTrue(here.size() <= GeneratedPages.CHECKS_PER_PAGE, page.id() + ": " + here.size());
            assertEquals(page.last() - page.first() + 1, here.size(), page.id());
            assertEquals(listed.size() + 1, page.first(), page.id());
            assertEquals(n, page.count());
            assertEquals(ids.stream().map(id -> "site:" + id + ".html").toList(), page.parts());
            assertEquals(page.part() == 1 ? null : page.parts().get(page.part() - 2), page.previous());
            assertEquals(page.part() == expected ? null : page.parts().get(page.part()), page.next());
            listed.addAll(here);
        }
        assertEquals(r.performed().stream().filter(p -> p.category().startsWith("Ties")).map(Performed::key).toList(), listed,
                "every check once, in the order the checks ran");
        Document first = render(Templates.CHECK_PAGE, pages.get(0));
        if (expected == 1) {
            assertNull(first.selectFirst("nav.check-pages"), "one page needs no page links");
        } else {
            Document last = render(Templates.CHECK_PAGE, pages.get(expected - 1));
            assertEquals(2, first.select("nav.check-pages").size(), "page links above and below the list");
            assertEquals(pages.get(0).parts().subList(1, expected), first.selectFirst("nav.check-pages ol").select("a").eachAttr("href"));
            assertEquals("1", first.selectFirst("nav.check-pages [aria-current=page]").text());
            assertEquals(pages.get(1).file().replace("data-checks/", "site:data-checks/"), first.selectFirst("nav.check-pages a[rel=next]").attr("href"));
            assertNull(first.selectFirst("nav.check-pages a[rel=prev]"));
            assertEquals(String.valueOf(expected), last.selectFirst("nav.check-pages [aria-current=page]").text());
            assertNull(last.selectFirst("nav.check-pages a[rel=next]"));
            assertTrue(last.selectFirst("p.lead").text().contains((pages.get(expected - 1).first()) + " to " + n + " on this page"), last.selectFirst("p.lead").text());
        }
    }

    @Test
    void withNothingToReportTheDataChecksPageSaysSo() {
        Document d = render(Reserved.Generated.DATA_CHECKS, GeneratedPages.dataChecks(HARBOURLINE, new CheckResult(List.of(), List.of())));
        assertEquals(List.of("0 checks run", "0 passed", "0 acknowledged differences in the published document"), d.select("ul.check-summary li").eachText());
        assertNull(d.selectFirst("details"));
        assertEquals(List.of(), d.select("h2").eachAttr("id"));
    }

    @Test
    void theGlossaryListsEveryTermWithItsAliases() {
        List<Term> terms = List.of(new Term("Board", List.of(), "the board of directors", Location.of("glossary.json")),
                new Term("Group", List.of("the Group", "we"), "the Company and its subsidiaries", Location.of("glossary.json")));
        Document d = render(Reserved.Generated.GLOSSARY, new GeneratedPages.Glossary(null, terms));
        assertTrue(d.selectFirst("p").text().startsWith("In this report"), "the template's own opening without an intro");
        assertEquals(List.of("term-board", "term-group"), d.select("dl.glossary dt").eachAttr("id"));
        assertEquals("(also the Group, we)", d.selectFirst("#term-group .aliases").text());
        assertNull(d.selectFirst("#term-board .aliases"));
        assertEquals("Our words.", render(Reserved.Generated.GLOSSARY, new GeneratedPages.Glossary("Our words.", terms)).selectFirst("p").text());
    }

    @Test
    void everyGeneratedPageHasATemplateAndAView() {
        Report report = ContentLoader.load(Content.sample().dir(), new Findings());
        for (Reserved.Generated g : Reserved.Generated.values()) {
            assertNotNull(templates.text(g.template()), g.template());
            assertNotNull(GeneratedPages.view(g, report, RESULT), g.id());
        }
        assertNotNull(render(Reserved.Generated.NOT_FOUND, GeneratedPages.view(Reserved.Generated.NOT_FOUND, report, RESULT))
                .selectFirst("a[href=site:index.html]"), "the 404 page links home");
    }

    @Test
    void theContentsPageListsEverySectionWithItsPagesUnderAUniqueAnchor() {
        assertEquals(List.of("section-notes", "section-notes-2", "section-3", "section-uber-uns", "section-5"),
                GeneratedPages.sectionAnchors(List.of("Notes", "Notes", "", "Über uns", "财务")));
        Report report = ContentLoader.load(Content.sample().dir(), new Findings());
        GeneratedPages.Contents view = (GeneratedPages.Contents) GeneratedPages.view(Reserved.Generated.CONTENTS, report, RESULT);
        assertEquals(report.meta().navigation().size(), view.sections().size());
        Document d = render(Reserved.Generated.CONTENTS, view);
        assertEquals(view.sections().stream().map(GeneratedPages.ContentsSection::id).toList(), d.select("section.contents-section > h2").eachAttr("id"));
        long pages = view.sections().stream().mapToLong(s -> s.pages().size()).sum();
        assertEquals(pages, d.select("ol.contents-pages a[href^=page:]").size(), "every page, as a page: link the build resolves");
        assertTrue(pages >= report.pages().size(), "every narrative page is listed");
    }
}
