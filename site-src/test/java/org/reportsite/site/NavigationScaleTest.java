package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Reserved;
import org.reportsite.render.Renderer;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The navigation of a large site is bounded: the same generated report at n and at 4n pages of one section,
 * where a navigation listing every page on every page would make each page's navigation 4 times as large and
 * the site's HTML 16 times. Measured as ratios of bytes, never time. And however large the site, every page is
 * two clicks from every other: the navigation links to the contents page, which links to every page.
 */
class NavigationScaleTest {
    static final int SMALL = 64;
    static final int FACTOR = 4;
    static Sizes small;
    static Sizes large;
    static Path largeSite;

    /** A built site's bytes: of all its pages, of their navigation, the largest navigation, and how many pages. */
    record Sizes(long html, long nav, long maxNav, int pages) {
        double navPerPage() { return (double) nav / pages; }
        double htmlPerPage() { return (double) html / pages; }
    }

    @BeforeAll
    static void build() {
        small = sizes(Builds.built(Content.large(SMALL).dir(), TempDirs.create("nav-small"), false));
        largeSite = Builds.built(Content.large(SMALL * FACTOR).dir(), TempDirs.create("nav-large"), false);
        large = sizes(largeSite);
        System.out.println("navigation scale: " + small + " → " + large);
    }

    static Sizes sizes(Path site) {
        long html = 0, nav = 0, maxNav = 0;
        List<String> pages = SiteTree.pages(site);
        for (String f : pages) {
            try {
                String text = Files.readString(site.resolve(f));
                html += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                int from = text.indexOf("<nav class=\"site-nav\"");
                int to = text.indexOf("</nav>", from);
                if (from < 0 || to < 0) continue;
                long n = text.substring(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                nav += n;
                maxNav = Math.max(maxNav, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Sizes(html, nav, maxNav, pages.size());
    }

    @Test
    void eachPagesNavigationStaysTheSameSizeAsTheSiteGrows() {
        assertTrue(large.pages() >= small.pages() * 3, large + " " + small);
        // the page titles grow by a digit; a navigation of every page would grow FACTOR times
        assertTrue(large.navPerPage() <= small.navPerPage() * 1.1, "navigation bytes per page: " + small.navPerPage() + " → " + large.navPerPage());
        assertTrue(large.maxNav() <= small.maxNav() * 1.1, "largest navigation: " + small.maxNav() + " → " + large.maxNav());
    }

    @Test
    void theSitesHtmlGrowsLinearlyWithItsPages() {
        // the contents page alone grows with the site (one link per page)
        assertTrue(large.htmlPerPage() <= small.htmlPerPage() * 1.15, "HTML bytes per page: " + small.htmlPerPage() + " → " + large.htmlPerPage());
    }

    @Test
    void everyPageIsTwoClicksAwayThroughTheContents() {
        String contents = "contents.html";
        Document c = SiteTree.parse(largeSite, contents);
        Set<String> listed = new HashSet<>();
        for (Element a : c.select("main .content a[href]")) listed.add(SiteTree.target(contents, a.attr("href")));
        Set<String> expected = new TreeSet<>(SiteTree.pages(largeSite));
        expected.remove("404.html");
        expected.remove(contents);
        // the pages of passed checks are linked from the Data checks page, which the contents page lists
        Set<String> below = new TreeSet<>();
        for (String f : expected) if (f.startsWith(Reserved.DATA_CHECKS_FOLDER)) below.add(f);
        assertFalse(below.isEmpty(), "the large site has pages of passed checks");
        expected.removeAll(below);
        assertEquals(Set.of(), difference(expected, listed), "pages missing from the contents page");
        assertTrue(listed.contains(Reserved.Generated.DATA_CHECKS.file()));
        Set<String> fromChecks = new HashSet<>();
        for (Element a : SiteTree.parse(largeSite, Reserved.Generated.DATA_CHECKS.file()).select("main .content a[href]")) {
            fromChecks.add(SiteTree.target(Reserved.Generated.DATA_CHECKS.file(), a.attr("href")));
        }
        assertEquals(Set.of(), difference(below, fromChecks), "pages of passed checks missing from the Data checks page");
        for (String f : List.of("index.html", "sections/s0001.html", "sections/s0128.html", "sections/s0256.html", "glossary.html")) {
            Document d = SiteTree.parse(largeSite, f);
            Element link = d.selectFirst("nav.site-nav .nav-contents a");
            assertNotNull(link, f);
            assertEquals(contents, SiteTree.target(f, link.attr("href")), f);
        }
    }

    @Test
    void aPageListsItsOwnSectionAroundItselfAndLinksToTheRest() {
        String f = "sections/s0128.html";
        Document d = SiteTree.parse(largeSite, f);
        Element current = d.selectFirst("nav.site-nav .nav-section.current");
        assertNotNull(current);
        assertEquals(Renderer.SECTION_WINDOW, current.select("ol > li:not(.nav-more) > a").size());
        assertEquals(f, SiteTree.target(f, current.selectFirst("a[aria-current=page]").attr("href")));
        Element more = current.selectFirst(".nav-more a");
        assertNotNull(more, "a link to the whole section");
        String href = more.attr("href");
        assertEquals("contents.html", SiteTree.target(f, href));
        assertNotNull(SiteTree.parse(largeSite, "contents.html").getElementById(href.substring(href.indexOf('#') + 1)), href);
        // every other section of several pages is one link, to its first page
        for (Element s : d.select("nav.site-nav .nav-section:not(.current)")) {
            assertEquals(1, s.select("a").size(), s.outerHtml());
        }
        // the first and last pages of the section: the window stays full
        for (String edge : List.of("sections/s0001.html", "sections/s0256.html")) {
            Element sec = SiteTree.parse(largeSite, edge).selectFirst("nav.site-nav .nav-section.current");
            assertEquals(Renderer.SECTION_WINDOW, sec.select("ol > li:not(.nav-more) > a").size(), edge);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
