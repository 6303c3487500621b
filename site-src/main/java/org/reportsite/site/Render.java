package org.reportsite.site;

import org.reportsite.check.ProseFacts;
import org.reportsite.html.PageResult;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Reserved;
import org.reportsite.render.GeneratedPages;
import org.reportsite.render.PageDeps;
import org.reportsite.render.PageView;
import org.reportsite.render.Templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Makes every page the {@link Plan} visits and sends it to the output as soon as it is made: the narrative
 * pages in parallel (markdown → render → html), then, once the checks have passed, the generated pages
 * (their template → render → html), in parallel too. A page the plan keeps stays as the last build made it.
 */
final class Render implements Stage {
    @Override
    public String name() { return "render"; }

    @Override
    public String run(BuildContext ctx) {
        List<Page> ordered = ctx.index.orderedPages();
        List<SitePage> narrative;
        if (ctx.last != null) narrative = ordered.parallelStream().map(p -> narrative(ctx, p)).toList();
        else {
            ctx.searchWriter = new SearchIndex.Writer(ctx.output::write);
            narrative = inSiteOrder(ctx, ordered);
        }
        if (!ctx.checksPassed()) return null;
        ctx.pages.addAll(narrative);
        for (SitePage p : narrative) ctx.findings.addAll(p.warnings());
        // the generated pages, made on every core too, are taken in their order
        List<Supplier<SitePage>> generated = new ArrayList<>();
        for (Reserved.Generated g : Reserved.Generated.values()) if (g.built(ctx.report.meta())) generated.add(() -> generated(ctx, g));
        if (Reserved.Generated.DATA_CHECKS.built(ctx.report.meta())) {
            for (GeneratedPages.CheckPage c : GeneratedPages.checkPages(ctx.report, ctx.checkResult())) generated.add(() -> checkPage(ctx, c));
        }
        for (SitePage p : generated.parallelStream().map(Supplier::get).toList()) ctx.pages.add(indexed(ctx, p));
        long made = ctx.pages.stream().filter(SitePage::made).count();
        return (ctx.incremental() ? made + " of " : "") + ctx.pages.size() + " pages";
    }

