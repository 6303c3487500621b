package org.reportsite.site;

import org.reportsite.content.ContentLoader;
import org.reportsite.content.MarkdownSyntax;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Index;

/** The {@code content} stage: the content folder becomes the report (every problem a located finding) and its index. */
final class Load implements Stage {
    @Override
    public String name() { return "load"; }

    @Override
    public boolean runs(BuildContext ctx) { return true; }

    @Override
    public String run(BuildContext ctx) {
        // a build that makes pages renders the bodies whose trees are not kept while it has them (parsed once)
        MarkdownSyntax.Unkept unkept = ctx.options.write() ? MarkdownStage::renderUnkept : MarkdownSyntax.Unkept.NONE;
        ctx.report = ContentLoader.load(ctx.options.content(), ctx.findings, ctx.last == null ? null : ctx.last.parsed, unkept);
        if (ctx.report == null) return "no report";
        ctx.index = new Index(ctx.report);
        return ctx.report.tables().size() + " tables, " + ctx.report.pages().size() + " pages";
    }
}
