package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another company's report (euro, a Japanese local name, a printed "n.m.", a heading citing a note, an acknowledged
 * footing difference) gets the same shape from its own content: headline cards bound to its facts, its legal notice
 * linked from every page, marks and "n.m." on its tables; and mistakes in the new report.json fields are located errors.
 */
class OtherReportTest {
    private static final String REPORT = """
            {
              "issuer": { "name": "Beispiel Holdings AG", "localName": "例示ホールディングス株式会社",
                          "description": "Incorporated in Switzerland", "stockCodes": [ { "code": "BSP" } ] },
              "title": "Annual Report 2025",
              "shortTitle": "Annual report 2025",
              "period": { "id": "fy-2025", "label": "Year ended 31 December 2025", "end": "2025-12-31" },
              "currency": "EUR",
              "highlights": [
                { "fact": "results/sales/fy-2025", "change": "results/sales/change", "compare": "fy-2024", "link": "page:review" },
                { "fact": "results/other-income/fy-2025", "compare": "fy-2024" }
              ],
              "legalNotice": "disclaimers",
              "navigation": [
                { "title": "Overview", "pages": ["index"] },
                { "title": "Review", "pages": ["review"] },
                { "title": "Notes", "dir": "notes" },
                { "title": "Disclaimers", "pages": ["disclaimers", "data-checks"] }
              ]
            }
            """;
    private static final String RESULTS = """
            {
              "id": "results", "title": "Results", "unit": "EUR million",
              "columns": [
                { "id": "fy-2025", "label": "2025", "period": "Year ended 31 December 2025" },
                { "id": "fy-2024", "label": "2024", "period": "Year ended 31 December 2024" },
                { "id": "change", "label": "Change", "unit": "%", "negative": "minus" }
              ],
              "rows": [
                { "id": "sales", "label": "Net sales", "values": { "fy-2025": 120.0, "fy-2024": 100.0, "change": 20.0 } },
                { "id": "other-income", "label": "Other income/(expense)", "values": { "fy-2025": 12.0, "fy-2024": -5.0, "change": "n.m." } },
                { "id": "financing", "label": "Financing", "style": "heading", "notes": ["2"] },
                { "id": "interest", "label": "Interest", "indent": 1, "values": { "fy-2025": -3.0, "fy-2024": -2.0 } },
                { "id": "total", "label": "Result", "style": "total", "sum": ["sales", "other-income", "interest"], "columns": ["fy-2025", "fy-2024"],
                  "values": { "fy-2025": 130.0, "fy-2024": 93.0 } }
              ],
              "computed": [
                { "type": "change", "id": "change-computed", "label": "Change", "from": "fy-2024", "to": "fy-2025", "basis": "magnitude", "published": "change" }
              ]
            }
            """;
    private static final String CHECKS = """
            { "acknowledged": [ { "finding": "foot/results/total/fy-2025", "reason": "The report prints 130.0; its lines add up to 129.0." } ] }
            """;

    private static Path content;
    private static Path site;
    private static SiteBuild.Result built;

