package org.reportsite.site;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Page;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-off build holds no page's text, part of the search index or dependencies once the page is made (its search
 * index is made while the pages are, each page's text let go of once it is rendered and checked), and its site is byte
 * for byte the site a preview session's first build makes, which keeps all of them in memory: the bundled report, a
 * second company's report, and a large one of many pages whose prose cites facts.
 */
class OneOffBuildTest {
    @Test
    void theBundledReport() { sameSite(Content.bundled().dir()); }

    @Test
    void anotherCompanysReport() { sameSite(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline"))); }

    @Test
    void aLargeReport() { sameSite(Content.large(40).dir()); }

    private static void sameSite(Path content) {
        Path oneOff = TempDirs.fresh("one-off"), preview = TempDirs.fresh("preview");
        // the stages of SiteBuild.run, keeping the context to look at what the build still holds
        BuildContext ctx = new BuildContext(Builds.options(content, oneOff), null);
        try {
            for (Stage stage : SiteBuild.STAGES) if (stage.runs(ctx)) stage.run(ctx);
        } finally {
            ctx.output.close();
        }
        assertFalse(ctx.failed(), () -> ctx.findings.list().toString());
        assertTrue(Builds.build(Builds.options(content, preview), new BuildState()).ok());

        List<String> differences = SiteTree.Snapshot.of(oneOff).differences(SiteTree.Snapshot.of(preview));
        assertEquals(List.of(), differences, "the one-off build's site differs from the preview's");

        assertFalse(ctx.pages.isEmpty());
        for (SitePage p : ctx.pages) {
            assertNull(p.search(), p.file() + " kept its part of the search index");
            assertNull(p.deps(), p.file() + " kept what it used");
        }
        int pages = 0;
        for (Page p : ctx.report.pages()) {
            assertThrows(IllegalStateException.class, p::markdown, p.id() + " kept its text");
            assertThrows(IllegalStateException.class, p::passages, p.id() + " kept its passages");
            pages++;
        }
        assertTrue(pages > 5, pages + " pages");
    }
}
