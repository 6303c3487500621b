package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Brand;
import org.reportsite.model.Finding;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.json "brand": a logo and an accent colour, the colour refused when it cannot be read on the site's backgrounds. */
class BrandTest {
    private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\"><rect width=\"40\" height=\"20\" fill=\"#8a1538\"/></svg>\n";

    private static Content harbourline(String brand) {
        Content c = Content.at(Content.copy(Content.HARBOURLINE, TempDirs.create("brand").resolve("c")));
        c.write("logo.svg", LOGO);
        c.replace("report.json", "  \"currency\": \"HKD\",", "  \"currency\": \"HKD\",\n  \"brand\": " + brand + ",");
        return c;
    }

    @Test
    void aLogoAndAReadableAccentAreAppliedToEveryPage() throws IOException {
        Content c = harbourline("{\"logo\": \"logo.svg\", \"accent\": \"#8A1538\"}");
        Path out = TempDirs.fresh("brand-site");
        SiteBuild.Result r = c.build(out);
        assertTrue(r.ok(), () -> r.findings().stream().map(Finding::format).toList().toString());
        assertEquals(LOGO, Files.readString(out.resolve("assets/logo.svg")));
        String css = Files.readString(out.resolve("assets/brand.css"));
        assertTrue(css.contains("--accent: #8a1538;") && css.contains("prefers-color-scheme: light"), css);
        for (String page : SiteTree.pages(out)) {
            Document d = SiteTree.parse(out, page);
            Element link = d.selectFirst("link[rel=stylesheet][href$=assets/brand.css]");
            assertNotNull(link, page);
            assertEquals("assets/brand.css", SiteTree.target(page, link.attr("href")));
            Element logo = d.selectFirst("header .brand img.brand-logo");
            assertNotNull(logo, page);
            assertEquals("assets/logo.svg", SiteTree.target(page, logo.attr("src")));
            assertEquals("", logo.attr("alt"), "the issuer's name follows the logo: the image says nothing more");
        }
    }

    @Test
    void withoutABrandTheSiteHasNeither() throws IOException {
        Path out = TempDirs.fresh("plain-site");
        assertTrue(Content.at(Content.copy(Content.HARBOURLINE, TempDirs.create("plain").resolve("c"))).build(out).ok());
        assertFalse(Files.exists(out.resolve("assets/brand.css")));
        assertTrue(SiteTree.parse(out, "index.html").select("link[href$=brand.css], img.brand-logo").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"accent\": \"#ffcc00\"}|brand.contrast|too light to read",
            "{\"accent\": \"#7fb2e5\"}|brand.contrast|too light to read",
            "{\"accent\": \"#888888\"}|brand.contrast|too light to read",
            "{\"accent\": \"red\"}|brand.accent|not a colour written #rrggbb",
            "{\"accent\": \"#12345\"}|brand.accent|not a colour written #rrggbb",
            "{\"logo\": \"missing.svg\"}|brand.logo|not a file of the content folder",
            "{\"logo\": \"../outside.svg\"}|brand.logo|not a file of the content folder",
            "{\"logo\": \"report.json\"}|brand.logo|not an image file",
            "{\"colour\": \"#8a1538\"}|json.unknown-field|unknown field"})
    void aBrandThatCannotBeUsedIsALocatedError(String brand, String code, String message) {
        Content c = harbourline(brand);
        SiteBuild.Result r = Builds.check(c.dir());
        assertFalse(r.ok());
        Finding f = r.findings().stream().filter(x -> code.equals(x.code())).findFirst().orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals("report.json", f.location().file());
        assertEquals(c.lineOf("report.json", "\"brand\""), f.location().line());
        assertTrue(f.message().contains(message), f.format());
        assertFalse(f.hint() == null || f.hint().isBlank(), "says what to do");
    }

    @ParameterizedTest
    @CsvSource({"#ffcc00", "#7fb2e5", "#888888", "#00ff00", "#ff0000", "#0b5aa2", "#ffffff"})
    void theSuggestedShadeIsReadableAndTheSiteDefaultPasses(String accent) {
        String suggested = Brand.Colour.darkenUntilReadable(accent);
        assertTrue(Brand.Colour.worstContrast(suggested) >= Brand.MIN_CONTRAST, suggested);
        for (String bg : Brand.BACKGROUNDS) assertTrue(Brand.Colour.contrast(suggested, bg) >= 4.5, suggested + " on " + bg);
        assertTrue(Brand.Colour.worstContrast("#0b5aa2") >= Brand.MIN_CONTRAST, "the site's own accent");
        assertEquals(21.0, Brand.Colour.contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, Brand.Colour.contrast("#777777", "#777777"), 1e-9);
    }

    @Test
    void theSuggestionInTheMessageIsThatShade() {
        Content c = harbourline("{\"accent\": \"#ffcc00\"}");
        Finding f = Builds.check(c.dir()).findings().stream().filter(x -> "brand.contrast".equals(x.code())).findFirst().orElseThrow();
        assertTrue(f.hint().contains(Brand.Colour.darkenUntilReadable("#ffcc00")), f.hint());
    }
}
