package org.reportsite.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Static hosting: sitemap.xml, robots.txt, canonical links and an absolute-linked 404 page exactly when
 * report.json sets baseUrl; relative asset paths that work from nested pages; no offline zip unless asked.
 */
class HostingTest {
    /** Written without the trailing slash on purpose: the loader adds it. */
    static final String BASE_URL = "https://ir.example.org/reports/h1-2025";
    static final String BASE = BASE_URL + "/";

    @TempDir
    static Path tmp;
    static Path plain, hosted;

    @BeforeAll
    static void build() {
        plain = Builds.built(Path.of("content"), tmp.resolve("plain"), false);
        Path content = Content.bundledInto(tmp.resolve("content")).dir();
        Content.replace(content, "report.json", "\"baseUrl\": null", "\"baseUrl\": \"" + BASE_URL + "\"");
        hosted = Builds.built(content, tmp.resolve("hosted"), false);
    }

    @Test
    void withoutBaseUrlThereIsNoSitemapRobotsOrCanonical() {
        assertFalse(Files.exists(plain.resolve("sitemap.xml")));
        assertFalse(Files.exists(plain.resolve("robots.txt")));
        for (String page : SiteTree.pages(plain)) {
            assertNull(SiteTree.parse(plain, page).selectFirst("link[rel=canonical]"), page);
        }
    }

    @Test
    void sitemapListsEveryPageButThe404Absolutely() throws IOException {
        Document sm = Jsoup.parse(Files.readString(hosted.resolve("sitemap.xml")), "", Parser.xmlParser());
        List<String> locs = sm.select("urlset > url > loc").eachText();
        TreeSet<String> expected = new TreeSet<>();
        for (String page : SiteTree.pages(hosted)) if (!page.equals("404.html")) expected.add(BASE + page);
        assertEquals(new ArrayList<>(expected), locs);
        assertTrue(locs.contains(BASE + "notes/note-04.html"));
        assertTrue(locs.contains(BASE + "contents.html"), "the contents page is in the sitemap");
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", sm.selectFirst("urlset").attr("xmlns"));
    }

    @Test
    void robotsPointsAtTheSitemap() throws IOException {
        List<String> lines = Files.readAllLines(hosted.resolve("robots.txt"));
        assertEquals("User-agent: *", lines.get(0));
        assertTrue(lines.contains("Sitemap: " + BASE + "sitemap.xml"), lines::toString);
    }

    @Test
    void everyPageButThe404HasItsCanonicalAddress() {
        for (String page : SiteTree.pages(hosted)) {
            Element c = SiteTree.parse(hosted, page).selectFirst("link[rel=canonical]");
            if (page.equals("404.html")) {
                assertNull(c, "the 404 page is served at any missing address; it has no canonical one");
            } else {
                assertTrue(c != null, page);
                assertEquals(BASE + page, c.attr("href"));
            }
        }
    }

    @Test
    void the404PageLinksAbsolutelyWhenBaseUrlIsSet() {
        Document doc = SiteTree.parse(hosted, "404.html");
        int absolute = 0;
        for (Element e : doc.select("[href], [src]")) {
            String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (v.startsWith("#") || v.startsWith("data:")) continue;
            assertTrue(v.startsWith(BASE), "absolute link expected on 404.html: " + v);
            String file = v.substring(BASE.length()).replaceAll("#.*$", "");
            assertTrue(Files.isRegularFile(hosted.resolve(file)), v);
            absolute++;
        }
        assertTrue(doc.select("link[rel=stylesheet]").attr("href").equals(BASE + "assets/site.css"));
        assertTrue(absolute > 10, "the layout's navigation links are absolute too: " + absolute);
        // without baseUrl the same page keeps relative links
        Document rel = SiteTree.parse(plain, "404.html");
        assertEquals("assets/site.css", rel.selectFirst("link[rel=stylesheet]").attr("href"));
        assertTrue(SiteTree.localLinks(rel).size() > 10);
    }

    @Test
    void absoluteLinksKeepFragmentsAndAbsoluteAddressesAndSetTheScriptRoot() {
        String html = Hosting.absoluteLinks("<html><head><link rel=\"stylesheet\" href=\"assets/site.css\"></head>"
                + "<body data-root=\"\"><a href=\"#main\">skip</a><a href=\"notes/note-04.html#note-4a\">4(a)</a>"
                + "<a href=\"https://www.hkex.com.hk/\">HKEX</a><img src=\"data:,\" alt=\"\"></body></html>", BASE);
        Document doc = Jsoup.parse(html);
        assertEquals(BASE + "assets/site.css", doc.selectFirst("link").attr("href"));
        assertEquals(List.of("#main", BASE + "notes/note-04.html#note-4a", "https://www.hkex.com.hk/"), doc.select("a").eachAttr("href"));
        assertEquals("data:,", doc.selectFirst("img").attr("src"));
        assertEquals(BASE, doc.body().attr("data-root"));
    }

    @Test
    void assetsAndLinksResolveFromNestedPages() {
        for (Path site : List.of(plain, hosted)) {
            for (String page : SiteTree.pages(site)) {
                if (site == hosted && page.equals("404.html")) continue;
                for (String link : SiteTree.localLinks(SiteTree.parse(site, page))) {
                    String target = SiteTree.target(page, link);
                    assertTrue(target != null && Files.isRegularFile(site.resolve(target)), page + " → " + link);
                }
            }
        }
        Document nested = SiteTree.parse(plain, "notes/note-04.html");
        assertEquals("../assets/site.css", nested.selectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals("../assets/site.js", nested.selectFirst("script[src$=site.js]").attr("src"));
    }

    @Test
    void noOfflineZipOrFooterLinkUnlessAsked() {
        assertTrue(SiteTree.files(plain).stream().noneMatch(f -> f.endsWith(".zip")));
        for (String page : SiteTree.pages(plain)) assertNull(SiteTree.parse(plain, page).selectFirst("a[href$=.zip]"), page);
    }
}
