package org.reportsite.check;

import org.reportsite.model.Finding;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.model.Severity;
import org.reportsite.model.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures quoted in the narrative, checked as claims ({@link Claims}): an amount or percentage is compared with
 * what the dataset says of the line item and period its words name. A mismatch (or a wrong period, direction or
 * unit word) is an error at the figure's line and column; a figure whose subject cannot be resolved is "unbound":
 * a warning, or an error when checking strictly. Every {@code {{fact:...}}} is listed as cited, and every
 * {@code {{nofact:...}}} as seen and not checked.
 */
final class ProseCheck {
    static final String CATEGORY = "Figures in the text";
    static final String CITED = "Facts cited in the text";

    private final Report report;
    private final Outcomes out;
    private final boolean strict;

    private final ProseFacts facts;

    ProseCheck(Report report, Outcomes out, boolean strict) {
        this.report = report;
        this.out = out;
        this.strict = strict;
        this.facts = ProseFacts.of(report);
    }

    void run() {
        List<Page> pages = new ArrayList<>(report.pages());
        pages.sort(Comparator.comparing(Page::id));
        for (Page p : pages) page(p);
        for (Page p : pages) cited(p);
    }

    private void page(Page page) {
        Map<String, Integer> seen = new HashMap<>();
        String link = "page:" + page.id();
        for (Claims.Claim c : facts.claims(page)) {
            ProseFigures.Figure f = c.figure();
            if (f.kind() == ProseFigures.Kind.FACT && c.verdict() == Claims.Verdict.PASS) continue; // listed as cited below
            int n = seen.merge(f.text(), 1, Integer::sum);
            String key = "prose/" + page.id() + "/" + f.text() + (n > 1 ? "#" + n : "");
            Location at = new Location(page.location().file(), f.line(), f.column());
            String description = page.id() + ", line " + f.line() + ": “" + f.text() + "”";
            switch (c.verdict()) {
                case PASS -> out.passed(CATEGORY, key, description, c.detail(), link);
                case UNBOUND -> {
                    String message = "“" + f.text() + "” in " + page.id() + " is not bound to the dataset: " + c.detail();
                    String hint = "Name the line item in the sentence (as the dataset labels it), bind the figure with {{fact:TABLE/ROW/COLUMN}} "
                            + "(report-site bind does it for figures it can resolve), or mark it {{nofact:" + f.text() + "}} if it is not a dataset figure. "
                            + "report-site check --explain " + page.id() + " shows how each figure was read.";
                    if (strict) {
                        out.failed(CATEGORY, description, c.detail(), link, new Finding(Severity.ERROR, "prose.unbound", key, at, message, null, f.text(), hint));
                    } else {
                        out.exempt(CATEGORY, key, description, "not checked: " + c.detail(), link);
                        out.problem(new Finding(Severity.WARNING, "prose.unbound", key, at, message, null, f.text(), hint));
                    }
                }
                default -> {
                    String code = switch (c.verdict()) {
                        case PERIOD -> "prose.period";
                        case DIRECTION -> "prose.direction";
                        case UNIT -> "prose.unit";
                        default -> "prose.mismatch";
                    };
                    String hint = switch (c.verdict()) {
                        case UNIT -> "Write the currency and scale the fact is shown in, or give the fact the option that shows it so "
                                + "(|million, |thousand, |billion).";
                        case DIRECTION -> "Fix the wording (increase/decrease) or the figure.";
                        case PERIOD -> "Correct the figure or the period the sentence names.";
                        default -> "Correct the figure, or bind it with {{fact:...}} so that it cannot drift; if it is not this line item, name the "
                                + "right one in the sentence, or mark it {{nofact:" + f.text() + "}}.";
                    };
                    out.failed(CATEGORY, description, c.detail(), link, Outcomes.error(code, key, at,
                            "“" + f.text() + "” in " + page.id() + (c.verdict() == Claims.Verdict.UNIT ? ": " : " does not match the dataset: ") + c.detail(),
                            c.expected(), f.text(), hint));
                }
            }
        }
    }

    /** Every {{fact:...}} that resolves (the reference check reports those that do not), and every {{nofact:...}}. */
    private void cited(Page page) {
        Map<String, Integer> seen = new HashMap<>();
        String link = "page:" + page.id();
        for (Reference r : page.references()) {
            if (r.kind() == Reference.Kind.FACT) {
                int n = seen.merge("fact:" + r.target(), 1, Integer::sum);
                FactRef ref = FactRef.parse(r.target()).orElse(null);
                if (ref == null || ref.problem(report) != null || ref.value(report).isEmpty()) continue; // reported by the reference check
                Table t = report.tables().get(ref.table());
                Scale s = Scale.of(t, t.column(ref.column()).get(), report.checks());
                out.passed(CITED, "fact/" + page.id() + "/" + r.target() + (n > 1 ? "#" + n : ""),
                        page.id() + ", line " + r.location().line() + ": {{fact:" + r.target() + (r.options().isEmpty() ? "" : "|" + String.join("|", r.options())) + "}}",
                        "rendered from the dataset: " + Figures.withUnit(ref.value(report).get(), s), link);
            } else if (r.kind() == Reference.Kind.NOFACT) {
                int n = seen.merge("nofact:" + r.target(), 1, Integer::sum);
                out.exempt(CATEGORY, "nofact/" + page.id() + "/" + r.target() + (n > 1 ? "#" + n : ""),
                        page.id() + ", line " + r.location().line() + ": “" + r.target() + "”", "marked {{nofact:…}}: not a figure of the dataset", link);
            }
        }
    }

    /** How every figure of a page was read: for {@code check --explain}. */
    static List<Claims.Claim> explain(Report report, Page page) {
        return new Claims(report).of(page);
    }
}
