package org.reportsite.check;

import org.reportsite.model.Page;
import org.reportsite.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
    /** By page object: an unchanged page is the same object from one load to the next (and its hash would walk all of it). */
    private final Map<Key, Read> byPage;
    /** After how many reads a page's claims are dropped ({@link #dropAfter}); 0: kept. */
    private volatile int readers;
    /** Told of each page whose claims all readers have read ({@link #dropAfter}). */
    private volatile Consumer<Page> allRead = p -> {};

    private final Report report;

    private record Key(Page page) {
        @Override
        public boolean equals(Object o) { return o instanceof Key k && k.page == page; }

        @Override
        public int hashCode() { return System.identityHashCode(page); }
    }

    private ProseFacts(Report report) {
        this(report, new Claims(report));
    }

    private ProseFacts(Report report, Claims claims) {
        this.report = report;
        this.claims = claims;
        // sized for every page at once (the preview's next report copies them all)
        this.byPage = new ConcurrentHashMap<>(2 * report.pages().size() + 16);
    }

    /**
     * For a report whose dataset, glossary, checks and settings equal those of {@code before}'s: the same resolver, and
     * the claims of every page that is the same object as one of {@code before}'s (what the preview's next load gives
     * for an unchanged file). A page's claims depend on nothing else ({@link Claims}).
     */
    private ProseFacts(Report report, ProseFacts before) {
        this(report, before.claims);
        for (Page p : report.pages()) {
            Key k = new Key(p);
            Read c = before.byPage.get(k);
            if (c != null) byPage.put(k, new Read(c.claims, c.quotes));
        }
    }

    /**
     * The instance for a report (made on first use; a build works on one report at a time). The next report of a preview
     * session keeps the claims of its unchanged pages when nothing else they are read against changed.
     */
    public static synchronized ProseFacts of(Report report) {
        if (last == null) last = new ProseFacts(report);
        else if (last.report != report) last = sameData(last.report, report) ? new ProseFacts(report, last) : new ProseFacts(report);
        return last;
    }

    private static boolean sameData(Report a, Report b) {
        return a.meta().equals(b.meta()) && a.tables().equals(b.tables()) && a.glossary().equals(b.glossary()) && a.checks().equals(b.checks())
                && a.damagedTables().equals(b.damagedTables());
    }

    /** A page's claims, and whether its prose states an amount. */
    private static final class Read {
        final List<Claims.Claim> claims;
        final boolean quotes;
        final AtomicInteger reads = new AtomicInteger();

        Read(List<Claims.Claim> claims, boolean quotes) {
            this.claims = claims;
            this.quotes = quotes;
        }
    }

    /**
     * A one-off build: every page's claims are read by a known number of users (the check, and the render when the build
     * writes a site), and each page's are dropped once all have read them, so that a large site does not keep every
     * page's claims to the end. A later read of a dropped page reads it again. A preview session never calls this: it
     * keeps the claims of unchanged pages for its next build.
     */
    public void dropAfter(int readers) { dropAfter(readers, p -> {}); }

    /** {@link #dropAfter(int)}, telling {@code allRead} of each page once all have read it (on the thread of the last reader). */
    public void dropAfter(int readers, Consumer<Page> allRead) {
        this.allRead = allRead;
        this.readers = readers;
    }

    private Read read(Page page) {
        Key key = new Key(page);
        Read r = byPage.computeIfAbsent(key, k -> {
            List<ProseFigures.Sentence> sentences = readers > 0 ? ProseFigures.once(page) : ProseFigures.of(page);
            boolean quotes = sentences.stream().anyMatch(s -> s.figures().stream().anyMatch(f -> f.kind() == ProseFigures.Kind.AMOUNT));
            return new Read(claims.of(page, sentences), quotes);
        });
        int n = readers;
        if (n > 0 && r.reads.incrementAndGet() == n) {
            byPage.remove(key, r);
            allRead.accept(page);
        }
        return r;
    }

    List<Claims.Claim> claims(Page page) { return read(page).claims; }

    Claims resolver() { return claims; }

    /**
     * Whether the page's prose states any amount: which of them resolve to a fact, and to which, depends on every table
     * of the dataset (a page without one has nothing the dataset could turn into a figure).
     */
    public boolean quotesAmounts(Page page) { return read(page).quotes; }

    /** The amounts of a page that agree with one line item: each with the fact it states (the best of the cells it equals). */
    public List<Mark> marks(Page page) { return marks(read(page).claims); }

    /** What the render of a page needs (one read): whether its prose states amounts, and its {@link #marks}. */
    public OnPage onPage(Page page) {
        Read r = read(page);
        return new OnPage(r.quotes, marks(r.claims));
    }

    /** Whether a page's prose states an amount ({@link #quotesAmounts}), and the amounts that are figures of the dataset. */
    public record OnPage(boolean quotesAmounts, List<Mark> marks) {}

    private static List<Mark> marks(List<Claims.Claim> claims) {
        List<Mark> out = new ArrayList<>();
        for (Claims.Claim c : claims) {
            if (c.figure().kind() != ProseFigures.Kind.AMOUNT || c.verdict() != Claims.Verdict.PASS || c.matched().isEmpty() || !c.strong()) continue;
            out.add(new Mark(c.figure().sourceStart(), c.figure().sourceEnd(), c.text(), c.matched().get(0).ref()));
        }
        return out;
    }
}
