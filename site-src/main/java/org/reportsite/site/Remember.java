package org.reportsite.site;

/** A preview session's build keeps what it made ({@link BuildState}) for the next one, which then redoes only what changed. */
final class Remember implements Stage {
    @Override
    public String name() { return "remember"; }

    @Override
    public boolean runs(BuildContext ctx) { return ctx.last != null && ctx.options.write() && !ctx.failed(); }

    @Override
    public String run(BuildContext ctx) {
        ctx.last.remember(ctx);
        return null;
    }
}
