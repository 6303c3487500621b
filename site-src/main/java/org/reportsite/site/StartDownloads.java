package org.reportsite.site;

/**
 * Starts making a one-off build's downloads (workbooks, CSV and JSON of the dataset) on their own thread
 * ({@link Products.Making}); the assemble stage writes them. A preview session makes its downloads in the
 * assemble stage, keeping those whose source did not change.
 */
final class StartDownloads implements Stage {
    @Override
    public String name() { return "downloads"; }

    @Override
    public boolean runs(BuildContext ctx) { return Stage.super.runs(ctx) && ctx.last == null; }

    @Override
    public String run(BuildContext ctx) {
        ctx.downloads = Products.Making.start(ctx.report);
        return null;
    }
}
