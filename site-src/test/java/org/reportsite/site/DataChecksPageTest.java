package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Data checks page: optional in the navigation, written for readers, in the report's own units. */
class DataChecksPageTest {
    /** A figure's key as the checks write it: table/row/column. */
    private static final Pattern KEY = Pattern.compile("\\b[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9*]+(?:-[a-z0-9]+)*\\b");

    @Test
    void leftOutOfTheNavigationThePageIsNotBuiltNorLinkedAndTheMarksKeepTheirReasons() throws IOException {
        Content c = Content.bundled();
        c.replace("report.json", ",\n    { \"title\": \"Data checks\", \"pages\": [\"data-checks\"] }", "");
        Path out = TempDirs.fresh("no-data-checks");
        SiteBuild.Result r = c.build(out);
        assertTrue(r.ok(), () -> r.findings().stream().map(Finding::format).toList().toString());
        assertFalse(Files.exists(out.resolve("data-checks.html")), "not built");
        assertFalse(Files.exists(out.resolve("data-checks")), "nor the pages of passed checks");
        for (String page : SiteTree.pages(out)) {
            assertFalse(Files.readString(out.resolve(page)).contains("data-checks"), page + " does not name the page");
        }
        for (String file : SiteTree.files(out)) {
            if (file.endsWith(".js")) assertFalse(Files.readString(out.resolve(file)).contains("data-checks"), file + " (search, inspector) links no such page");
        }
        Document cover = SiteTree.parse(out, "index.html");
        Element mark = cover.selectFirst(".ack-mark");
        assertNotNull(mark, "the acknowledged header is still marked");
        assertEquals("span", mark.tagName(), "a mark that leads nowhere is no link");
        assertFalse(mark.attr("title").isBlank());
        assertTrue(mark.closest("figure, .fin-table").selectFirst(".table-legend").text().contains(mark.attr("title")),
                "the legend under the table gives the reason");
        assertEquals(Bundled.result().checks().performed().size(), Builds.check(c.dir()).checks().performed().size(), "check still runs every check");
    }

    @Test
    void thePageNamesFiguresAsTheReportDoesAndListsThePassedChecksOnPagesOfTheirOwn() {
        Document d = Bundled.page("data-checks.html");
        Element main = d.selectFirst("main").clone();
        main.select("code.check-key, nav.toc").remove();
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(main.text());
        while (m.find()) keys.add(m.group());
        assertEquals(List.of(), keys, "no key in the readers' text");
        assertEquals(d.select("li[id^=check-]").size(), d.select("li.check.acknowledged, li.check.failed").size(),
                "the page shows the checks that need a reader's attention, and only they");
        int passed = 0;
        for (String href : new java.util.LinkedHashSet<>(d.select("p.check-passed-link a").eachAttr("href"))) {
            Document category = Bundled.page(href);
            Element content = category.selectFirst("main .content").clone();
            Matcher k = KEY.matcher(content.text());
            assertFalse(k.find(), () -> href + ": no key in the readers' text: " + k.group());
            passed += category.select("main li[id^=check-]").size();
            assertEquals(List.of("Home", "Data checks", category.selectFirst("h1").text()), category.select("nav.breadcrumbs li").eachText(),
                    href + " comes under the Data checks page");
        }
        assertTrue(passed > 500, "the passed checks are on the categories' pages: " + passed);
        List<Element> open = d.select("li.check.acknowledged, li.check.failed");
        assertFalse(open.isEmpty());
        for (Element e : open) {
            assertNull(e.closest("details"), "an acknowledged difference is shown: " + e.text());
            assertTrue(e.selectFirst("code.check-key") != null, "its key, for analysts");
        }
        assertTrue(d.text().contains("Figures in RMB'000 (thousands of Renminbi)"), "the bundled report's unit");
    }
}
