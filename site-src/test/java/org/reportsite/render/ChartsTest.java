package org.reportsite.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.ChartSpec;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts drawn from the bundled tables: what is drawn, where, and what is said about it. */
class ChartsTest {
    private static Report report;

    @BeforeAll
    static void load() {
        Findings f = new Findings();
        report = ContentLoader.load(Path.of("content"), f);
        assertFalse(f.hasErrors(), () -> f.list().toString());
    }

    private static Document chart(String table, String... opts) {
        Table t = report.tables().get(table);
        assertNotNull(t, table);
        return Jsoup.parse(Charts.svg(t, List.of(opts)), "", Parser.htmlParser());
    }

    private static BigDecimal attr(Element e, String name) { return new BigDecimal(e.attr(name)); }

    /** x of the bar's far end from zero: where its value is. */
    private static BigDecimal end(Element rect) { return attr(rect, "x").add(attr(rect, "width")); }

    @Test
    void groupedBarsDrawOneBarPerRowAndColumnProportionalToTheAmount() {
        Document d = chart("revenue-by-geography");
        Elements bars = d.select("svg rect.bar");
        assertEquals(4 * 2, bars.size(), "4 regions x 2 periods");
        // the largest amount (Mainland China 2025: 2,176,347) spans the plot; the others in proportion
        BigDecimal full = attr(bars.get(0), "width");
        assertEquals(new BigDecimal(Charts.W - Charts.VALUE_ROOM), full);
        BigDecimal expected = new BigDecimal("1418730").multiply(full).divide(new BigDecimal("2176347"), 1, RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(attr(bars.get(1), "width")), "Mainland China 2024");
        assertEquals("s1", bars.get(0).classNames().stream().filter(c -> c.startsWith("s")).findFirst().orElseThrow());
        assertEquals("s2", bars.get(1).classNames().stream().filter(c -> c.startsWith("s")).findFirst().orElseThrow());
        // values printed as in the table, next to their bars
        List<String> values = d.select("svg text.val").eachText();
        assertTrue(values.containsAll(List.of("2,176,347", "1,418,730", "61,356", "222,557")), values.toString());
        // legend names the periods, labels name the rows; the total row is not drawn
        List<String> labels = d.select("svg text.lbl").eachText();
        assertEquals(List.of("Mainland China", "Northeast Asia", "Southeast Asia", "Others"), labels);
    }

    @Test
    void everyChartHasATitleADescriptionOfEveryValueAndALinkToItsTable() {
        Document d = chart("revenue-by-geography", "million", "title=Revenue by geographical area");
        Element fig = d.selectFirst("figure.chart");
        assertEquals("revenue-by-geography", fig.attr("data-table-id"));
        Element svg = fig.selectFirst("svg");
        assertEquals("img", svg.attr("role"));
        String[] labelledBy = svg.attr("aria-labelledby").split(" ");
        assertEquals("title", d.getElementById(labelledBy[0]).tagName());
        assertEquals("Revenue by geographical area", d.getElementById(labelledBy[0]).text());
        String desc = d.getElementById(labelledBy[1]).text();
        assertEquals("desc", d.getElementById(labelledBy[1]).tagName());
        for (String s : List.of("RMB million", "Mainland China", "2,176.3", "1,418.7", "Others", "99.5", "58.8")) {
            assertTrue(desc.contains(s), "description lacks " + s + ": " + desc);
        }
        assertEquals("table:revenue-by-geography", fig.selectFirst("a").attr("href"));
        assertEquals("Revenue by geographical area", fig.selectFirst("figcaption .chart-title").text());
    }

    @Test
    void columnsLabelledOnlyByTheirUnitAreNamedByTheirGroup() {
        Table t = report.tables().get("revenue-by-segment");
        assertEquals("2025", Charts.seriesName(t, t.column("h1-2025").orElseThrow()));
        assertEquals("2024", Charts.seriesName(t, t.column("h1-2024").orElseThrow()));
        Table geo = report.tables().get("revenue-by-geography");
        assertEquals("2025", Charts.seriesName(geo, geo.column("h1-2025").orElseThrow()));
    }