    /**
     * The narrative pages of a one-off build, made on every core, each page's part handed to the search index in site
     * order as soon as the pages before it are made: each thread takes the next page no thread has taken, so a part
     * waits only for the few pages made beside it, none is kept, and no thread waits for another.
     */
    private static List<SitePage> inSiteOrder(BuildContext ctx, List<Page> ordered) {
        int n = ordered.size();
        SitePage[] made = new SitePage[n];
        AtomicInteger next = new AtomicInteger();
        int[] indexed = {0};
        IntStream.range(0, ForkJoinPool.getCommonPoolParallelism() + 1).parallel().forEach(thread -> {
            try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    SitePage page = narrative(ctx, ordered.get(i));
                    synchronized (made) {
                        made[i] = page;
                        for (int k = indexed[0]; k < n && made[k] != null; k = ++indexed[0]) made[k] = indexed(ctx, made[k]);
                    }
                }
            } catch (RuntimeException | Error e) {
                next.set(n); // the other threads stop too
                throw e;
            }
        });
        return Arrays.asList(made);
    }

    /** A page whose part a one-off build's search index takes now (in site order); a preview's page keeps it. */
    private static SitePage indexed(BuildContext ctx, SitePage p) {
        if (ctx.searchWriter == null) return p;
        ctx.searchWriter.add(p.search());
        return p.withoutSearch();
    }

    private static SitePage narrative(BuildContext ctx, Page p) {
        String file = p.outputPath();
        SitePage kept = ctx.plan.kept(file, p);
        if (kept != null) return keep(ctx, kept);
        PageDeps deps = new PageDeps();
        // the prose's amounts that the check resolved to a fact become figures like a {{fact}}; which do depends on every table
        ProseFacts.OnPage prose = ProseFacts.of(ctx.report).onPage(p);
        if (prose.quotesAmounts()) deps.dataset();
        List<MarkdownStage.Figure> figures = prose.marks().stream().map(m -> new MarkdownStage.Figure(m.start(), m.end(), m.fact())).toList();
        MarkdownStage.Result md = ctx.markdown.render(p, figures);
        String body = ctx.renderer.fillPlaceholders(md.html(), deps);
        String heading = p.isNote() ? p.note() + " " + p.title() : p.title();
        PageView v = new PageView(p.id(), file, p.title(), heading, p.isNote() ? NoteKey.anchor(p.note()) : "top",
                p.summary() != null ? p.summary() : p.title() + " — " + ctx.report.meta().title(), p.toc(), body);
        PageResult r = ctx.html.process(ctx.renderer.page(v, deps), file, p, p.location().file(), deps);
        SitePage made = made(ctx, file, p, deps, r, r.html(), md.warnings());
        if (ctx.texts != null) ctx.texts.made(p);
        return made;
    }

    private static SitePage generated(BuildContext ctx, Reserved.Generated g) {
        Object view = GeneratedPages.view(g, ctx.report, ctx.index, ctx.checkResult());
        return fromTemplate(ctx, g.id(), g.file(), g.title(), g.template(), view, !g.servedForAnyPath(), g.servedForAnyPath());
    }

    /** The page of one category's passed checks, below the Data checks page. */
    private static SitePage checkPage(BuildContext ctx, GeneratedPages.CheckPage c) {
        return fromTemplate(ctx, c.id(), c.file(), c.title(), Templates.CHECK_PAGE, c, false, false);
    }

    /**
     * A page the generator writes from its template and view model (with a table of contents when {@code toc}), kept
     * while the view is equal to the last build's. The page served for any missing path has, with a base URL, absolute links.
     */
    private static SitePage fromTemplate(BuildContext ctx, String id, String file, String title, String template, Object view,
                                         boolean toc, boolean servedForAnyPath) {
        SitePage kept = ctx.plan.kept(file, view);
        if (kept != null) return keep(ctx, kept);
        PageDeps deps = new PageDeps();
        String body = ctx.renderer.generated(template, view, deps);
        PageView v = new PageView(id, file, title, title, "top", title + " — " + ctx.report.meta().title(), toc, body);
        PageResult r = ctx.html.process(ctx.renderer.page(v, deps), file, null, "(generated " + file + ")", deps);
        if (view instanceof GeneratedPages.Contents c) r = withEntry(r, contentsEntry(title, file, c));
        // links are checked as relative (r.links()); the file served for any missing path gets absolute ones
        String baseUrl = ctx.report.meta().baseUrl();
        String html = servedForAnyPath && baseUrl != null ? Hosting.absoluteLinks(r.html(), baseUrl) : r.html();
        return made(ctx, file, view, deps, r, html, List.of());
    }

    /** The contents page is found by searching for it, or for the name of a section. */
    private static PageResult.SearchEntry contentsEntry(String title, String file, GeneratedPages.Contents c) {
        StringBuilder text = new StringBuilder("Every page of the report, section by section:");
        for (GeneratedPages.ContentsSection s : c.sections()) text.append(' ').append(s.title()).append('.');
        return new PageResult.SearchEntry(title, file + "#top", title, text.toString());
    }

    private static PageResult withEntry(PageResult r, PageResult.SearchEntry e) {
        return new PageResult(r.file(), r.sourceFile(), r.html(), r.ids(), r.links(), List.of(e));
    }

    private static SitePage keep(BuildContext ctx, SitePage kept) {
        ctx.output.keep(kept.file());
        return kept;
    }

    /** A page just made: its HTML goes to the output now and is not kept. */
    private static SitePage made(BuildContext ctx, String file, Object source, PageDeps deps, PageResult r, String html, List<Finding> warnings) {
        ctx.output.write(file, Products.utf8(html));
        PageResult slim = new PageResult(r.file(), r.sourceFile(), null, r.ids(), r.links(), List.of());
        // what the page used matters only to a preview session's next build
        return new SitePage(file, source, ctx.last == null ? null : deps, slim, SearchIndex.part(r.search()), warnings, true);
    }
}
