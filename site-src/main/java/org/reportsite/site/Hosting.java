package org.reportsite.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.reportsite.model.Reserved;

import java.util.Collection;
import java.util.TreeSet;

/**
 * What a static host needs beyond the pages, all of it only when report.json sets {@code baseUrl} (the
 * site's public address, ending in "/"): {@code sitemap.xml}, {@code robots.txt}, and a 404 page whose
 * links are absolute, because a host serves it at whatever path was not found.
 */
public final class Hosting {
    private Hosting() {}

    /** Every page except those served for any path (404.html), sorted, as absolute URLs. */
    public static String sitemap(String baseUrl, Collection<String> pageFiles) {
        TreeSet<String> files = new TreeSet<>(pageFiles);
        for (Reserved.Generated g : Reserved.Generated.values()) if (g.servedForAnyPath()) files.remove(g.file());
        StringBuilder sm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String f : files) sm.append("  <url><loc>").append(xml(baseUrl + f)).append("</loc></url>\n");
        return sm.append("</urlset>\n").toString();
    }

    /**
     * Crawlers read robots.txt only at the root of a host: when the site lives in a sub-folder the file
     * is harmless but unused, and the sitemap is still found through the canonical links and the host.
     */
    public static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + Reserved.SITEMAP + "\n";
    }

    /**
     * The 404 page with every relative link made absolute against {@code baseUrl}. The page sits at the site
     * root, so its relative links are relative to the root; served for a missing {@code /a/b/c.html} they
     * would otherwise resolve under {@code /a/b/} and break. Fragment-only links stay as they are; a
     * {@code data-root} prefix (for links the page script makes) becomes {@code baseUrl}.
     */
    public static String absoluteLinks(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        for (Element e : doc.select("[href], [src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String v = e.attr(attr);
            if (v.isEmpty() || v.startsWith("#") || v.contains(":")) continue;
            e.attr(attr, e.absUrl(attr));
        }
        // the page script builds links (search results, the search index) from the root prefix
        for (Element e : doc.select("[data-root]")) e.attr("data-root", baseUrl);
        return doc.outerHtml();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
