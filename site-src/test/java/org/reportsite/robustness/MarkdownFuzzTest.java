package org.reportsite.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes Markdown with directives, scheme links, raw HTML and Markdown syntax mixed at random. The markdown
 * stage alone must always give safe HTML (no script, handler, style, javascript:/data: URL, forged placeholder
 * or nonce); the whole build must give a built, safe page or located errors, and write nothing outside.
 */
@AddLifecycleHook(FuzzBudget.class)
public class MarkdownFuzzTest {
    static final MarkdownStage STAGE = new MarkdownStage();

    @Provide
    Arbitrary<String> markdown() { return bodies(); }

    /** Page bodies mixing directives, scheme links, raw HTML and Markdown syntax. */
    public static Arbitrary<String> bodies() {
        Arbitrary<String> kind = Arbitraries.of("table", "fact", "chart", "nofact", "tabel", "Fact", "TABLE", "", " table ", "x", "note");
        Arbitrary<String> target = Arbitraries.of("income", "incom", "income/revenue/h1-2025", "income/gross-profit/h1-2024",
                "income/cost-of-sales/h1-2025", "income/revenue", "a/b/c/d", "", " ", "income/revenue/h1-2025 ", "38.5%", "<b>x</b>",
                "\"q\"", "&amp;", "../x", "income//h1-2025", "中文");
        Arbitrary<String> opts = Arbitraries.of("", "", "|million", "|abs", "|million|abs", "|decimals=2", "|decimals=9", "|thousand",
                "|billion", "|", "||", "|x", "|decimals=99", "|\"><script>");
        Arbitrary<String> directive = Combinators.combine(kind, target, opts).as((k, t, o) -> "{{" + k + ":" + t + o + "}}");
        Arbitrary<String> link = Combinators.combine(
                Arbitraries.of("[t](", "![i](", "<a href=\"", "<img src=\"", "<a href='"),
                Arbitraries.of("note", "table", "page", "term", "site", "javascript", "JaVaScRiPt", "data", "vbscript", "http", "https", "mailto", "file"),
                Arbitraries.of("1", "1a", "1(a)", "9", "income", "incme", "index", "notes/note-01", "notes/note-01#note-1a", "glossary", "Board",
                        "alert(1)", "text/html,<script>alert(1)</script>", "//example.org/x", "x@example.org", "../../etc/passwd", "assets/site.css"),
                Arbitraries.of(")", "\">x</a>", "'>x</a>", " \"title\")"))
                .as((open, s, t, close) -> open + s + ":" + t + close);
        Arbitrary<String> html = Arbitraries.of("<script>alert(1)</script>", "<SCRIPT SRC=x.js></SCRIPT>", "<span onclick=\"x()\">s</span>",
                "<span onclick=x>", "</span>", "<div data-table=\"income\"></div>", "<span data-fact=\"income/revenue/h1-2025\" data-opts=\"\"></span>",
                "<span class=\"nofact\">9%</span>", "<img src=x onerror=alert(1)>", "<a href=\"java\tscript:alert(1)\">a</a>", "<!-- c -->", "<!--",
                "-->", "<![CDATA[x]]>", "<svg><script>alert(1)</script></svg>", "<style>*{}</style>", "<iframe src=x></iframe>",
                "<table><tr><td onmouseover=x>c</td></tr></table>", "</div>", "<div>", "<math><mi xlink:href=\"javascript:x\">m</mi></math>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<template><script>x</script></template>",
                "<base href=\"https://example.org/\">", "<meta http-equiv=\"refresh\" content=\"0\">", "<form><button formaction=javascript:x>",
                "<details open ontoggle=alert(1)>", "<a href=\"&#106;avascript:alert(1)\">e</a>", "<div data-rs=\"0\" data-table=\"income\"></div>",
                "<p style=\"background:url(javascript:x)\">p</p>", "<abbr title=\"t\">A</abbr>", "<sup>1</sup>", "<br>");
        Arbitrary<String> syntax = Arbitraries.of("`", "``", "```", "~~~", "# ", "### (a) ", "### (b) Sub", "| a | b |", "|---|---|", "* ", "1. ",
                "> ", "    ", "\t", "\\", "_", "**", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&#0;", "\u0000", "\u00a0", "\r", "{{", "}}",
                "{", "}", "{{{", "}}}", "note 1", "Note 1(a)", "note 99", "Board", "the Group", "RMB2,358.2 million", "12.5%", " ", "text", "\n",
                "increased by 35.6% to ", "decreased from RMB907.8 million to ", "(1,450,398)", "HK$1.2 billion", "RMB'000", "2,358,198",
                " compared with ", "US$0.5", "-39.9%", "1e3", "0.000");
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(4, directive), Tuple.of(2, link), Tuple.of(3, html), Tuple.of(5, syntax),
                Tuple.of(2, Arbitraries.strings().withChars("abc {}|:/<>\"'`*_[]()#!\\&;=-\n").ofMaxLength(12)));
        Arbitrary<String> line = fragment.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        return line.list().ofMaxSize(12).map(l -> String.join("\n", l) + "\n");
    }

    @Property(tries = 2000)
    void theMarkdownStageAlwaysGivesSafeHtml(@ForAll("markdown") String md) {
        Page page = new Page("notes/fuzz", "Fuzz", 0, null, null, true, md, 5, List.of(), new Location("narrative/notes/fuzz.md", 1, 0));
        MarkdownStage.Result r = Fuzz.bounded(md, () -> STAGE.render(page));
        Element body = Jsoup.parseBodyFragment(r.html()).body();
        Fuzz.assertSafe(body, md);
        assertFalse(r.html().contains(MarkdownStage.nonce(md)), "nonce leaked for:\n" + md);
        if (!md.contains("{{")) {
            assertTrue(body.select("[data-table], [data-fact], [data-chart], [data-opts], .nofact").isEmpty(), "forged placeholder:\n" + md + "\n" + r.html());
        }
        r.warnings().forEach(w -> assertTrue(w.location().line() >= 5, "warning inside the page body: " + w.format()));
        Statistics.label("warnings").collect(r.warnings().isEmpty() ? "none" : "some");
    }

    @Property(tries = 150)
    void aPageWithAnyMarkdownBuildsSafelyOrFailsWithLocatedErrors(@ForAll("markdown") String md) throws IOException {
        Path content = Content.sample().dir();
        Content.write(content, "narrative/notes/note-02.md", "---\ntitle: Fuzz\norder: 2\n---\n" + md);
        Path out = TempDirs.create("fuzz-md").resolve("site");
        SiteBuild.Result r = Fuzz.build(content, out, md);
        Statistics.label("outcome").collect(r.ok() ? "built" : "located errors");
        Fuzz.assertBuiltOrLocated(r, out, md);
        if (r.ok()) {
            Element body = Jsoup.parse(out.resolve("notes/note-02.html").toFile(), "UTF-8").selectFirst("div.content");
            assertNotNull(body);
            Fuzz.assertSafe(body, md);
            String html = Files.readString(out.resolve("notes/note-02.html"));
            assertFalse(html.contains(MarkdownStage.nonce(md)), "nonce published for:\n" + md);
        }
        TempDirs.deleteTree(content);
        TempDirs.deleteTree(out.getParent());
    }
}
