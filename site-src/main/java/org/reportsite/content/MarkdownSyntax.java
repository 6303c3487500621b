package org.reportsite.content;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

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
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), DirectiveSyntax.create()))
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
     * bytes of tree per character: some 35 MB). A large site keeps the trees of its first pages and parses the rest
     * again; a small one parses each page once.
     */
    static final long KEPT_BUDGET = 8_000_000;

    /** Trees parsed by the content stage for the markdown stage, by the very text they were parsed from. */
    private static final Map<Text, Document> KEPT = new ConcurrentHashMap<>();
    private static final AtomicLong keptChars = new AtomicLong();

    /** A page body by identity: the page keeps the same String object from the content stage to the markdown stage. */
    private record Text(String markdown) {
        @Override
        public boolean equals(Object o) { return o instanceof Text t && t.markdown == markdown; }

        @Override
        public int hashCode() { return System.identityHashCode(markdown); }
    }

    /**
     * Parses a page body for the content stage, and keeps the tree for one later {@link #take} of the same text (the same
     * object) while the budget allows. The tree must not be changed in between. Thread-safe.
     */
    static Document parseToKeep(String markdown) {
        Document doc = parse(markdown);
        if (keptChars.addAndGet(markdown.length()) <= KEPT_BUDGET) KEPT.put(new Text(markdown), doc);
        else keptChars.addAndGet(-markdown.length());
        return doc;
    }

    /** The tree of a page body: the one the content stage kept (handed over once), or parsed now. Thread-safe. */
    public static Document take(String markdown) {
        Document doc = KEPT.remove(new Text(markdown));
        if (doc == null) return parse(markdown);
        keptChars.addAndGet(-markdown.length());
        return doc;
    }

    /** Drops every tree not taken (a build that ended without making some pages: failed, or only checked). */
    public static void forgetKept() {
        for (Text t : KEPT.keySet()) if (KEPT.remove(t) != null) keptChars.addAndGet(-t.markdown().length());
    }
}
