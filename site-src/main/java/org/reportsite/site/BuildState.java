package org.reportsite.site;

import org.reportsite.content.ParsedFiles;
import org.reportsite.model.Table;
import org.reportsite.render.Templates;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the last good build of a preview session made, so the next build can redo only what a change
 * touches (see {@link SiteBuild#run(SiteBuild.Options, BuildState)} and {@link Plan}). Not thread-safe: one
 * build at a time. A failed build leaves it as it was, so the next build compares against the last good site.
 */
public final class BuildState {
    /** Parsed content files, reused while unchanged (kept across failed builds too: it only saves parsing). */
    final ParsedFiles parsed = new ParsedFiles();
    /** The output folder the last good build made (absolute), or null before the first. */
    Path out;
    /** The templates and their engine. */
    Templates templates;
    SiteWide siteWide;
    Object navigation;
    Map<String, Table> tables = Map.of();
    /** Every page of the last good site by file (its HTML is on disk only). */
    Map<String, SitePage> pages = Map.of();
    /** Every file made from the model that is not a page, with what it was made from and its bytes. */
    Map<String, Products.Made> products = Map.of();
    /** Every file of the site except the pages, with its bytes (downloads, search index, static files, ...). */
    Map<String, byte[]> files = Map.of();
    /** What the last search index was made of ({@link SearchIndex#build}). */
    SearchIndex.Memo search;
    /** Every file of the site. */
    Set<String> siteFiles = Set.of();

    private List<String> rendered = List.of();
    private List<String> written = List.of();
    private List<String> deleted = List.of();

    /**
     * Every change below the content folder is reported from now on ({@link #changed}): a build may then take over the
     * last walk of the pages' folder with the changed files instead of walking it again (a directory of thousands of
     * pages takes longer to walk than one page to rebuild).
     */
    public void watching() { parsed.watching(); }

    /** Paths a watcher saw change since it started; called from the watcher's thread, also during a build. */
    public void changed(Collection<Path> paths) { parsed.changed(paths); }

    /** Whether a build succeeded with this state (the next one is incremental). */
    public boolean built() { return out != null; }

    /** Pages rendered by the last successful build (all of them for a full build). */
    public List<String> rendered() { return rendered; }

    /** Files the last successful build wrote (site-relative). */
    public List<String> written() { return written; }

    /** Files the last successful build removed because the site no longer has them. */
    public List<String> deleted() { return deleted; }

    /** Keeps what a successful build (published) made for the next one. */
    void remember(BuildContext ctx) {
        out = ctx.options.out().toAbsolutePath().normalize();
        templates = ctx.templates;
        siteWide = ctx.siteWide;
        navigation = ctx.navigation;
        tables = Map.copyOf(ctx.report.tables());
        Map<String, SitePage> byFile = new HashMap<>();
        for (SitePage p : ctx.pages) byFile.put(p.file(), p);
        pages = byFile;
        products = Map.copyOf(ctx.products);
        search = ctx.search;
        Map<String, byte[]> bytes = new HashMap<>();
        for (var e : ctx.products.entrySet()) bytes.put(e.getKey(), e.getValue().bytes());
        for (String f : ctx.statics.keySet()) bytes.put(f, Assemble.staticBytes(ctx, f));
        bytes.putAll(ctx.builtinStatics);
        files = bytes;
        siteFiles = Set.copyOf(ctx.output.files());
        rendered = ctx.pages.stream().filter(SitePage::made).map(SitePage::file).toList();
        written = ctx.output.written();
        deleted = ctx.output.deleted();
    }
}
