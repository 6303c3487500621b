package org.reportsite.check;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second company's report (site-src/test/resources/reports/harbourline: HK$, a half year to 30 September, plain
 * figures in natural prose) builds with no error and no warning; its figures are checked by meaning, and a wrong one,
 * or a table whose unit is off by a thousand, fails the build at its line.
 */
class SecondReportTest {
    static final Path REPORT = Content.HARBOURLINE;

    @TempDir
    static Path tmp;
    static SiteBuild.Result built;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        built = Builds.build(REPORT, site);
    }

    @Test
    void buildsWithNoErrorAndNoWarning() {
        assertTrue(built.ok(), built.findings().stream().map(Finding::format).toList().toString());
        assertEquals(List.of(), built.findings().stream().map(Finding::format).toList());
        long prose = built.checks().performed().stream().filter(p -> p.category().equals(ProseCheck.CATEGORY)).count();
        assertTrue(prose >= 40, "the prose's plain figures are checked: " + prose);
    }

    @Test
    void thePagesShowTheFiguresAndTheFencedCodeAsWritten() throws IOException {
        Document review = SiteTree.parse(site, "business-review.html");
        assertTrue(review.select("pre code").text().contains("{{fact:no-such-table/row/column}}"), "a directive in fenced code is shown as written");
        assertNotNull(review.getElementById("table-revenue-by-segment"));
        Document fin = SiteTree.parse(site, "financial-review.html");
        assertEquals("57.4", fin.selectFirst("a.fact[data-fact=income-statement/profit-for-the-period/h1-2025]").text());
        Document is = SiteTree.parse(site, "financial-statements/income-statement.html");
        assertTrue(is.selectFirst("caption").text().contains("HK$'000 (thousands of Hong Kong dollars)") || is.selectFirst("caption").text().contains("HK$'000"),
                is.selectFirst("caption").text());
    }

    @Test
    void aWrongFigureThatEqualsAnotherLineItemFailsAtItsLine(@TempDir Path dir) throws IOException {
        Path c = Content.copy(REPORT, dir.resolve("content"));
        // 298.4 is staff costs; cash and cash equivalents are 289.4
        Content.replace(c, "narrative/liquidity.md", "were HK$289.4 million", "were HK$298.4 million");
        SiteBuild.Result r = Builds.check(c);
        assertFalse(r.ok());
        Finding f = only(r, "prose.mismatch");
        assertEquals("narrative/liquidity.md", f.location().file());
        assertEquals(Content.lineOf(c, "narrative/liquidity.md", "HK$298.4 million"), f.location().line());
        assertTrue(f.message().contains("Cash and cash equivalents") && f.message().contains("HK$289.4 million"), f.message());
    }

    @Test
    void aTableWhoseUnitIsOffByAThousandFailsWithoutATie(@TempDir Path dir) throws IOException {
        Path c = Content.copy(REPORT, dir.resolve("content"));
        // thousands labelled as millions: the highlights table printed 210,435.0 "HK$ million" of gross profit
        Content.replace(c, "data/key-figures.json", "\"h1-2025\": 210.4, \"h1-2024\": 182.5", "\"h1-2025\": 210435.0, \"h1-2024\": 182518.0");
        SiteBuild.Result r = Builds.check(c);
        assertFalse(r.ok());
        Finding f = only(r, "unit.mismatch");
        assertEquals("data/key-figures.json", f.location().file());
        assertEquals(Content.lineOf(c, "data/key-figures.json", "210435.0"), f.location().line());
        assertTrue(f.message().contains("a thousand times larger") && f.message().contains("Gross profit"), f.message());
    }

    @Test
    void anUnknownCurrencyUnitIsRejectedAtItsLine(@TempDir Path dir) throws IOException {
        Path c = Content.copy(REPORT, dir.resolve("content"));
        Content.replace(c, "data/borrowings.json", "\"unit\": \"HK$'000\"", "\"unit\": \"HKD000\"");
        SiteBuild.Result r = Builds.check(c);
        Finding f = r.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
        assertEquals("table.unit", f.code(), f.format());
        assertEquals("data/borrowings.json", f.location().file());
        assertEquals(Content.lineOf(c, "data/borrowings.json", "HKD000"), f.location().line());
        assertTrue(f.hint().contains("HKD'000"), f.hint());
    }

    static Finding only(SiteBuild.Result r, String code) {
        List<Finding> errors = r.findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors.stream().map(Finding::format).toList().toString());
        assertEquals(code, errors.get(0).code(), errors.get(0).format());
        return errors.get(0);
    }
}
