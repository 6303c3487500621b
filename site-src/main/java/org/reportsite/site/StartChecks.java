package org.reportsite.site;

/**
 * The {@code check} stage, started on its own thread (see {@link CheckRun}). It runs whenever there is a report,
 * even one with content errors, so that every problem is reported at once. The {@code check} command, which
 * writes nothing, waits for it here; a build waits before it makes the generated pages.
 */
final class StartChecks implements Stage {
    @Override
    public String name() { return "check"; }

    @Override
    public boolean runs(BuildContext ctx) { return ctx.report != null; }

    @Override
    public String run(BuildContext ctx) {
        ctx.checks = CheckRun.start(ctx.report, ctx.index);
        if (!ctx.options.write() || ctx.failed()) ctx.checksPassed();
        return null;
    }
}
