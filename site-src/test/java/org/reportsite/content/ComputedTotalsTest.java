package org.reportsite.content;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sum row written without values gets the sum of its rows; a typed value is checked as before. */
class ComputedTotalsTest {
    private static final String TYPED = "\"sum\": [\"revenue\", \"cost-of-sales\"], \"values\": { \"h1-2025\": 907800, \"h1-2024\": 766760 }";

    @Test
    void theSitePrintsTheComputedTotalAndTheChecksCountItAsAFact() {
        Content c = Content.sample().replace("data/income.json", TYPED, "\"sum\": [\"revenue\", \"cost-of-sales\"]");
        c.edit("narrative/index.md", s -> s + "\nGross profit was {{fact:income/gross-profit/h1-2025}}.\n");
        Path out = TempDirs.create("site");
        SiteBuild.Result r = c.build(out);
        assertTrue(r.ok(), () -> r.findings().stream().map(Finding::format).toList().toString());
        assertEquals(0, r.findings().stream().filter(Finding::isError).count());
        var row = SiteTree.parse(out, "index.html").getElementById("r-income-gross-profit");
        assertEquals(List.of("907,800", "766,760"), row.select("td").eachText());
        assertTrue(SiteTree.parse(out, "index.html").select("a.fact").eachText().contains("907,800"), "the fact directive reads the computed value");
        assertTrue(r.checks().performed().stream().anyMatch(p -> p.key().equals("foot/income/gross-profit/h1-2025") && p.facts().contains("income/gross-profit/h1-2025")),
                "its footing check ran and names it as a fact");
    }

    @Test
    void aTypedTotalIsCheckedAsBefore() {
        SiteBuild.Result r = Content.sample().replace("data/income.json", "\"h1-2025\": 907800", "\"h1-2025\": 907801").check();
        Finding f = Builds.finding(r, "foot/income/gross-profit/h1-2025");
        assertTrue(f.isError() && f.code().equals("foot.mismatch") && f.location().file().equals("data/income.json"), f.format());
    }

    @Test
    void sumsOfComputedSumsNilColumnsSignsAndRestrictedColumns() {
        Table t = table("""
                { "id": "a", "label": "A", "values": { "x": 10, "y": 1.5, "z": null } },
                { "id": "b", "label": "B", "values": { "x": 5, "z": null } },
                { "id": "sub", "label": "Sub", "style": "subtotal", "sum": ["a", "-b"] },
                { "id": "c", "label": "C", "values": { "x": 100, "y": 2 } },
                { "id": "total", "label": "Total", "style": "total", "sum": ["sub", "c"] },
                { "id": "only-x", "label": "X only", "style": "total", "sum": ["a", "c"], "columns": ["x"] },
                { "id": "typed", "label": "Typed", "style": "total", "sum": ["a", "c"], "values": { "x": 110 } }
                """);
        assertEquals(Map.of("x", new BigDecimal("5.0"), "y", new BigDecimal("1.5")), t.row("sub").orElseThrow().amounts());
        assertEquals(Map.of("x", new BigDecimal("105.0"), "y", new BigDecimal("3.5")), t.row("total").orElseThrow().amounts());
        assertEquals(Map.of("x", new BigDecimal("110.0")), t.row("only-x").orElseThrow().amounts());
        assertNull(t.row("total").orElseThrow().amount("z"), "nil where none of its rows has an amount");
        assertEquals(Map.of("x", new BigDecimal("110.0")), t.row("typed").orElseThrow().amounts(), "a typed row keeps what it has");
    }

    @Test
    void aLongChainOfComputedSumsNeedsNoDeepStack() {
        int n = 20_000;
        StringJoiner rows = new StringJoiner(",\n");
        rows.add("{ \"id\": \"r0\", \"label\": \"first\", \"values\": { \"x\": 1 } }");
        // each row sums the one after it: the last is typed, so every other total waits for the next
        for (int i = 1; i < n; i++) rows.add("{ \"id\": \"s" + i + "\", \"label\": \"s\", \"sum\": [\"" + (i + 1 < n ? "s" + (i + 1) : "r0") + "\"] }");
        Table t = table(rows.toString());
        assertEquals(new BigDecimal("1.0"), t.row("s1").orElseThrow().amount("x"));
    }

    private static Table table(String rows) {
        String json = "{ \"id\": \"t\", \"title\": \"T\", \"unit\": \"RMB'000\", \"decimals\": 1, \"columns\": ["
                + "{ \"id\": \"x\", \"label\": \"X\" }, { \"id\": \"y\", \"label\": \"Y\" }, { \"id\": \"z\", \"label\": \"Z\" }],\n\"rows\": [\n" + rows + "\n] }";
        Findings f = new Findings();
        Table t;
        try {
            t = TableReader.read(LocatedJson.parse("data/t.json", json), "t", f);
        } catch (ContentSyntaxException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of(), f.list().stream().map(Finding::format).toList());
        return t;
    }
}