    @Test
    void stackedBarsSplitEachPeriodIntoItsSegments() {
        Document d = chart("revenue-by-segment", "type=stacked");
        Elements segs = d.select("svg rect.seg");
        assertEquals(3 * 2, segs.size(), "3 segments x 2 periods (the % columns are not drawn)");
        // each segment starts where the one before it ends
        for (int p = 0; p < 2; p++) {
            assertEquals(new BigDecimal("0"), attr(segs.get(p * 3), "x"));
            for (int i = 1; i < 3; i++) assertEquals(0, end(segs.get(p * 3 + i - 1)).compareTo(attr(segs.get(p * 3 + i), "x")));
        }
        // the larger period spans the plot; the totals are printed at the ends of the bars
        assertEquals(0, end(segs.get(2)).compareTo(new BigDecimal(Charts.W - Charts.VALUE_ROOM)));
        List<String> totals = d.select("svg text.val.lbl").eachText();
        assertEquals(List.of("2,358.2", "1,739.7"), totals);
        assertTrue(d.selectFirst("desc").text().contains("Generative AI 1,815.5"));
        // a segment's tooltip names it
        assertEquals("X Businesses: 106.7", segs.get(2).selectFirst("title").text());
    }

    @Test
    void aWaterfallFloatsEachMovementFromTheRunningTotal() {
        Document d = chart("cash-flow-summary", "type=waterfall", "columns=h1-2025",
                "rows=cash-at-beginning-of-period,net-cash-used-in-operating-activities,net-cash-generated-from-used-in-investing-activities,"
                        + "net-cash-generated-from-financing-activities,effect-of-foreign-exchange-rates-changes,cash-at-end-of-period");
        Elements bars = d.select("svg rect.bar");
        assertEquals(6, bars.size());
        Element opening = bars.get(0), operating = bars.get(1), investing = bars.get(2), closing = bars.get(5);
        assertTrue(opening.hasClass("s1") && closing.hasClass("s1"), "balances");
        assertTrue(operating.hasClass("down"), "cash used is a decrease");
        assertTrue(investing.hasClass("up"));
        assertEquals(BigDecimal.ZERO, attr(opening, "x").stripTrailingZeros());
        assertEquals(BigDecimal.ZERO, attr(closing, "x").stripTrailingZeros());
        // the outflow hangs from the opening balance: its right edge is the opening's end
        assertEquals(0, end(operating).compareTo(end(opening)));
        // the inflow starts where the outflow left the balance
        assertEquals(0, attr(investing, "x").compareTo(attr(operating, "x")));
        // 8,888.0 - 639.5 + 699.7 + 2,158.0 + 62.2 = 11,168.4: the last movement ends where the closing bar ends
        assertEquals(0, end(bars.get(4)).compareTo(end(closing)));
        assertTrue(d.select("svg text.val").eachText().containsAll(List.of("8,888.0", "(639.5)", "11,168.4")));
        assertEquals(5, d.select("svg .link").size(), "a connector between each pair of bars");
    }

    @Test
    void negativeBarsGrowLeftOfTheZeroLine() {
        Document d = chart("cash-flow-summary", "rows=net-cash-used-in-operating-activities,net-cash-generated-from-financing-activities");
        Elements bars = d.select("svg rect.bar");
        BigDecimal zero = attr(d.selectFirst("svg line.zero"), "x1");
        Element used2024 = bars.get(1), financing2025 = bars.get(2);
        assertEquals(0, end(used2024).compareTo(zero), "(3,523.8) ends at zero");
        assertEquals(0, attr(financing2025, "x").compareTo(zero), "2,158.0 starts at zero");
        assertTrue(d.select("svg text.val.end").eachText().contains("(3,523.8)"));
    }

    @Test
    void drawingIsDeterministic() {
        Table t = report.tables().get("cost-of-sales-by-nature");
        assertEquals(Charts.svg(t, List.of()), Charts.svg(t, List.of()));
    }

    @Test
    void optionsAreCheckedAgainstTheTable() {
        Table t = report.tables().get("cash-flow-summary");
        assertEquals(List.of(), ChartSpec.problems(List.of("type=stacked", "columns=h1-2025,h1-2024", "million", "title=Cash"), t));
        List<String> p = ChartSpec.problems(List.of("type=pie", "columns=h1-2026", "rows=nope", "colour=red"), t);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.get(0).contains("unknown chart type \"pie\""));
        assertTrue(p.get(1).contains("no column \"h1-2026\""));
        assertTrue(p.get(2).contains("no row \"nope\""));
        assertTrue(p.get(3).contains("unknown chart option \"colour=red\""));
        List<String> w = ChartSpec.problems(List.of("type=waterfall"), t);
        assertEquals(2, w.size(), "a waterfall needs one column and its rows: " + w);
    }
}
