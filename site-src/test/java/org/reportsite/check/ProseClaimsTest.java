package org.reportsite.check;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.content.ContentLoader;
import org.reportsite.content.PageReader;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of sentences about a second company's report (HK$, a half year to 30 September), correct and wrong in
 * the ways prose goes wrong: a value equal to another line item, a thousandfold scale, a wrong percentage, the
 * comparative period's value, a last digit off, a flipped direction, a wrong unit word around a fact. Each
 * sentence must get its verdict: a correct figure is never an error, a wrong one never passes.
 */
class ProseClaimsTest {
    record Case(String sentence, String figure, String verdict, String why) {
        @Override
        public String toString() { return verdict + ": " + figure + " (" + why + ")"; }
    }

    static Report report;
    static Claims claims;
    static final Map<String, Integer> tally = new ConcurrentHashMap<>();

    @BeforeAll
    static void load() {
        Findings findings = new Findings();
        report = ContentLoader.load(Content.HARBOURLINE, findings);
        assertNotNull(report, findings.list().toString());
        assertEquals(0, findings.errorCount(), findings.list().toString());
        claims = new Claims(report);
    }

    static List<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = ProseClaimsTest.class.getResourceAsStream("/check/prose-claims.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new Case(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
            }
        }
        assertTrue(out.size() >= 60, "the corpus keeps at least 60 sentences");
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachSentenceGetsItsVerdict(Case c) {
        Findings findings = new Findings();
        Page page = PageReader.read("corpus", "narrative/corpus.md", "---\ntitle: Corpus\n---\n" + c.sentence() + "\n", findings);
        assertNotNull(page, findings.list().toString());
        Claims.Claim found = null;
        for (Claims.Claim claim : claims.of(page)) if (claim.figure().text().equals(c.figure())) found = claim;
        String got = found == null ? "NONE" : found.verdict().name();
        boolean expectError = !c.verdict().equals("PASS") && !c.verdict().equals("NONE") && !c.verdict().equals("UNBOUND");
        boolean gotError = !got.equals("PASS") && !got.equals("NONE") && !got.equals("UNBOUND");
        tally.merge(expectError ? (gotError ? "wrong figures caught" : "wrong figures missed") : (gotError ? "false errors" : "correct verdicts"), 1, Integer::sum);
        assertEquals(c.verdict(), got, c.sentence() + "\n" + (found == null ? "no claim" : found.detail() + " [subject " + found.subject() + " from "
                + found.subjectFrom() + ", period " + found.period().describe() + "]"));
    }

    @AfterAll
    static void report() {
        System.out.println("prose corpus: " + tally);
    }
}
