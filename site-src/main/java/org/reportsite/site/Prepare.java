package org.reportsite.site;

import org.reportsite.html.HtmlStage;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Location;
import org.reportsite.render.Renderer;
import org.reportsite.render.Templates;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gets the build ready to make pages: reads the templates, sets up the markdown, render and html stages for
 * this report, decides which pages to make ({@link Plan}: all, or in the preview those whose inputs changed),
 * and takes the output ({@link Staging}: a fresh temporary folder, or the live site in place).
 */
final class Prepare implements Stage {
    @Override
    public String name() { return "prepare"; }

    @Override
    public String run(BuildContext ctx) {
        Templates templates = templates(ctx);
        if (templates == null) return null;
        BuildState last = ctx.last;
        ctx.templates = templates;
        String zip = ctx.options.zip() ? OfflineZip.sitePath(ctx.report.meta()) : null;
        ctx.markdown = new MarkdownStage(ctx.report.meta().trustedHtml());
        ctx.renderer = new Renderer(ctx.templates, ctx.report, ctx.index, zip);
        ctx.html = new HtmlStage(ctx.index);
        ctx.siteWide = new SiteWide(ctx.report.meta(), ctx.report.glossary(), ctx.report.checks(), ctx.templates.shared(), zip);
        ctx.navigation = ctx.renderer.navigationModel();
        // in place only into the site the last build made (a deleted or replaced folder gets a full build)
        Path out = ctx.options.out().toAbsolutePath().normalize();
        boolean incremental = last != null && last.built() && last.out.equals(out) && Files.exists(out.resolve(OutputDir.MARKER));
        ctx.plan = incremental ? Plan.since(last, ctx) : Plan.full();
        ctx.output = incremental ? Staging.inPlace(ctx.options.out(), last) : Staging.fresh(ctx.options.out());
        return null;
    }

    /**
     * The built-in templates, overridden file by file by the templates folder (read under its rule); null (and
     * located errors) when a folder that was named does not exist or a file of it cannot be read.
     */
    private static Templates templates(BuildContext ctx) {
        Path dir = ctx.options.templatesFolder();
        if (dir != null && !Files.isDirectory(dir)) {
            ctx.findings.error("templates.missing", Location.of(dir.toString()), "the templates folder given with --templates does not exist",
                    "Check the path, or leave --templates out: the built-in templates are used, and a templates/ folder beside the content "
                            + "folder overrides them file by file.");
            return null;
        }
        Templates t = Templates.read(dir, ctx.findings);
        if (t == null) return null;
        for (String missing : t.missing()) {
            ctx.findings.error("templates.missing", Location.of(t.shown(missing)), "the template " + missing + " is missing from report-site's jar",
                    "Rebuild report-site (mvn package); its templates/ folder should hold " + missing + ".");
        }
        return t.missing().isEmpty() ? t : null;
    }
}
