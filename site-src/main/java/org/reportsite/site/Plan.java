package org.reportsite.site;

import org.reportsite.html.HtmlStage;
import org.reportsite.model.Report;
import org.reportsite.render.PageDeps;
import org.reportsite.render.Templates;

import java.util.Map;
import java.util.Objects;

/**
 * Which pages a build makes. A full build makes every page. An incremental build (the preview's, in place into
 * the site the last good build made) keeps a page as the last build made it when its source and everything in
 * its {@link PageDeps} are unchanged, and the inputs that concern every page ({@link SiteWide}) are too. This is
 * the only difference between the two: every stage runs the same way over the pages it is given.
 */
final class Plan {
    private final BuildState last;
    private final boolean siteWideSame;
    private final boolean navigationSame;
    private final Templates templates;
    private final Report report;
    private final HtmlStage html;

    private Plan(BuildState last, boolean siteWideSame, boolean navigationSame, Templates templates, Report report, HtmlStage html) {
        this.last = last;
        this.siteWideSame = siteWideSame;
        this.navigationSame = navigationSame;
        this.templates = templates;
        this.report = report;
        this.html = html;
    }

    static Plan full() { return new Plan(null, false, false, null, null, null); }

    /** The pages of {@code last} that this build (whose context is prepared) may keep. */
    static Plan since(BuildState last, BuildContext ctx) {
        return new Plan(last, ctx.siteWide.equals(last.siteWide), ctx.navigation.equals(last.navigation), ctx.templates, ctx.report, ctx.html);
    }

    boolean incremental() { return last != null; }

    /** Whether every table equals the last build's (compared once, for all the pages whose prose states amounts). */
    private volatile Boolean datasetSame;

    private boolean datasetSame() {
        Boolean same = datasetSame;
        if (same == null) datasetSame = same = report.tables().equals(last.tables);
        return same;
    }

    /** The page as the last build made it, when nothing it was made from changed; null when it must be made. */
    SitePage kept(String file, Object source) {
        if (last == null || !siteWideSame) return null;
        SitePage page = last.pages.get(file);
        if (page == null || !page.source().equals(source)) return null;
        PageDeps deps = page.deps();
        if (deps.usesNavigation() && !navigationSame) return null;
        for (String t : deps.templates()) if (!Objects.equals(last.templates.text(t), templates.text(t))) return null;
        if (deps.usesDataset() && !datasetSame()) return null;
        for (String t : deps.tables()) if (!Objects.equals(report.tables().get(t), last.tables.get(t))) return null;
        for (Map.Entry<PageDeps.Asked, Object> a : deps.answers().entrySet()) if (!a.getValue().equals(html.ask(a.getKey()))) return null;
        return page.kept();
    }
}
