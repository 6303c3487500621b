package org.reportsite.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.parser.Parser;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Passage;
import org.reportsite.model.Reference;
import org.reportsite.model.SourceLines;
import org.reportsite.model.Spelling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a page body's Markdown tree ({@link MarkdownSyntax}): every directive and scheme link as a
 * {@link Reference} with its file:line:column, every problem with a directive as a finding, and the running text
 * as {@link Passage}s for the checks of figures in the prose.
 */
final class PageText {
    static final List<String> KINDS = List.of("table", "fact", "chart", "nofact");

    record Result(List<Reference> references, List<Passage> passages) {}

    private final String file;
    private final int bodyLine;
    private final SourceLines lines;
    private final Findings findings;
    private final Document doc;
    private final List<Reference> references = new ArrayList<>();
    private final List<Passage> passages = new ArrayList<>();

    private PageText(String body, String file, int bodyLine, Findings findings) {
        this.file = file;
        this.bodyLine = bodyLine;
        this.lines = new SourceLines(body);
        this.findings = findings;
        this.doc = MarkdownSyntax.parse(body);
    }

    /** Reads the body's tree, then hands it on for the markdown stage, which renders this tree instead of parsing the body again. */
    static Result read(String body, String file, int bodyLine, Findings findings, MarkdownSyntax.Trees trees) {
        PageText t = new PageText(body, file, bodyLine, findings);
        t.visit(t.doc);
        List<Passage> passages = List.copyOf(t.passages);
        trees.read(body, t.doc, passages, file, bodyLine);
        return new Result(List.copyOf(t.references), passages);
    }

    private Location at(int offset) {
        return new Location(file, bodyLine + lines.line(offset), lines.column(offset));
    }

