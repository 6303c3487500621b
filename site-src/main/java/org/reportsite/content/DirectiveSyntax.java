package org.reportsite.content;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Our directives as a Flexmark extension, so that where a directive can be is whatever CommonMark says running
 * text is: a {@code {{...}}} in a code span, a fenced or indented code block, raw HTML or a link destination is
 * not a directive. Inline, {@code {{} starts a {@link Directive} that ends at the first {@code }}} on the same
 * line; a line holding nothing but a table or chart directive is a {@link Directive.Block}, which may interrupt
 * a paragraph (the table stands between two paragraphs, as the author laid it out).
 */
public final class DirectiveSyntax implements Parser.ParserExtension {
    private static final Pattern BLOCK_LINE = Pattern.compile("\\{\\{\\s*(?:table|chart)\\s*:[^{}\\n]*\\}\\}[ \\t]*");

    private DirectiveSyntax() {}

    public static DirectiveSyntax create() { return new DirectiveSyntax(); }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new BlockFactory());
        builder.customInlineParserExtensionFactory(new InlineFactory());
    }

    /**
     * Finds directives in the text of one block. Each search remembers where it found its answer, so a text full
     * of unclosed {@code {{} costs one pass, not one pass per brace.
     */
    private static final class Inline implements InlineParserExtension {
        private BasedSequence input;
        private int closeFrom = -1, close;
        private int lineFrom = -1, lineEnd;
        private int openFrom = -1, nextOpen;

        @Override
        public void finalizeDocument(@NotNull InlineParser inlineParser) {}

        @Override
        public void finalizeBlock(@NotNull InlineParser inlineParser) {}

        @Override
        public boolean parse(@NotNull LightInlineParser p) {
            if (p.peek(1) != '{') return false;
            BasedSequence in = p.getInput();
            if (in != input) {
                input = in;
                closeFrom = lineFrom = openFrom = -1;
            }
            int at = p.getIndex();
            int end = closeAfter(at + 2);
            boolean closed = end >= 0 && end < lineEndAfter(at) && end <= openAfter(at + 2);
            int stop = closed ? end + 2 : at + 2;
            p.flushTextNode();
            p.getBlock().appendChild(new Directive(in.subSequence(at, stop), closed));
            p.setIndex(stop);
            return true;
        }

        private int closeAfter(int from) {
            if (closeFrom < 0 || from < closeFrom || (close >= 0 && close < from)) {
                closeFrom = from;
                close = indexOf(input, "}}", from);
            }
            return close;
        }

        private int lineEndAfter(int from) {
            if (lineFrom < 0 || from < lineFrom || lineEnd < from) {
                lineFrom = from;
                int nl = input.indexOf('\n', from);
                lineEnd = nl < 0 ? input.length() : nl;
            }
            return lineEnd;
        }

        /** The next {@code {{} at or after {@code from}, or the end of the text. */
        private int openAfter(int from) {
            if (openFrom < 0 || from < openFrom || nextOpen < from) {
                openFrom = from;
                int o = indexOf(input, "{{", from);
                nextOpen = o < 0 ? input.length() : o;
            }
            return nextOpen;
        }

        private static int indexOf(BasedSequence s, String what, int from) {
            int n = s.length();
            for (int i = Math.max(0, from); i + 1 < n; i++) {
                if (s.charAt(i) == what.charAt(0) && s.charAt(i + 1) == what.charAt(1)) return i;
            }
            return -1;
        }
    }

    private static final class InlineFactory implements InlineParserExtensionFactory {
        @Override
        public @Nullable Set<Class<?>> getAfterDependents() { return null; }

        @Override
        public @NotNull CharSequence getCharacters() { return "{"; }

        @Override
        public @Nullable Set<Class<?>> getBeforeDependents() { return null; }

        @Override
        public @NotNull InlineParserExtension apply(@NotNull LightInlineParser inlineParser) { return new Inline(); }

        @Override
        public boolean affectsGlobalScope() { return false; }
    }

    private static final class BlockParser extends AbstractBlockParser {
        private final Directive.Block block;

        BlockParser(BasedSequence line) {
            block = new Directive.Block(line);
            block.appendChild(new Directive(line, true));
        }

        @Override
        public Directive.Block getBlock() { return block; }

        @Override
        public BlockContinue tryContinue(ParserState state) { return BlockContinue.none(); }

        @Override
        public void closeBlock(ParserState state) {}
    }

    private static final class BlockFactory implements CustomBlockParserFactory {
        @Override
        public @Nullable Set<Class<?>> getAfterDependents() { return null; }

        @Override
        public @Nullable Set<Class<?>> getBeforeDependents() { return null; }

        @Override
        public boolean affectsGlobalScope() { return false; }

        @Override
        public @NotNull BlockParserFactory apply(@NotNull DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) return BlockStart.none();
                    BasedSequence line = state.getLine();
                    int from = state.getNextNonSpaceIndex();
                    BasedSequence rest = line.subSequence(from).trimEOL();
                    if (rest.length() < 4 || rest.charAt(0) != '{' || !BLOCK_LINE.matcher(rest).matches()) return BlockStart.none();
                    BasedSequence directive = rest.trimEnd();
                    return BlockStart.of(new BlockParser(directive)).atIndex(state.getLineEndIndex());
                }
            };
        }
    }
}
