package org.reportsite.check;

import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.content.PageReader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.render.Amounts;
import org.reportsite.testkit.Content;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled report's prose as a new author would write it: every {{fact:...}} replaced by the figure it prints,
 * so the check must read each figure by its words alone. Correct prose must give no error.
 */
class UnboundProseTest {
    private static final Pattern FACT = Pattern.compile("\\{\\{fact:([^}|]+)((?:\\|[^}]*)?)\\}\\}");

    @Test
    void theBundledProseWithPlainFiguresHasNoFalseError() {
        Findings findings = new Findings();
        Report bound = ContentLoader.load(Content.BUNDLED, findings);
        assertNotNull(bound);
        List<Page> plain = new ArrayList<>();
        int replaced = 0;
        for (Page p : bound.pages()) {
            Matcher m = FACT.matcher(p.markdown());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                FactRef ref = FactRef.parse(m.group(1)).orElseThrow();
                var t = bound.tables().get(ref.table());
                var c = t.column(ref.column()).orElseThrow();
                BigDecimal v = ref.value(bound).orElseThrow();
                List<String> opts = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).substring(1).split("\\|"));
                Amounts.Scaled s = Amounts.scale(v, c.unit(), c.decimals(), opts);
                m.appendReplacement(sb, Matcher.quoteReplacement(Amounts.format(s.value(), s.decimals(), opts.contains("abs") || c.minusSign())));
                replaced++;
            }
            m.appendTail(sb);
            Findings f = new Findings();
            Page again = PageReader.read(p.id(), p.location().file(), "---\ntitle: " + "\"" + p.title().replace("\"", "'") + "\"\n"
                    + (p.note() == null ? "" : "note: \"" + p.note() + "\"\n") + "---\n" + sb, f);
            assertNotNull(again, f.list().toString());
            plain.add(again);
        }
        assertTrue(replaced > 50, "the bundled prose binds its figures");
        Report report = new Report(bound.meta(), bound.tables(), plain, bound.glossary(), bound.glossaryIntro(), bound.checks());
        CheckResult r = Checker.run(report, new Index(report));
        List<Finding> prose = r.findings().stream().filter(x -> x.code().startsWith("prose.")).toList();
        List<Finding> errors = prose.stream().filter(Finding::isError).toList();
        long passed = r.performed().stream().filter(p -> p.category().equals(ProseCheck.CATEGORY) && p.status() == CheckResult.Status.PASSED).count();
        System.out.println("bundled prose without facts: " + passed + " figures verified, " + errors.size() + " errors, "
                + (prose.size() - errors.size()) + " unbound");
        Claims claims = new Claims(report);
        for (Page p : plain) {
            for (Claims.Claim c : claims.of(p)) {
                if (c.verdict() != Claims.Verdict.PASS) System.out.println("  " + c.verdict() + " " + c.text() + ": " + c.detail() + "\n    in: " + c.sentence().text().strip());
            }
        }
        assertEquals(List.of(), errors.stream().map(Finding::format).toList());
    }
}
