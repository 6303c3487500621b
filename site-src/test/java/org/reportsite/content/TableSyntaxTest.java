package org.reportsite.content;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tables parsed with the pre-processor made once ({@link TableSyntax}) give the tree and the HTML of Flexmark's own
 * tables extension, page after page and on many threads at once.
 */
class TableSyntaxTest {
    private static final DataHolder STOCK_OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), DirectiveSyntax.create()))
            .set(TablesExtension.CLASS_NAME, "md-table")
            .toImmutable();
    private static final Parser STOCK = Parser.builder(STOCK_OPTIONS).build();
    private static final HtmlRenderer STOCK_HTML = HtmlRenderer.builder(STOCK_OPTIONS).build();
    private static final HtmlRenderer OURS_HTML = HtmlRenderer.builder(MarkdownSyntax.OPTIONS).build();

    @Property(tries = 300)
    void aPageOfTablesReadsAsWithTheStockExtension(@ForAll("pages") String markdown) {
        assertEquals(ast(STOCK, markdown), tree(MarkdownSyntax.parse(markdown)), markdown);
        assertEquals(STOCK_HTML.render(STOCK.parse(markdown)), OURS_HTML.render(MarkdownSyntax.parse(markdown)), markdown);
    }

    @Property(tries = 20)
    void pagesParsedOnManyThreadsAtOnceReadAsOneByOne(@ForAll("pageLists") List<String> pages) {
        List<String> expected = pages.stream().map(p -> ast(STOCK, p)).toList();
        List<String> parallel = IntStream.range(0, pages.size()).parallel()
                .mapToObj(i -> tree(MarkdownSyntax.parse(pages.get(i)))).toList();
        assertEquals(expected, parallel);
    }

    private static String ast(Parser parser, String markdown) {
        return tree(parser.parse(markdown));
    }

    /** Every node: its depth, kind and the characters it spans. */
    private static String tree(Node doc) {
        StringBuilder b = new StringBuilder();
        for (Node n : doc.getDescendants()) {
            int depth = 0;
            for (Node p = n.getParent(); p != null; p = p.getParent()) depth++;
            b.append(depth).append(' ').append(n.getClass().getSimpleName()).append(' ').append(n.getStartOffset()).append('-')
                    .append(n.getEndOffset()).append('\n');
        }
        return b.toString();
    }

    @Provide
    Arbitrary<List<String>> pageLists() {
        return pages().list().ofMinSize(20).ofMaxSize(80);
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> cell = Arbitraries.of("Revenue", "1,234", "(56)", "-", "`a | b`", "a \\| b", "**Total**", "", " 2025 ", "{{fact: t/r/c}}", "note 4");
        Arbitrary<String> separator = Arbitraries.of("---", ":---", "---:", ":---:", "-", "--", " --- ");
        Arbitrary<String> table = Combinators.combine(
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 6), Arbitraries.of(true, false),
                cell.list().ofSize(40), separator.list().ofSize(5)).as((cols, rows, outer, cells, seps) -> {
            StringBuilder t = new StringBuilder();
            int k = 0;
            for (int r = -1; r <= rows; r++) {
                StringBuilder line = new StringBuilder(outer ? "|" : "");
                for (int c = 0; c < cols; c++) {
                    if (c > 0) line.append('|');
                    line.append(r == 0 ? seps.get(c) : cells.get(k++ % cells.size()));
                }
                if (outer) line.append('|');
                t.append(line).append('\n');
                if (r == -1 && rows == 0 && k % 2 == 0) break; // now and then a header without a separator: a paragraph
            }
            return t.toString();
        });
        Arbitrary<String> prose = Arbitraries.of("Revenue rose 12% to RMB2.4 billion.", "# Heading", "- a list item | with a pipe",
                "> a quote | b", "    indented | code", "[a link](page.html)", "A | B\n", "");
        return Arbitraries.oneOf(table, prose).list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("\n", parts));
    }
}
