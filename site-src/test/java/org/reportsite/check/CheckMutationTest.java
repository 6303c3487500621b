package org.reportsite.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.testkit.Builds.assertError;
import static org.reportsite.testkit.Builds.finding;
import static org.reportsite.testkit.Builds.hasKey;

/** One value changed in a copy of the bundled content: the check must fail and name the table, row, file and line. */
class CheckMutationTest {
    private static final String IS = "data/income-statement.json";

    @Test
    void aChangedLineItemBreaksItsTotalAndTheTiesOfThatFigure() {
        Content e = Content.bundled().replace(IS, "\"h1-2025\": -272285", "\"h1-2025\": -272286");
        SiteBuild.Result r = e.check();
        assertFalse(r.ok());
        Finding foot = finding(r, "foot/income-statement/operating-loss/h1-2025");
        assertError(foot, "foot.mismatch", IS, e.lineOf(IS, "\"id\": \"operating-loss\""));
        assertEquals("(1,453,194)", foot.expected());
        assertEquals("(1,453,193)", foot.actual());
        assertTrue(foot.message().contains("operating-loss") || foot.message().contains("Operating loss"), foot.message());
        // The same line printed in the MD&A table no longer agrees.
        Finding tie = finding(r, "tie/mdna-selling-expenses/h1-2025");
        assertError(tie, "tie.mismatch", "checks.json", e.lineOf("checks.json", "\"id\": \"mdna-selling-expenses\""));
        assertTrue(tie.message().contains("income-statement/selling-expenses/h1-2025"), tie.message());
        // The other period is untouched.
        assertFalse(hasKey(r, "foot/income-statement/operating-loss/h1-2024"));
    }

    @Test
    void aChangedTotalFailsItsFootingAndTheBalanceSheetIdentity() {
        String bs = "data/balance-sheet.json";
        Content e = Content.bundled().replace(bs, "\"jun-2025\": 35580941, \"dec-2024\": 34599511 }, \"sum\": [\"total-non-current-assets\"",
                "\"jun-2025\": 35580942, \"dec-2024\": 34599511 }, \"sum\": [\"total-non-current-assets\"");
        SiteBuild.Result r = e.check();
        assertError(finding(r, "foot/balance-sheet/total-assets/jun-2025"), "foot.mismatch", bs, e.lineOf(bs, "\"id\": \"total-assets\""));
        assertError(finding(r, "tie/balance-sheet-balances/jun-2025"), "tie.mismatch", "checks.json", e.lineOf("checks.json", "\"id\": \"balance-sheet-balances\""));
    }

    @Test
    void anRmbMillionTableToleratesRoundingOfItsLinesButNotMore() {
        String seg = "data/revenue-by-segment.json";
        // 0.1 off in one line of four rounded figures: within rounding (±0.2), reported as passed with the difference.
        SiteBuild.Result within = Content.bundled().replace(seg, "\"h1-2025\": 1815.5", "\"h1-2025\": 1815.6").check();
        assertFalse(hasKey(within, "foot/revenue-by-segment/revenue/h1-2025"));
        CheckResult.Performed p = within.checks().performed().stream().filter(x -> x.key().equals("foot/revenue-by-segment/revenue/h1-2025")).findFirst().orElseThrow();
        assertEquals(CheckResult.Status.PASSED, p.status());
        assertTrue(p.detail().contains("difference -0.1 is within rounding"), p.detail());
        // 1.0 off is not rounding.
        Content e = Content.bundled().replace(seg, "\"h1-2025\": 1815.5", "\"h1-2025\": 1816.5");
        assertError(finding(e.check(), "foot/revenue-by-segment/revenue/h1-2025"), "foot.mismatch", seg, e.lineOf(seg, "\"id\": \"revenue\""));
    }

    @Test
    void anRmbThousandTableMustTieExactlyUnlessDeclaredRounded() {
        String tax = "data/income-tax.json";
        Content e = Content.bundled().replace(tax, "\"h1-2025\": -9996", "\"h1-2025\": -9997");
        assertError(finding(e.check(), "foot/income-tax/income-tax/h1-2025"), "foot.mismatch", tax, e.lineOf(tax, "\"label\": \"Income tax (expenses)/credit\""));
        // Declared rounded in checks.json: a difference of 1 in a total and two lines (±1.5) passes.
        e.replace("checks.json", "\"acknowledged\": [", "\"precision\": [ { \"table\": \"income-tax\", \"rounded\": true, \"reason\": \"test\" } ],\n  \"acknowledged\": [");
        SiteBuild.Result r = e.check();
        assertFalse(hasKey(r, "foot/income-tax/income-tax/h1-2025"), r.findings().toString());
    }