    static Path write() {
        try {
            Path dir = Files.createTempDirectory("other-report");
            Content.write(dir, "report.json", REPORT);
            Content.write(dir, "data/results.json", RESULTS);
            Content.write(dir, "checks.json", CHECKS);
            Content.write(dir, "narrative/index.md", "---\ntitle: Annual Report 2025\ntoc: false\n---\n{{table:results}}\n");
            Content.write(dir, "narrative/review.md", "---\ntitle: Review\n---\nThe year of 例示ホールディングス株式会社 in review.\n");
            Content.write(dir, "narrative/notes/note-02.md", "---\ntitle: Financing\nnote: \"2\"\n---\nLoans.\n");
            Content.write(dir, "narrative/disclaimers.md", "---\ntitle: Disclaimers\ntoc: false\n---\nNothing here is advice.\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void build() throws IOException {
        content = write();
        site = Files.createTempDirectory("other-site").resolve("site");
        built = Builds.build(content, site);
        assertTrue(built.ok(), () -> built.findings().stream().map(Finding::format).toList().toString());
    }

    private static Document page(String file) {
        try {
            return org.jsoup.Jsoup.parse(site.resolve(file).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void itsFiguresAreInspectableInItsOwnCurrency() throws IOException {
        Document home = page("index.html");
        // the home page shows the table too: its cell takes the fact's own id, the card the next
        assertEquals("f-results.sales.fy-2025", home.selectFirst("td[data-fact=results/sales/fy-2025]").id());
        assertEquals("f-results.sales.fy-2025.2", home.selectFirst("a.fact[data-fact=results/sales/fy-2025]").id());
        String script = Files.readString(site.resolve("assets/facts/index.js"));
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(script.substring(script.indexOf('=') + 1, script.length() - 2));
        var sales = data.get("facts").get("results/sales/fy-2025");
        assertEquals("EUR 120.0 million", sales.get("v").asText());
        assertEquals("Net sales", sales.get("l").asText());
    }

    @Test
    void theHomePageOpensWithCardsBoundToItsOwnFacts() {
        Document home = page("index.html");
        Element first = home.selectFirst("header.page-header").nextElementSibling();
        assertTrue(first.hasClass("highlights"), first.outerHtml());
        List<Element> cards = first.select("li.card");
        assertEquals(2, cards.size());
        assertEquals("results/sales/fy-2025", cards.get(0).selectFirst("a.fact").attr("data-fact"));
        assertEquals("120.0", cards.get(0).selectFirst("a.fact").text());
        assertEquals("EUR million", cards.get(0).selectFirst(".card-unit").text());
        assertEquals("20.0%", cards.get(0).selectFirst(".card-change-value").text());
        assertEquals("100.0", cards.get(0).selectFirst(".card-compare-value").text());
        assertEquals("review.html", cards.get(0).selectFirst("a.card-label").attr("href"));
        // a computed change across a change of sign is not meaningful
        assertEquals("n.m.", cards.get(1).selectFirst(".card-change-value").text());
        assertTrue(cards.get(1).selectFirst(".card-change .visually-hidden").text().contains("changes sign"));
    }

    @Test
    void everyPageLinksItsLegalNoticeAndNamesTheIssuerInItsLanguage() {
        for (String file : List.of("index.html", "review.html", "notes/note-02.html", "disclaimers.html", "data-checks.html", "glossary.html")) {
            Document d = page(file);
            Element link = d.selectFirst("footer .footer-links a[href$=disclaimers.html]");
            assertNotNull(link, file);
            assertEquals("Disclaimers", link.text());
            assertEquals("ja", d.selectFirst(".brand-local").attr("lang"), "the script of the name tells its language");
            assertTrue(d.selectFirst("footer .footer-about").text().contains("BSP"), file);
        }
        assertEquals("ja", page("review.html").selectFirst("main .content span[lang]").attr("lang"));
    }

    @Test
    void itsTablesShowNmHeadingsWithoutDashesAndTheMarkOfItsAcknowledgedDifference() {
        Element fig = page("index.html").getElementById("table-results");
        Element printed = fig.getElementById("r-results-other-income").select("td").get(2);
        assertEquals("n.m.", printed.selectFirst("[aria-hidden]").text());
        assertEquals("not meaningful", printed.selectFirst(".visually-hidden").text());
        Element heading = fig.getElementById("r-results-financing");
        assertTrue(heading.select("td").stream().allMatch(td -> td.text().isEmpty()), heading.outerHtml());
        assertEquals("notes/note-02.html#note-2", heading.selectFirst("th .row-notes a").attr("href"));
        Element mark = fig.getElementById("r-results-total").selectFirst("td a.ack-mark");
        assertEquals("data-checks.html#" + CheckResult.anchor("foot/results/total/fy-2025"), mark.attr("href"));
        assertNotNull(page("data-checks.html").getElementById(CheckResult.anchor("foot/results/total/fy-2025")));
        // a printed n.m. agrees with the rule (the figure changes sign); the printed 20.0% is checked as a figure
        CheckResult.Performed nm = built.checks().performed().stream().filter(p -> p.key().equals("computed/results/other-income/change-computed"))
                .findFirst().orElseThrow();
        assertEquals(CheckResult.Status.PASSED, nm.status(), nm.detail());
        assertTrue(nm.detail().contains("changes sign"), nm.detail());
    }

    @Test
    void aPrintedNmWhereTheChangeIsMeaningfulFailsItsCheck() {
        Path dir = write();
        Content.replace(dir, "data/results.json", "\"change\": 20.0", "\"change\": \"n.m.\"");
        SiteBuild.Result r = Builds.check(dir);
        Finding f = r.findings().stream().filter(x -> "computed/results/sales/change-computed".equals(x.key())).findFirst().orElseThrow();
        assertTrue(f.isError());
        assertEquals("computed.mismatch", f.code());
        assertEquals("data/results.json", f.location().file());
        assertTrue(f.message().contains("20.0%"), f.message());
    }

    /** One mistake in the new report.json fields (or a table cell): a located error with a hint. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report.json|\"fact\": \"results/sales/fy-2025\"|\"fact\": \"results/sale/fy-2025\"|ref.fact|\"fact\": \"results/sale/fy-2025\"",
            "report.json|\"change\": \"results/sales/change\"|\"change\": \"results/sales/fy-2024\"|report.highlight|\"change\": \"results/sales/fy-2024\"",
            "report.json|\"link\": \"page:review\"|\"link\": \"https://example.com\"|report.highlight|\"link\": \"https://example.com\"",
            "report.json|\"link\": \"page:review\"|\"link\": \"page:reveiw\"|ref.page|\"link\": \"page:reveiw\"",
            "report.json|{ \"fact\": \"results/other-income/fy-2025\", \"compare\": \"fy-2024\" }|{ \"fact\": \"results/other-income/fy-2025\", \"compare\": \"fy-2023\" }|report.highlight|\"compare\": \"fy-2023\"",
            "report.json|\"legalNotice\": \"disclaimers\"|\"legalNotice\": \"disclaimer\"|report.legal-notice|\"legalNotice\": \"disclaimer\"",
            "report.json|\"localName\": \"例示ホールディングス株式会社\",|\"localName\": \"例示ホールディングス株式会社\", \"localNameLang\": \"ja_JP!\",|report.lang|\"localNameLang\"",
            "data/results.json|\"change\": \"n.m.\"|\"change\": \"not much\"|json.type|\"change\": \"not much\"",
    })
    void aMistakeIsALocatedError(String file, String from, String to, String code, String lineWith) throws IOException {
        Path dir = write();
        Content.replace(dir, file, from, to);
        SiteBuild.Result r = Builds.check(dir);
        assertFalse(r.ok());
        List<Finding> errors = r.findings().stream().filter(Finding::isError).toList();
        Finding f = errors.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + errors.stream().map(Finding::format).toList()));
        if (file.equals("report.json")) assertEquals(1, errors.size(), "nothing else: " + errors.stream().map(Finding::format).toList());
        assertEquals(file, f.location().file(), f.format());
        List<String> lines = Files.readAllLines(dir.resolve(file));
        int line = 0;
        for (int i = 0; i < lines.size() && line == 0; i++) if (lines.get(i).contains(lineWith)) line = i + 1;
        assertTrue(line > 0);
        // a highlight's error points at its entry (the line where its object starts), a field's at the field
        assertTrue(Math.abs(f.location().line() - line) <= 1, f.format() + " (expected near line " + line + ")");
        assertFalse(f.hint() == null || f.hint().isBlank(), f.format());
    }
}
