package org.reportsite.content;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

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
}