    @Test
    void aChangedPublishedPercentageFailsItsComputedColumn() {
        String kh = "data/key-highlights.json";
        Content e = Content.bundled().replace(kh, "\"change\": -39.9", "\"change\": -38.9");
        Finding f = finding(e.check(), "computed/key-highlights/loss-for-the-period/change-computed");
        assertError(f, "computed.mismatch", kh, e.lineOf(kh, "\"id\": \"loss-for-the-period\""));
        assertEquals("-39.9%", f.expected());
        assertEquals("-38.9%", f.actual());
    }

    @Test
    void aWrongHeaderYearIsReportedAndAFixedOneLeavesAStaleAcknowledgement() {
        Content e = Content.bundled().replace(IS, "{ \"id\": \"h1-2025\", \"label\": \"2025\"", "{ \"id\": \"h1-2025\", \"label\": \"2024\"");
        Finding f = finding(e.check(), "header/income-statement/h1-2025");
        assertTrue(f.isError() && f.code().equals("header.year") && f.location().file().equals(IS), f.format());
        assertEquals("2024", f.actual());

        SiteBuild.Result fixed = Content.bundled().replace("data/key-highlights.json", "\"label\": \"2023\"", "\"label\": \"2025\"").check();
        assertTrue(fixed.ok());
        assertTrue(fixed.findings().stream().anyMatch(x -> x.code().equals("ack.unused") && x.message().contains("header/key-highlights/h1-2025")),
                fixed.findings().toString());
    }

    @Test
    void withoutTheirAcknowledgementsThePublishedInconsistenciesAreErrors() {
        Content e = Content.bundled();
        e.replace("checks.json", acknowledgedBlock(e), "\"acknowledged\": []");
        SiteBuild.Result r = e.check();
        assertFalse(r.ok());
        for (String key : BundledChecksTest.ACKNOWLEDGED) {
            assertTrue(finding(r, key).isError(), key);
        }
    }

    @Test
    void aChangedPercentageInTheProseIsAMismatchAtItsLine() {
        String md = "narrative/mdna/results.md";
        Content e = Content.bundled().replace(md, "Our revenue increased by 35.6%", "Our revenue increased by 36.6%");
        Finding f = finding(e.check(), "prose/mdna/results/36.6%");
        assertError(f, "prose.mismatch", md, e.lineOf(md, "Our revenue increased by 36.6%"));
        assertEquals(e.lineOf(md, "Our revenue increased by 36.6%"), f.location().line());
        assertTrue(f.message().contains("change of revenue-by-segment/revenue from h1-2024 to h1-2025 = 35.55%"), f.message());
        assertEquals("35.6%", f.expected());
    }

    @Test
    void aChangeStatedForTheCitedFactsMustBeTheirChangeNotAnotherFigureOfThePage() {
        String md = "narrative/mdna/results.md";
        // 18.4% is the gross profit's change, printed further down the same page; the sentence cites revenue.
        Content e = Content.bundled().replace(md, "Our revenue increased by 35.6%", "Our revenue increased by 18.4%");
        assertError(finding(e.check(), "prose/mdna/results/18.4%"), "prose.mismatch", md, e.lineOf(md, "Our revenue increased by 18.4%"));
    }

    @Test
    void aChangeInTheWrongDirectionIsReported() {
        String md = "narrative/mdna/results.md";
        Content e = Content.bundled().replace(md, "Our selling expenses decreased by 17.3%", "Our selling expenses increased by 17.3%");
        Finding f = finding(e.check(), "prose/mdna/results/17.3%");
        assertError(f, "prose.direction", md, e.lineOf(md, "Our selling expenses increased by 17.3%"));
    }