    private void visit(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Directive d) directive(d);
            else if (c instanceof LinkNodeBase || c instanceof LinkRef || c instanceof ImageRef) link(c);
            else if (c instanceof HtmlInlineBase || c instanceof HtmlBlockBase) rawHtml(c);
            if (c instanceof Paragraph) passage(c, Passage.Kind.PARAGRAPH, 0);
            else if (c instanceof Heading h) passage(c, Passage.Kind.HEADING, h.getLevel());
            else if (c instanceof TableCell cell) passage(c, cell.isHeader() ? Passage.Kind.HEADER_CELL : Passage.Kind.CELL, 0);
            visit(c);
        }
    }

    // ---- references ----

    private void directive(Directive d) {
        Location where = at(d.getStartOffset());
        switch (d.problem()) {
            case UNCLOSED -> {
                findings.error("directive.syntax", where, "a directive is opened with '{{' but not closed on the same line",
                        "Close it with '}}' on the same line; to show the braces as text, put them in `code`.");
                return;
            }
            case SYNTAX -> {
                findings.error("directive.syntax", where, "cannot read the directive " + d.written(),
                        "Write {{table:ID}}, {{fact:TABLE/ROW/COLUMN}}, {{chart:ID}} or {{nofact:TEXT}}.");
                return;
            }
            case NONE -> { }
        }
        Reference.Kind kind = switch (d.kind()) {
            case "table" -> Reference.Kind.TABLE;
            case "fact" -> Reference.Kind.FACT;
            case "chart" -> Reference.Kind.CHART;
            case "nofact" -> Reference.Kind.NOFACT;
            default -> null;
        };
        if (kind == null) {
            findings.error("directive.unknown", where, "unknown directive \"" + d.kind() + "\" in " + d.written(),
                    "Known directives: " + String.join(", ", KINDS) + Spelling.suggestion(d.kind().toLowerCase(Locale.ROOT), KINDS) + ".");
            return;
        }
        if (d.target().isEmpty()) {
            findings.error("directive.syntax", where, "the directive " + d.written() + " names no target",
                    "Write the target after the colon, e.g. {{table:income-statement}}.");
            return;
        }
        references.add(new Reference(kind, d.target(), d.options(), where));
    }

    private void link(Node n) {
        BasedSequence url;
        Location where;
        if (n instanceof LinkNodeBase l) {
            url = l.getUrl();
            where = at(n.getStartOffset());
        } else {
            // a reference-style link: its destination is written on the definition's line
            var ref = ((com.vladsch.flexmark.ast.RefNode) n).getReferenceNode(doc);
            if (ref == null) return;
            url = ref.getUrl();
            where = at(ref.getStartOffset());
        }
        String u = url.toString().strip();
        int colon = u.indexOf(':');
        Reference.Kind kind = colon < 0 || n instanceof Image || n instanceof ImageRef ? null : switch (u.substring(0, colon)) {
            case "note" -> Reference.Kind.NOTE_LINK;
            case "table" -> Reference.Kind.TABLE_LINK;
            case "page" -> Reference.Kind.PAGE_LINK;
            case "term" -> Reference.Kind.TERM_LINK;
            default -> null;
        };
        if (kind == null) references.add(new Reference(Reference.Kind.LINK, u, List.of(), where));
        else references.add(new Reference(kind, u.substring(colon + 1), List.of(), where));
    }

    /**
     * Raw HTML is published as written (after sanitising): a directive inside it is not expanded, so it would
     * reach the page as braces. Comments are left alone (a way to keep text out of the page).
     */
    private void rawHtml(Node n) {
        if (n instanceof HtmlInlineComment || n instanceof HtmlCommentBlock || n instanceof HtmlInnerBlockComment) return;
        BasedSequence s = n.getChars();
        int open = s.indexOf("{{");
        int close = open < 0 ? -1 : s.indexOf("}}", open);
        if (close < 0) return;
        String written = s.subSequence(open, Math.min(close + 2, open + 80)).toString();
        boolean tag = n instanceof HtmlInlineBase;
        findings.error("directive.in-html", at(n.getStartOffset() + open), "the directive " + written + " stands inside an HTML "
                        + (tag ? "tag" : "block, where Markdown is not read"),
                tag ? "Move it out of the tag: a directive produces HTML of its own and cannot be an attribute value."
                        : "Leave a blank line between the HTML and the Markdown text that holds the directive.");
    }

    // ---- running text ----

    private void passage(Node block, Passage.Kind kind, int level) {
        Text t = new Text();
        t.inline(block);
        boolean figures = t.facts.size() > 0 || t.hasDigit;
        if (kind != Passage.Kind.HEADING && !figures) return;
        passages.add(new Passage(kind, level, t.text.toString(), t.runs(), List.copyOf(t.facts)));
    }

    /** The text of one block, with the body offset of every piece. */
    private final class Text {
        final StringBuilder text = new StringBuilder();
        final List<Reference> facts = new ArrayList<>();
        int[] runs = new int[24];
        int nRuns;
        boolean hasDigit;

        int[] runs() { return Arrays.copyOf(runs, nRuns * 3); }

        void append(char c, int source) {
            if (c >= '0' && c <= '9') hasDigit = true;
            int at = text.length();
            text.append(c);
            if (nRuns > 0) {
                int r = (nRuns - 1) * 3;
                if (runs[r] + runs[r + 2] == at && runs[r + 1] + runs[r + 2] == source) { runs[r + 2]++; return; }
            }
            if (nRuns * 3 == runs.length) runs = Arrays.copyOf(runs, runs.length * 2);
            runs[nRuns * 3] = at;
            runs[nRuns * 3 + 1] = source;
            runs[nRuns * 3 + 2] = 1;
            nRuns++;
        }

        void inline(Node n) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof com.vladsch.flexmark.ast.Text) chars(c.getChars());
                else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) append(' ', c.getStartOffset());
                else if (c instanceof HtmlEntity e) {
                    String s = Parser.unescapeEntities(e.getChars().toString(), false);
                    for (int i = 0; i < s.length(); i++) append(s.charAt(i) == '\u00a0' ? ' ' : s.charAt(i), e.getStartOffset());
                } else if (c instanceof Directive d) {
                    if ("fact".equals(d.kind()) && d.problem() == Directive.Problem.NONE && !d.target().isEmpty()) {
                        facts.add(new Reference(Reference.Kind.FACT, d.target(), d.options(), at(d.getStartOffset())));
                        append(Passage.FACT, d.getStartOffset());
                    } else {
                        append("nofact".equals(d.kind()) ? Passage.NOFACT : Passage.OBJECT, d.getStartOffset());
                    }
                } else if (c instanceof HtmlInline h) {
                    // tags are not words; a line break tag separates words
                    if (h.getChars().toString().toLowerCase(Locale.ROOT).startsWith("<br")) append(' ', h.getStartOffset());
                } else if (c instanceof HtmlInlineComment) {
                    // nothing a reader sees
                } else if (c instanceof Code || c instanceof Image || c instanceof ImageRef) {
                    append(Passage.OBJECT, c.getStartOffset());
                } else {
                    inline(c);
                }
            }
        }

        /** Text as written, without the backslash of an escaped punctuation character. */
        void chars(BasedSequence s) {
            int n = s.length(), start = s.getStartOffset();
            if (s instanceof com.vladsch.flexmark.util.sequence.SubSequence && s.getEndOffset() - start == n && s.indexOf('\\') < 0 && s.indexOf('\u00a0') < 0) {
                // one run of the source as written (a Text node usually is): appended at once, its offsets follow
                if (n == 0) return;
                String str = s.toString();
                for (int i = 0; i < n; i++) {
                    char ch = str.charAt(i);
                    if (ch >= '0' && ch <= '9') { hasDigit = true; break; }
                }
                int at = text.length();
                text.append(str);
                if (nRuns > 0) {
                    int r = (nRuns - 1) * 3;
                    if (runs[r] + runs[r + 2] == at && runs[r + 1] + runs[r + 2] == start) { runs[r + 2] += n; return; }
                }
                if (nRuns * 3 == runs.length) runs = Arrays.copyOf(runs, runs.length * 2);
                runs[nRuns * 3] = at;
                runs[nRuns * 3 + 1] = start;
                runs[nRuns * 3 + 2] = n;
                nRuns++;
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) continue;
                append(ch == '\u00a0' ? ' ' : ch, s.getIndexOffset(i));
            }
        }
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
