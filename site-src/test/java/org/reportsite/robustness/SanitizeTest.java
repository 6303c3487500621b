package org.reportsite.robustness;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.testkit.Content.lineOf;

/** Raw HTML in a page is sanitized with an allow-list, each removal is a located warning, and our placeholders cannot be forged. */
class SanitizeTest {
    static final String PAGE = "narrative/notes/note-02.md";
    static final String UNSAFE = """
            ---
            title: Unsafe
            order: 2
            ---
            Plain text with <abbr title="Renminbi">RMB</abbr> and H<sub>2</sub>O<sup>1</sup>.

            <script>alert('block')</script>

            Inline <span onclick="steal()" class="callout">handler</span> and <a href="javascript:alert(1)">js link</a>.

            <a href="JaVaScRiPt&#x09;:alert(2)">entity tab</a> <a href=" data:text/html,<script>x</script>">data link</a>

            A [markdown js link](javascript:alert(3)) and ![data image](data:image/png;base64,AAAA) and ![far image](https://tracker.example/x.png).

            <iframe src="https://example.org/frame"></iframe>

            <img src="site:assets/site.css" onerror="alert(4)" alt="logo">

            <div style="color:red" data-table="income"></div>

            Forged <span data-fact="income/revenue/h1-2025" data-opts=""></span> and <span class="nofact">99.9%</span> here.

            <object data="x.swf"></object><embed src="x.swf"><svg onload="alert(5)"><circle r="1"/></svg>

            <form action="https://example.org"><input name="q"></form><base href="https://example.org/"><meta http-equiv="refresh" content="0;url=https://example.org">

            <details><summary>More</summary>Kept as written.</details>

            | Item | Amount |
            |:-----|-------:|
            | A    | 1      |

            `{{table:income}}` is how a table is placed, and [site link](https://example.org/) is fine.
            """;

    static Path content;
    static Path out;
    static Cli build;
    static Document page;

    @BeforeAll
    static void buildOnce() throws IOException {
        content = Content.sample().dir();
        Content.write(content, PAGE, UNSAFE);
        out = TempDirs.create("sanitize").resolve("site");
        build = Cli.build(content, out);
        assertEquals(0, build.exitCode(), build.all());
        page = Jsoup.parse(out.resolve("notes/note-02.html").toFile(), "UTF-8");
    }

    static Element body() {
        Element c = page.selectFirst("div.content");
        assertNotNull(c);
        return c;
    }

    @Test
    void scriptsIframesObjectsFormsAndEventHandlersNeverReachThePage() {
        Element c = body();
        for (String tag : List.of("script", "iframe", "object", "embed", "svg", "form", "input", "base", "meta", "style", "link")) {
            assertTrue(c.select(tag).isEmpty(), "<" + tag + "> in " + c.html());
        }
        for (Element e : c.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on") || a.getKey().equals("style"), a.getKey() + " on " + e.tagName()));
        }
        assertFalse(c.html().contains("alert("), c.html());
        for (Element s : page.select("script")) {
            assertTrue(s.attr("src").startsWith("../assets/") && s.data().isEmpty(), "only the layout's own script files: " + s.outerHtml());
        }
    }

    @Test
    void javascriptAndDataUrlsAreRemovedAndExternalImagesToo() {
        for (Element e : body().select("[href], [src]")) {
            String v = (e.hasAttr("href") ? e.attr("href") : e.attr("src")).replaceAll("\\s", "").toLowerCase();
            assertFalse(v.startsWith("javascript:") || v.startsWith("data:"), e.outerHtml());
            if (e.tagName().equals("img")) assertFalse(v.startsWith("http"), e.outerHtml());
        }
        assertNotNull(body().selectFirst("a:contains(js link)"), "the link text stays");
        assertFalse(body().selectFirst("a:contains(js link)").hasAttr("href"));
        assertEquals("https://example.org/", body().selectFirst("a:contains(site link)").attr("href"));
        assertEquals("../assets/site.css", body().selectFirst("img[alt=logo]").attr("src"));
    }

    @Test
    void harmlessHtmlAndMarkdownAreKeptAsWritten() {
        Element c = body();
        assertEquals("Renminbi", c.selectFirst("abbr").attr("title"));
        assertNotNull(c.selectFirst("sub"));
        assertNotNull(c.selectFirst("details > summary"));
        assertEquals("callout", c.selectFirst("span:contains(handler)").className());
        assertEquals("right", c.selectFirst("table.md-table td[align=right]").attr("align"));
        assertEquals("{{table:income}}", c.selectFirst("code").text(), "a directive in inline code is shown, not expanded");
    }

    @Test
    void forgedPlaceholdersAreNotFilledAndDoNotPlaceATableTwice() {
        assertNull(page.getElementById("table-income"), "the forged table placeholder renders nothing");
        assertTrue(body().select("[data-table], [data-fact], [data-chart], [data-opts], [data-rs]").isEmpty(), body().html());
        assertTrue(body().select(".nofact").isEmpty(), "a forged nofact span loses its class");
        assertTrue(body().text().contains("99.9%"));
        Document index = parse("index.html");
        assertEquals(1, index.select("#table-income").size(), "the real placeholder is still filled");
        assertEquals("38.5%", index.selectFirst("span.nofact").text());
        assertNotNull(index.selectFirst("a.fact[data-fact=income/revenue/h1-2025]"));
        assertFalse(Files.exists(out.resolve("notes/note-02.html")) && readOut("notes/note-02.html").contains("data-rs"));
        assertFalse(readOut("index.html").contains("data-rs"), "the nonce never reaches the site");
    }

