package org.reportsite.site;

/**
 * Makes the new site the live one: a full build swaps its temporary folder in place of the previous site, an
 * incremental one replaces the files that changed and removes those the site lost ({@link Staging#publish()}).
 */
final class Publish implements Stage {
    @Override
    public String name() { return "publish"; }

    /** "write" for an incremental build, which writes the changed files only. */
    @Override
    public String label(BuildContext ctx) { return ctx.incremental() ? "write" : "publish"; }

    @Override
    public String run(BuildContext ctx) { return ctx.output.publish() + "→ " + ctx.options.out(); }
}
