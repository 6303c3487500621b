package org.reportsite.check;

import org.junit.jupiter.api.Test;
import org.reportsite.content.PageReader;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which numbers of a page are taken for quoted financial figures, and which are left alone. */
class ProseScannerTest {

    private static List<ProseScanner.Figure> scan(String body) {
        Findings findings = new Findings();
        Page p = PageReader.read("test/page", "narrative/test/page.md", "---\ntitle: Test\n---\n" + body, findings);
        assertTrue(findings.list().isEmpty(), findings.list().toString());
        return ProseScanner.scan(p);
    }

    private static List<String> texts(String body) {
        return scan(body).stream().map(ProseScanner.Figure::text).toList();
    }

    @Test
    void datesNoteNumbersCountsAndRatesAreNotFigures() {
        assertEquals(List.of(), texts("As at June 30, 2025, see note 15 and Note 10(a). The Group had 3,206 employees, "
                + "which represented a 14.6% decline in total headcount. Its utilization is around 80%. "
                + "Profits tax had been provided for at the rate of 8.25% for assessable profits. "
                + "A total of 1,865,000,000 Placing Shares were placed at HK$1.50 per placing share, at the Placing Price of HK$1.50."));
    }

    @Test
    void amountsWithACurrencyAreFiguresWithTheirScale() {
        List<ProseScanner.Figure> f = scan("It recorded a RMB241.3 million gain; investment properties of RMB2,507,845,000; proceeds of HK$2,787.1 million.");
        assertEquals(List.of("RMB241.3 million", "RMB2,507,845,000", "HK$2,787.1 million"), f.stream().map(ProseScanner.Figure::text).toList());
        assertEquals(new BigDecimal("241.3"), f.get(0).value());
        assertEquals(1, f.get(0).decimals());
        assertEquals(BigDecimal.valueOf(1_000_000), f.get(0).multiplier());
        assertEquals("HK$", f.get(2).currency());
        assertEquals(4, f.get(0).line());
    }

    @Test
    void percentagesOfChangeOrShareInASentenceAboutMoneyAreFiguresWithTheirDirection() {
        List<ProseScanner.Figure> f = scan("Our revenue increased by 35.6% to RMB{{fact:revenue-by-segment/revenue/h1-2025}} million.\n\n"
                + "Our selling expenses decreased by 17.3% from the prior period.\n\n"
                + "Its share of Group revenue rose to {{fact:revenue-by-segment/generative-ai/pct-h1-2025}}% (vs. 63.7% for FY 2024).\n\n"
                + "DAU was up 400% this year.");
        assertEquals(List.of("35.6%", "17.3%", "63.7%"), f.stream().map(ProseScanner.Figure::text).toList());
        assertEquals(1, f.get(0).direction());
        assertEquals(-1, f.get(1).direction());
        assertEquals(List.of("revenue-by-segment/revenue/h1-2025"), f.get(0).boundFacts().stream().map(FactRef::toString).toList());
        // "vs." does not end the sentence: the share figure is bound to the fact before it.
        assertEquals(List.of("revenue-by-segment/generative-ai/pct-h1-2025"), f.get(2).boundFacts().stream().map(FactRef::toString).toList());
        assertEquals(8, f.get(2).line());
    }

    @Test
    void directivesCodeAndLinksAreNotScanned() {
        assertEquals(List.of(), texts("Revenue was RMB{{fact:income-statement/revenue/h1-2025|million}} million, up {{nofact:35.6%}}. "
                + "Costs fell by `12.0%` in [the table](page:mdna/results) and [x](https://example.com/RMB1.0-million-up-5%).\n\n"
                + "```\nRevenue increased by 99.9% to RMB1.0 million\n```"));
    }
}