    @Test
    void eachRemovalIsAWarningWithFileAndLine() {
        String err = build.err();
        warned(err, "<script>alert", "html.removed", "<script> removed");
        warned(err, "onclick", "html.removed", "attribute onclick");
        warned(err, "js link", "html.removed", "attribute href of raw HTML <a> removed");
        warned(err, "entity tab", "html.removed", "javascript");
        warned(err, "markdown js link", "html.removed", "link to \"javascript:alert(3)\" removed");
        warned(err, "markdown js link", "html.removed", "image \"data:image/png;base64,AAAA\" removed");
        warned(err, "markdown js link", "html.removed", "image \"https://tracker.example/x.png\" removed");
        warned(err, "<iframe", "html.removed", "<iframe> removed");
        warned(err, "onerror", "html.removed", "attribute onerror");
        warned(err, "data-table=\"income\"", "html.forged", "attribute data-table");
        warned(err, "data-table=\"income\"", "html.removed", "attribute style");
        warned(err, "Forged", "html.forged", "attribute data-fact");
        warned(err, "Forged", "html.forged", "class \"nofact\"");
        warned(err, "<object", "html.removed", "<svg> removed");
        warned(err, "<form", "html.removed", "<base> removed");
        assertFalse(err.contains("<abbr>") || err.contains("<details>") || err.contains("<sub>"), err);
    }

    private static void warned(String err, String needle, String code, String text) {
        String at = PAGE + ":" + lineOf(content, PAGE, needle) + ": warning [" + code + "]";
        assertTrue(err.lines().anyMatch(l -> l.strip().startsWith(at) && l.contains(text)), "expected " + at + " ... " + text + " in\n" + err);
    }

    @Test
    void trustedHtmlIsPublishedAsWrittenButPlaceholdersStillCannotBeForged() throws IOException {
        Path c = Content.sample().dir();
        Content.write(c, PAGE, """
                ---
                title: Trusted
                ---
                <iframe src="https://example.org/frame"></iframe>

                Inline <span onclick="steal()">handler</span>.

                <div data-table="income"></div>

                Forged <span data-fact="income/revenue/h1-2025" data-opts=""></span> and <span class="nofact">99.9%</span> here.
                """);
        Content.replace(c, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\", \"trustedHtml\": true,");
        Path o = TempDirs.create("trusted").resolve("site");
        Cli r = Cli.build(c, o);
        assertEquals(0, r.exitCode(), r.all());
        Element body = Jsoup.parse(o.resolve("notes/note-02.html").toFile(), "UTF-8").selectFirst("div.content");
        assertNotNull(body.selectFirst("iframe"));
        assertEquals("steal()", body.selectFirst("span:contains(handler)").attr("onclick"));
        assertTrue(body.select("[data-table], [data-fact], .nofact").isEmpty(), body.html());
        assertTrue(r.err().contains("[html.forged]"), r.err());
        assertFalse(r.err().contains("[html.removed]"), r.err());
    }

    @Test
    void aDirectiveInsideAnHtmlTagIsAnErrorAndCannotHijackThePlaceholder() {
        Path c = Content.sample().dir();
        Content.write(c, PAGE, """
                ---
                title: Tricks
                ---
                <span data-fact="income/cost-of-sales/h1-2025" title="{{fact:income/revenue/h1-2025}}">x</span>
                """);
        Cli r = Cli.build(c, TempDirs.create("tricks").resolve("site"));
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains(PAGE + ":4:") && r.err().contains("[directive.in-html]"), r.err());

        // the markdown stage does not rely on that check: the hijacked tag stays the author's
        org.reportsite.model.Page p = new org.reportsite.model.Page("x", "X", 0, null, null, true,
                "<span data-fact=\"a/b/c\" title=\"{{fact:income/revenue/h1-2025}}\">x</span>\n\n"
                        + "<div data-table=\"forged\" title=\"{{table:income}}\"></div>\n\n<span data-fact=\"a/b/c\" title='{{nofact:1}}'>y</span>",
                5, List.of(), new org.reportsite.model.Location("x.md", 1, 0));
        String html = new org.reportsite.markdown.MarkdownStage().toHtml(p);
        Element frag = Jsoup.parseBodyFragment(html).body();
        assertTrue(frag.select("[data-fact=a/b/c], [data-table=forged], [data-rs]").isEmpty(), html);
        for (Element e : frag.select("[data-fact], [data-table], [data-opts], .nofact")) {
            assertTrue(e.attributes().size() <= 2 && !e.hasAttr("title"), "only the directive's own placeholder: " + e.outerHtml());
        }
        assertFalse(html.contains(org.reportsite.markdown.MarkdownStage.nonce(p.markdown())), "the nonce never leaks: " + html);
    }

    @Test
    void aDirectiveInIndentedCodeIsShownAsWritten() throws IOException {
        Path c = Content.sample().dir();
        Content.write(c, PAGE, """
                ---
                title: Code
                ---
                Code:

                    {{fact:income/revenue/h1-2024}}
                """);
        Path o = TempDirs.create("code").resolve("site");
        Cli r = Cli.build(c, o);
        assertEquals(0, r.exitCode(), r.all());
        Element body = Jsoup.parse(o.resolve("notes/note-02.html").toFile(), "UTF-8").selectFirst("div.content");
        assertEquals("{{fact:income/revenue/h1-2024}}", body.selectFirst("pre code").text().strip());
        assertFalse(Files.readString(o.resolve("notes/note-02.html")).contains("data-rs"));
    }

    @Test
    void sanitizedOutputIsDeterministic() throws IOException {
        Path again = TempDirs.create("sanitize-again").resolve("site");
        assertEquals(0, Cli.build(content, again).exitCode());
        assertEquals(Snapshot.of(out), Snapshot.of(again));
    }

    private static Document parse(String file) {
        try {
            return Jsoup.parse(out.resolve(file).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readOut(String file) {
        try {
            return Files.readString(out.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