    @Test
    void anAmountWrittenOutInTheProseIsLookedUp() {
        String md = "narrative/mdna/results.md";
        String bound = "net foreign exchange losses of RMB{{fact:other-gains-losses/net-foreign-exchange-losses/h1-2025|million|abs}} million";
        // Written out correctly: it matches the dataset.
        SiteBuild.Result ok = Content.bundled().replace(md, bound, "net foreign exchange losses of RMB169.0 million").check();
        assertTrue(ok.ok(), ok.findings().toString());
        CheckResult.Performed p = ok.checks().performed().stream().filter(x -> x.key().equals("prose/mdna/results/RMB169.0 million")).findFirst().orElseThrow();
        assertTrue(p.detail().contains("other-gains-losses/net-foreign-exchange-losses/h1-2025"), p.detail());
        // Written out wrongly: a mismatch naming the fact it resembles.
        Content e = Content.bundled().replace(md, bound, "net foreign exchange losses of RMB170.0 million");
        Finding f = finding(e.check(), "prose/mdna/results/RMB170.0 million");
        assertError(f, "prose.mismatch", md, e.lineOf(md, "RMB170.0 million"));
        assertTrue(f.message().contains("other-gains-losses/net-foreign-exchange-losses/h1-2025"), f.message());
        assertEquals("RMB169.0 million", f.expected());
    }

    @Test
    void anUnmarkedFigureThatIsNotInTheDatasetIsReportedWithItsNearestFacts() {
        String md = "narrative/mdna/results.md";
        Content e = Content.bundled().replace(md, "{{nofact:RMB241.3 million}}", "RMB241.3 million");
        SiteBuild.Result r = e.check();
        // its words name no line item (the sentence's subject, net finance income, is its cause's, not its own): unbound, a warning
        Finding f = finding(r, "prose/mdna/results/RMB241.3 million");
        assertFalse(f.isError(), f.format());
        assertEquals("prose.unbound", f.code());
        assertEquals(md, f.location().file());
        assertEquals(e.lineOf(md, "a RMB241.3 million gain"), f.location().line());
        assertTrue(f.message().contains("nearest facts:"), f.message());
        assertTrue(r.ok(), "a warning by default");
        // checked strictly, it is an error
        SiteBuild.Result strict = Builds.check(e.dir(), true);
        assertTrue(finding(strict, "prose/mdna/results/RMB241.3 million").isError());
    }

    @Test
    void aTieNamingAnUnknownRowIsAnErrorAtItsLine() {
        Content e = Content.bundled().replace("checks.json", "\"right\": \"comprehensive-loss/loss-for-the-period/*\"",
                "\"right\": \"comprehensive-loss/loss-for-the-periods/*\"");
        Finding f = finding(e.check(), "tie/loss-soci/h1-2025");
        assertError(f, "tie.fact", "checks.json", e.lineOf("checks.json", "\"id\": \"loss-soci\""));
        assertTrue(f.hint().contains("did you mean \"loss-for-the-period\""), f.hint());
    }

    @Test
    void checkExitsWithOneAndWritesTheFindingAsJson() throws Exception {
        Content e = Content.bundled().replace(IS, "\"h1-2025\": -272285", "\"h1-2025\": -272286");
        Cli run = Cli.run("check", "--content", e.dir().toString(), "--format", "json");
        assertEquals(1, run.exitCode());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertFalse(root.get("ok").asBoolean());
        JsonNode foot = null;
        for (JsonNode f : root.get("findings")) if ("foot/income-statement/operating-loss/h1-2025".equals(f.path("key").asText())) foot = f;
        assertTrue(foot != null, root.toString());
        assertEquals("error", foot.get("severity").asText());
        assertEquals(IS, foot.get("file").asText());
        assertEquals(e.lineOf(IS, "\"id\": \"operating-loss\""), foot.get("line").asInt());
        assertEquals("(1,453,194)", foot.get("expected").asText());
        assertEquals("(1,453,193)", foot.get("actual").asText());
        JsonNode perf = root.get("checks").get("performed");
        boolean listed = false;
        for (JsonNode p : perf) listed |= p.get("key").asText().equals("foot/income-statement/operating-loss/h1-2025") && p.get("status").asText().equals("failed");
        assertTrue(listed);
    }

    /** The whole {@code "acknowledged": [...]} entry of checks.json, to remove it. */
    private static String acknowledgedBlock(Content e) {
        String s = e.read("checks.json");
        int start = s.indexOf("\"acknowledged\": [");
        int end = s.lastIndexOf(']');
        assertTrue(start >= 0 && end > start, "checks.json has an acknowledged list");
        return s.substring(start, end + 1);
    }
}
