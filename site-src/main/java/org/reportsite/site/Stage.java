package org.reportsite.site;

/**
 * One step of a build ({@link SiteBuild#STAGES}). A stage reads what earlier stages left in the
 * {@link BuildContext}, adds its own part, and returns the summary of its progress line (null: no line).
 */
interface Stage {
    /** The stage's name ({@code load}, {@code render}, ...). */
    String name();

    /** The name on the progress line, which may say how the stage ran this time. */
    default String label(BuildContext ctx) { return name(); }

    /** Whether the stage runs in this build; by default when the build writes a site and nothing has failed so far. */
    default boolean runs(BuildContext ctx) { return ctx.options.write() && !ctx.failed(); }

    String run(BuildContext ctx);
}
