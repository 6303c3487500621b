package org.reportsite.site;

import org.reportsite.check.Checker;
import org.reportsite.check.ProseFacts;
import org.reportsite.model.Finding;

/**
 * The {@code check} stage, started on its own thread (see {@link CheckRun}). It runs whenever there is a report,
 * even one with content errors, so that every problem is reported at once. The {@code check} command, which
 * writes nothing, waits for it here; a build waits before it makes the generated pages. Nothing is rendered
 * from a reference the check refuses (an option such as {@code decimals=20000000}): the reference check alone
 * is quick, and when it finds an error the build waits for all the checks here and stops with their findings.
 */
final class StartChecks implements Stage {
    @Override
    public String name() { return "check"; }

    @Override
    public boolean runs(BuildContext ctx) { return ctx.report != null; }

    @Override
    public String run(BuildContext ctx) {
        // a one-off build needs a page's claims only until the check and (when it writes a site) the render have read them,
        // and the page's text only until then and the page is made
        if (ctx.last == null && ctx.options.write()) {
            ctx.texts = new PageTexts();
            ProseFacts.of(ctx.report).dropAfter(2, ctx.texts::read);
        } else if (ctx.last == null) {
            ProseFacts.of(ctx.report).dropAfter(1);
        }
        ctx.checks = CheckRun.start(ctx.report, ctx.index, ctx.options.strict());
        if (!ctx.options.write() || ctx.failed() || refusesReferences(ctx)) ctx.checksPassed();
        return null;
    }

    private static boolean refusesReferences(BuildContext ctx) {
        return Checker.references(ctx.report, ctx.index).stream().anyMatch(Finding::isError);
    }
}
