package org.reportsite.site;

import org.reportsite.content.ParsedFiles;
import org.reportsite.html.HtmlStage;
import org.reportsite.html.PageResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Table;
import org.reportsite.render.Renderer;
import org.thymeleaf.TemplateEngine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last good build of a preview session made, so the next build can redo only what a change
 * touches (see {@link SiteBuild#run(SiteBuild.Options, BuildState)}). Not thread-safe: one build at a time.
 * A failed build leaves it as it was, so the next build compares against the last good site.
 */
public final class BuildState {
    /** One page of the last good build: what it was made from and what it yielded (its HTML is on disk only; {@code search} is its part of the search index, {@code warnings} what its Markdown stage reported). */
    record PageEntry(Object input, Renderer.Uses uses, HtmlStage.Lookups lookups, PageResult result, byte[] search, List<Finding> warnings) {}

    /** Parsed content files, reused while unchanged (kept across failed builds too: it only saves parsing). */
    final ParsedFiles parsed = new ParsedFiles();
    Path out;
    Map<String, String> templates = Map.of();
    TemplateEngine engine;
    Object globals;
    Object navigation;
    Map<String, Table> tables = Map.of();
    Map<String, PageEntry> pages = new HashMap<>();
    /** Every file of the site except the pages, with its bytes (downloads, search index, static files, ...). */
    Map<String, byte[]> files = new HashMap<>();

    private List<String> rendered = List.of();
    private List<String> written = List.of();
    private List<String> deleted = List.of();

    /** Whether a build succeeded with this state (the next one is incremental). */
    public boolean built() { return out != null; }

    /** Pages rendered by the last successful build (all of them for the first). */
    public List<String> rendered() { return rendered; }

    /** Files the last successful build wrote (site-relative). */
    public List<String> written() { return written; }

    /** Files the last successful build removed because the site no longer has them. */
    public List<String> deleted() { return deleted; }

    void done(List<String> rendered, List<String> written, List<String> deleted) {
        this.rendered = List.copyOf(rendered);
        this.written = List.copyOf(written);
        this.deleted = List.copyOf(deleted);
    }
}
