package org.reportsite.content;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.reportsite.model.Passage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one reading of a page's Markdown: CommonMark with tables and our directives. The content stage reads
 * references and running text from this tree, and the markdown stage renders the same tree shape, so the two
 * can never disagree about what is code, raw HTML, a link or a directive.
 */
public final class MarkdownSyntax {
    /** Parser options; the markdown stage builds its renderer from these too. */
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TableSyntax.create(), DirectiveSyntax.create()))
            .set(TablesExtension.CLASS_NAME, "md-table")
            .toImmutable();

    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    private MarkdownSyntax() {}

    /** Parses a page body. Thread-safe. */
    public static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * The most characters of Markdown whose trees are kept between the content stage and the markdown stage (about four
     * bytes of tree per character: some 35 MB). A large site keeps the trees of its first pages; the rest are handed to
     * an {@link Unkept} while they are at hand ({@link Trees}).
     */
    static final long KEPT_BUDGET = 8_000_000;

    /** Trees parsed by the content stage for the markdown stage, by the very text they were parsed from. */
    private static final Map<SameText, Document> KEPT = new ConcurrentHashMap<>();
    private static final AtomicLong keptChars = new AtomicLong();

    /** A page body by identity: the page keeps the same String object from the content stage to the markdown stage. */
    public record SameText(String markdown) {
        @Override
        public boolean equals(Object o) { return o instanceof SameText t && t.markdown == markdown; }

        @Override
        public int hashCode() { return System.identityHashCode(markdown); }
    }

    /**
     * Told of each page body whose tree the content stage does not keep ({@link Trees#read}), while the tree is at hand
     * and once the content stage has read it: a build that makes pages renders the body then, so that a large site
     * parses each page once. {@code trustedHtml} is the report's setting. The tree must not be changed.
     */
    @FunctionalInterface
    public interface Unkept {
        Unkept NONE = (tree, markdown, file, bodyLine, trustedHtml) -> {};

        void tree(Document tree, String markdown, String file, int bodyLine, boolean trustedHtml);
    }

    /**
     * Where a page body's tree goes once the content stage has read it: {@code unkept} is told of the trees not kept,
     * {@code trustedHtml} is the report's setting, and {@code dataset} whether the report has tables.
     */
    record Trees(Unkept unkept, boolean trustedHtml, boolean dataset) {
        /** Trees kept within the budget, none handed on (a load that makes no pages, or a page read on its own). */
        static final Trees KEPT_ONLY = new Trees(Unkept.NONE, false, true);

        /**
         * Keeps the tree for the markdown stage while the budget allows when the render may have to mark figures of the
         * dataset in it (the report has a dataset, and the page running text with a digit or a fact: the only passages
         * kept); any other tree, whose body renders the same whatever the checks find, is handed to {@code unkept} now,
         * as is every tree beyond the budget.
         */
        void read(String markdown, Document doc, List<Passage> passages, String file, int bodyLine) {
            if (dataset && passages.stream().anyMatch(p -> p.kind() == Passage.Kind.PARAGRAPH || p.kind() == Passage.Kind.CELL)
                    && keep(markdown, doc)) return;
            unkept.tree(doc, markdown, file, bodyLine, trustedHtml);
        }
    }

    /**
     * Keeps the tree of a page body for one later {@link #take} of the same text (the same object) while the budget
     * allows; false when it does not. The tree must not be changed in between. Thread-safe.
     */
    static boolean keep(String markdown, Document doc) {
        if (keptChars.addAndGet(markdown.length()) <= KEPT_BUDGET) {
            KEPT.put(new SameText(markdown), doc);
            return true;
        }
        keptChars.addAndGet(-markdown.length());
        return false;
    }

    /** The tree of a page body: the one the content stage kept (handed over once), or parsed now. Thread-safe. */
    public static Document take(String markdown) {
        Document doc = KEPT.remove(new SameText(markdown));
        if (doc == null) return parse(markdown);
        keptChars.addAndGet(-markdown.length());
        return doc;
    }

    /** Drops every tree not taken (a build that ended without making some pages: failed, or only checked). */
    public static void forgetKept() {
        for (SameText t : KEPT.keySet()) if (KEPT.remove(t) != null) keptChars.addAndGet(-t.markdown().length());
    }
}
