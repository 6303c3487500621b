package org.reportsite.site;

/** Puts right what a killed build left next to the output (see {@link OutputDir#recover}), even when this build then fails on its content. */
final class Recover implements Stage {
    @Override
    public String name() { return "recover"; }

    @Override
    public boolean runs(BuildContext ctx) { return ctx.options.write(); }

    @Override
    public String run(BuildContext ctx) {
        OutputDir.recover(ctx.options.out());
        return null;
    }
}
