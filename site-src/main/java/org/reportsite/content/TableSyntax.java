package org.reportsite.content;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.jetbrains.annotations.NotNull;

import java.util.Set;

/**
 * Flexmark's tables extension, with its paragraph pre-processor made once instead of once per page: the pre-processor
 * holds only the parser's options and a pattern it compiles from them, which took about a tenth of the time to parse a
 * short page. Everything else, the rendering included, is the extension's own.
 */
final class TableSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private final TablesExtension tables = TablesExtension.create();

    static TableSyntax create() { return new TableSyntax(); }

    @Override
    public void parserOptions(MutableDataHolder options) { tables.parserOptions(options); }

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Once(TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) { tables.rendererOptions(options); }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) { tables.extend(builder, rendererType); }

    /**
     * The extension's factory, whose first pre-processor serves every page: it reads only options a parser's pages share
     * (those of the parser), and keeps no state between paragraphs, so the pages of all threads can share it.
     */
    private static final class Once implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory factory;
        private volatile ParagraphPreProcessor made;

        Once(ParagraphPreProcessorFactory factory) { this.factory = factory; }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor p = made;
            if (p == null) made = p = factory.apply(state);
            return p;
        }

        @Override
        public Set<Class<?>> getAfterDependents() { return factory.getAfterDependents(); }

        @Override
        public Set<Class<?>> getBeforeDependents() { return factory.getBeforeDependents(); }

        @Override
        public boolean affectsGlobalScope() { return factory.affectsGlobalScope(); }
    }
}
