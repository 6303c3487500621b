package org.reportsite.check;

import org.reportsite.model.Page;
import org.reportsite.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain figures of a page's prose that the check resolved to a fact of the dataset, with where they are in the
 * page body: what a renderer needs to make them figures like any other (a permalink, an inspector). One instance per
 * report, shared by whoever asks (the checks and the render stage resolve each page once between them). Thread-safe.
 */
public final class ProseFacts {
    /** A figure of the prose ({@code start}..{@code end}: offsets in the page body) and the fact it states ({@code table/row/column}). */
    public record Mark(int start, int end, String text, String fact) {}

    /** The last report asked about, by identity (a report's own hash would walk every page). */
    private static ProseFacts last;

    private final Claims claims;
    private final Map<Page, List<Claims.Claim>> byPage = new ConcurrentHashMap<>();
    /** Per page whose claims were read: whether its prose states an amount (set before its claims are published). */
    private final Map<Page, Boolean> quotes = new ConcurrentHashMap<>();

    private final Report report;

    private ProseFacts(Report report) {
        this.report = report;
        this.claims = new Claims(report);
    }

    /** The instance for a report (made on first use; a build works on one report at a time). */
    public static synchronized ProseFacts of(Report report) {
        if (last == null || last.report != report) last = new ProseFacts(report);
        return last;
    }

    List<Claims.Claim> claims(Page page) {
        return byPage.computeIfAbsent(page, p -> {
            List<ProseFigures.Sentence> sentences = ProseFigures.of(p);
            quotes.put(p, sentences.stream().anyMatch(s -> s.figures().stream().anyMatch(f -> f.kind() == ProseFigures.Kind.AMOUNT)));
            return claims.of(p, sentences);
        });
    }

    Claims resolver() { return claims; }

    /**
     * Whether the page's prose states any amount: which of them resolve to a fact, and to which, depends on every table
     * of the dataset (a page without one has nothing the dataset could turn into a figure).
     */
    public boolean quotesAmounts(Page page) {
        claims(page);
        return quotes.get(page);
    }

    /** The amounts of a page that agree with one line item: each with the fact it states (the best of the cells it equals). */
    public List<Mark> marks(Page page) {
        List<Mark> out = new ArrayList<>();
        for (Claims.Claim c : claims(page)) {
            if (c.figure().kind() != ProseFigures.Kind.AMOUNT || c.verdict() != Claims.Verdict.PASS || c.matched().isEmpty() || !c.strong()) continue;
            out.add(new Mark(c.figure().sourceStart(), c.figure().sourceEnd(), c.text(), c.matched().get(0).ref()));
        }
        return out;
    }
}
