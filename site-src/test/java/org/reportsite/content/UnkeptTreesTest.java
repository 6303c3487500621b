package org.reportsite.content;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Passage;
import org.reportsite.model.Report;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page body's tree is kept for the markdown stage where the render may mark figures of the dataset in it, within the
 * budget; every other tree goes to the markdown stage while the content stage has it (with the page's own text, file,
 * line and the report's trust in raw HTML). A site built with no tree kept is byte for byte the site built with every
 * tree it may keep kept: pages with figures of the dataset, raw HTML (trusted or not), unsafe links and no dataset alike.
 */
class UnkeptTreesTest {
    @BeforeEach
    @AfterEach
    void drop() { MarkdownSyntax.forgetKept(); }

    /** Fills the budget of kept trees (with a text no page has), so that no page's tree is kept. */
    private static void budgetSpent() {
        assertTrue(MarkdownSyntax.keep("x".repeat((int) MarkdownSyntax.KEPT_BUDGET), MarkdownSyntax.parse("")));
    }

    private record Told(String markdown, String file, int bodyLine, boolean trustedHtml) {}

    @Test
    void aTreeIsKeptWhereTheRenderMayMarkFiguresWithinTheBudgetAndHandedOnWithItsPageElse() {
        Path content = trusting(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline")));
        // figures in a table of the page alone
        Content.write(content, "narrative/notes/note-09.md", "---\ntitle: Dividends\norder: 9\nnote: \"9\"\n---\n"
                + "| Dividend | 2025 |\n|---|---:|\n| Interim | HK$0.12 |\n");
        Path noDataset = archive(TempDirs.create("archive"));
        for (boolean spent : new boolean[]{false, true}) {
            for (Path c : List.of(content, noDataset)) {
                MarkdownSyntax.forgetKept();
                if (spent) budgetSpent();
                Map<String, Told> told = new IdentityHashMap<>();
                Report r = ContentLoader.load(c, new Findings(), null, (tree, md, file, line, trusted) -> {
                    synchronized (told) { told.put(md, new Told(md, file, line, trusted)); }
                });
                int handedOn = 0;
                for (Page p : r.pages()) {
                    boolean mayMark = !r.tables().isEmpty()
                            && p.passages().stream().anyMatch(x -> x.kind() == Passage.Kind.PARAGRAPH || x.kind() == Passage.Kind.CELL);
                    Told t = told.get(p.markdown());
                    if (mayMark && !spent) {
                        assertNull(t, p.id() + ": its tree is kept");
                        continue;
                    }
                    handedOn++;
                    assertSame(p.markdown(), t.markdown(), p.id());
                    assertEquals(new Told(p.markdown(), p.location().file(), p.bodyLine(), r.meta().trustedHtml()), t, p.id());
                }
                assertEquals(handedOn, told.size());
                assertTrue(handedOn > 0);
                if (spent || c == noDataset) assertEquals(r.pages().size(), handedOn);
                else assertTrue(handedOn < r.pages().size(), "some pages of a report with a dataset state figures");
            }
        }
    }

    @Test
    void theBundledReport() { sameSite(Content.bundled().dir()); }

    @Test
    void anotherCompanysReportTrustingRawHtml() { sameSite(trusting(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline")))); }

    @Test
    void anotherCompanysReportWithRawHtmlRemoved() { sameSite(withRawHtml(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline")))); }

    @Test
    void aLargeReport() { sameSite(Content.large(40).dir()); }

    @Test
    void anArchiveWithoutADataset() { sameSite(archive(TempDirs.create("archive"))); }

    private static void sameSite(Path content) {
        Path kept = TempDirs.fresh("kept"), unkept = TempDirs.fresh("unkept");
        var a = Builds.build(content, kept);
        budgetSpent();
        var b = Builds.build(content, unkept);
        assertTrue(a.ok() && b.ok(), () -> a.findings() + "\n" + b.findings());
        assertEquals(a.findings(), b.findings());
        List<String> differences = new ArrayList<>(SiteTree.Snapshot.of(kept).differences(SiteTree.Snapshot.of(unkept)));
        assertEquals(List.of(), differences, "the site built from trees rendered at load differs");
    }

    /** Pages of announcements with figures, tables, lists, links and raw HTML, and no dataset. */
    private static Path archive(Path dir) {
        Content.write(dir, "report.json", """
                {"issuer": {"name": "Archive Co", "stockCodes": []}, "title": "Announcements", "shortTitle": "Announcements",
                 "period": {"id": "y2", "label": "Year 2", "end": "2025-12-31"}, "currency": "EUR",
                 "navigation": [{"title": "Home", "pages": ["index"]}, {"title": "Posts", "dir": "posts"}]}
                """);
        Content.write(dir, "narrative/index.md", "---\ntitle: Announcements\n---\nEvery announcement since 2019.\n");
        for (int i = 1; i <= 12; i++) {
            Content.write(dir, "narrative/posts/post-" + i + ".md", "---\ntitle: \"Announcement " + i + "\"\norder: " + i + "\n---\n"
                    + (i % 3 == 0 ? "Words only, no figure.\n" : """
                    Revenue rose by 12.5% to EUR 1,234.5 million <sup>1</sup>, see [the post](page:posts/post-1).

                    | Item | 2025 | 2024 |
                    |------|-----:|-----:|
                    | Sales | 1,234.5 | (1,097.3) |

                    - A point with `code 42` and **bold**.
                    """) + (i % 4 == 0 ? "\n<div onclick=\"x()\">Raw <script>alert(1)</script></div>\n" : ""));
        }
        return dir;
    }

    /** A report that trusts raw HTML, with a page holding some (a trusted page's links must still resolve). */
    private static Path trusting(Path content) {
        Content.replace(content, "report.json", "\"title\": \"Interim Results", "\"trustedHtml\": true,\n  \"title\": \"Interim Results");
        return appended(content, """
                Revenue rose.<sup>1</sup> <span onclick="x()" style="color: red">Tap</span>

                <div class="aside"><script>var x = 1;</script><p>Aside with <a href="note:3">a note</a>.</p></div>
                """);
    }

    /** Raw HTML, scripts, handlers and unsafe links, removed with warnings. */
    private static Path withRawHtml(Path content) {
        return appended(content, """
                Revenue rose.<sup>1</sup> <span onclick="x()">Tap</span>

                <div class="aside"><script>alert(1)</script><p>Aside with <a href="javascript:x">a link</a>.</p></div>

                [A link](javascript:alert(1)) and ![an image](data:image/png;base64,AAAA) and [a note](note:3).
                """);
    }

    /** The text at the end of a page that also states figures of the dataset. */
    private static Path appended(Path content, String text) {
        Content.write(content, "narrative/liquidity.md", Content.read(content, "narrative/liquidity.md") + "\n" + text);
        return content;
    }
}
