package org.reportsite.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.diff.ContentCopy;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;

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
    static final Path REPORT = Path.of("site-src/test/resources/reports/harbourline");

    @TempDir
    static Path tmp;
    static SiteBuild.Result built;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        built = SiteBuild.run(new SiteBuild.Options(REPORT, Path.of("templates"), Path.of("static"), site, true, null));
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
        Document review = Jsoup.parse(site.resolve("business-review.html").toFile(), "UTF-8");
        assertTrue(review.select("pre code").text().contains("{{fact:no-such-table/row/column}}"), "a directive in fenced code is shown as written");
        assertNotNull(review.getElementById("table-revenue-by-segment"));
        Document fin = Jsoup.parse(site.resolve("financial-review.html").toFile(), "UTF-8");
        assertEquals("57.4", fin.selectFirst("a.fact[data-fact=income-statement/profit-for-the-period/h1-2025]").text());
        Document is = Jsoup.parse(site.resolve("financial-statements/income-statement.html").toFile(), "UTF-8");
        assertTrue(is.selectFirst("caption").text().contains("HK$'000 (thousands of Hong Kong dollars)") || is.selectFirst("caption").text().contains("HK$'000"),
                is.selectFirst("caption").text());
    }

    @Test
    void aWrongFigureThatEqualsAnotherLineItemFailsAtItsLine(@TempDir Path dir) throws IOException {
        Path c = ContentCopy.copy(REPORT, dir.resolve("content"));
        // 298.4 is staff costs; cash and cash equivalents are 289.4
        ContentCopy.replace(c, "narrative/liquidity.md", "were HK$289.4 million", "were HK$298.4 million");
        SiteBuild.Result r = check(c);
        assertFalse(r.ok());
        Finding f = only(r, "prose.mismatch");
        assertEquals("narrative/liquidity.md", f.location().file());
        assertEquals(lineOf(c.resolve("narrative/liquidity.md"), "HK$298.4 million"), f.location().line());
        assertTrue(f.message().contains("Cash and cash equivalents") && f.message().contains("HK$289.4 million"), f.message());
    }

    @Test
    void aTableWhoseUnitIsOffByAThousandFailsWithoutATie(@TempDir Path dir) throws IOException {
        Path c = ContentCopy.copy(REPORT, dir.resolve("content"));
        // thousands labelled as millions: the highlights table printed 210,435.0 "HK$ million" of gross profit
        ContentCopy.replace(c, "data/key-figures.json", "\"h1-2025\": 210.4, \"h1-2024\": 182.5", "\"h1-2025\": 210435.0, \"h1-2024\": 182518.0");
        SiteBuild.Result r = check(c);
        assertFalse(r.ok());
        Finding f = only(r, "unit.mismatch");
        assertEquals("data/key-figures.json", f.location().file());
        assertEquals(lineOf(c.resolve("data/key-figures.json"), "210435.0"), f.location().line());
        assertTrue(f.message().contains("a thousand times larger") && f.message().contains("Gross profit"), f.message());
    }

    @Test
    void anUnknownCurrencyUnitIsRejectedAtItsLine(@TempDir Path dir) throws IOException {
        Path c = ContentCopy.copy(REPORT, dir.resolve("content"));
        ContentCopy.replace(c, "data/borrowings.json", "\"unit\": \"HK$'000\"", "\"unit\": \"HKD000\"");
        SiteBuild.Result r = check(c);
        Finding f = r.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
        assertEquals("table.unit", f.code(), f.format());
        assertEquals("data/borrowings.json", f.location().file());
        assertEquals(lineOf(c.resolve("data/borrowings.json"), "HKD000"), f.location().line());
        assertTrue(f.hint().contains("HKD'000"), f.hint());
    }

    static SiteBuild.Result check(Path content) {
        return SiteBuild.run(new SiteBuild.Options(content, Path.of("templates"), Path.of("static"), null, false, null));
    }

    static Finding only(SiteBuild.Result r, String code) {
        List<Finding> errors = r.findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors.stream().map(Finding::format).toList().toString());
        assertEquals(code, errors.get(0).code(), errors.get(0).format());
        return errors.get(0);
    }

    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("no " + text + " in " + file);
    }
}
