package org.reportsite.robustness;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Bundled;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the bundled site carries the Content-Security-Policy, before anything it governs, and uses
 * nothing the policy forbids (inline scripts, styles or handlers, foreign URLs): the policy can never break
 * the site. tests-browser/csp.mjs checks in Chromium that the search runs under it from file:// and http.
 */
class CspTest {

    static Map<String, String> policy(Document d) {
        List<Element> metas = d.select("meta[http-equiv=Content-Security-Policy]");
        assertEquals(1, metas.size(), "one CSP meta");
        return Arrays.stream(metas.get(0).attr("content").split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toMap(s -> s.split("\\s+")[0], Function.identity()));
    }

    @Test
    void everyPageCarriesTheStrictPolicyFirst() {
        List<String> files = Bundled.htmlFiles();
        assertTrue(files.size() > 30);
        for (String f : files) {
            Document d = Bundled.page(f);
            Map<String, String> p = policy(d);
            assertEquals("default-src 'none'", p.get("default-src"), f);
            assertEquals("script-src 'self' file:", p.get("script-src"), f + ": no inline script, no eval, no other origin");
            assertEquals("style-src 'self' file:", p.get("style-src"), f);
            assertEquals("connect-src 'self'", p.get("connect-src"), f + ": nothing but the site itself may be fetched");
            assertEquals("base-uri 'none'", p.get("base-uri"), f);
            assertEquals("form-action 'none'", p.get("form-action"), f);
            assertFalse(p.containsKey("frame-ancestors") || p.containsKey("report-uri") || p.containsKey("sandbox"),
                    f + ": directives a meta policy ignores (and warns about)");
            Element meta = d.selectFirst("meta[http-equiv=Content-Security-Policy]");
            for (Element before : d.head().children()) {
                if (before == meta) break;
                assertEquals("meta", before.tagName(), f + ": the policy comes before any script or style");
            }
        }
    }

    @Test
    void noPageUsesWhatThePolicyForbids() {
        for (String f : Bundled.htmlFiles()) {
            Document d = Bundled.page(f);
            assertTrue(d.select("style").isEmpty(), f + ": <style>");
            for (Element s : d.select("script")) {
                assertFalse(s.attr("src").isEmpty(), f + ": inline script " + s.outerHtml());
                assertFalse(s.attr("src").contains(":"), f + ": script from elsewhere " + s.attr("src"));
            }
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertFalse(a.getKey().startsWith("on"), f + ": inline handler " + a.getKey() + " on " + e.tagName());
                    assertFalse(a.getKey().equals("style"), f + ": style attribute on " + e.tagName());
                });
            }
            for (Element l : d.select("link[rel=stylesheet]")) assertFalse(l.attr("href").contains(":"), f + ": stylesheet from elsewhere");
            for (Element i : d.select("img[src]")) {
                String src = i.attr("src");
                assertFalse(src.contains(":"), f + ": image from elsewhere " + src);
            }
        }
        assertNotNull(Bundled.page("index.html").selectFirst("script[src$=site.js]"));
    }
}
