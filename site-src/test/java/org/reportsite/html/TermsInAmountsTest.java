package org.reportsite.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Report;
import org.reportsite.render.PageDeps;
import org.reportsite.testkit.Content;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A glossary name that is part of an amount is not linked to its definition: the term "HK$" (alias "HKD") of a
 * second company's glossary, in every shape an amount is written, and with the figure in an element of its own
 * (a fact link or a prose figure the build wrapped). The same names outside amounts are linked.
 */
class TermsInAmountsTest {
    private static final Report REPORT = ContentLoader.load(Content.HARBOURLINE, new Findings());
    private static final HtmlStage HTML = new HtmlStage(new Index(REPORT));

    /** The texts of the term links the html stage makes in {@code body} (one paragraph of a page). */
    private static String linked(String body) {
        String page = "<html><body><main><div class=\"content\"><p>" + body + "</p></div></main></body></html>";
        Document d = Jsoup.parse(HTML.process(page, "x.html", REPORT.page("business-review").orElseThrow(), "x.md", new PageDeps()).html());
        return String.join("|", d.select("div.content a.term").eachText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Revenue of HK$1,250.4 million.",
            "Revenue of HK$ 1,250.4 million.",
            "Revenue of HK$\u00a01,250.4 million.",
            "Revenue of HK$<a class=\"fact\" href=\"#f\">1,250.4</a> million.",
            "Revenue of HK$<span class=\"fact\">1,250.4</span> million.",
            "Revenue of <strong>HK$</strong>1,250.4 million.",
            "A loss of HK$(12.3) million.",
            "A loss of HK$-12.3 million.",
            "Revenue of HKD1.2 billion.",
            "Revenue of HKD 1.2 billion.",
            "Revenue of HKD<a class=\"fact\" href=\"#f\">1.2</a> billion.",
            "Revenue of 1,250.4 HKD.",
            "Revenue of <a class=\"fact\" href=\"#f\">1,250.4</a> HKD.",
            "Revenue of HK$ <a class=\"fact\" href=\"#f\">1,250.4</a> million.",
            "Revenue of <em>HK$</em> <span class=\"fact\">1,250.4</span> million."})
    void aCurrencyNameInsideAnAmountIsNotLinked(String body) {
        assertEquals("", linked(body), body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Amounts are in HK$ unless stated otherwise.|HK$",
            "Amounts are in HKD.|HKD",
            "All amounts (HK$) are unaudited.|HK$",
            "Figures in HK$, rounded.|HK$",
            "The Board met twice in 2025.|Board"})
    void theSameNamesOutsideAmountsAreLinked(String body, String expected) {
        assertEquals(expected, linked(body), body);
    }
}
