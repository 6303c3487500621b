package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.content.InputFolder;
import org.reportsite.html.HtmlStage;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.render.Renderer;
import org.reportsite.render.Templates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one build knows, handed from stage to stage: what was asked ({@link #options}), the last good
 * build of a preview session ({@link #last}), what was loaded ({@link #report}, {@link #index}), what was
 * found ({@link #findings}, the checks), how pages are made this time, which of them ({@link #plan}), and
 * where the new site goes until it is published ({@link #output}). Each field is set by one stage; later
 * stages only read it.
 */
final class BuildContext {
    final SiteBuild.Options options;
    /** The last good build of a preview session (kept up to date by this build when it succeeds), or null for a one-off build. */
    final BuildState last;
    final Findings findings = new Findings();
    private final long started = System.nanoTime();

    // load
    Report report;
    Index index;

    // check: running on its own thread until awaited
    CheckRun checks;
    /** A one-off build's pages' texts, let go of once read and rendered (null in a preview session, or when nothing is written). */
    PageTexts texts;
    private CheckResult checkResult;

    /** A one-off build's downloads, being made on their own thread (null in a preview session, or when nothing is written). */
    Products.Making downloads;

    // prepare: how this build makes pages, which pages it makes, where they go
    Templates templates;
    MarkdownStage markdown;
    Renderer renderer;
    HtmlStage html;
    SiteWide siteWide;
    Object navigation;
    Plan plan;
    Staging output;

    // render and assemble: the pages in site order, and every other file made from the model
    final List<SitePage> pages = new ArrayList<>();
    final Map<String, Products.Made> products = new LinkedHashMap<>();
    /** The static folder (read under its rule) and its files by site path. */
    InputFolder staticFolder;
    final Map<String, Path> statics = new LinkedHashMap<>();
    /** The built-in static files the static folder does not replace, by site path. */
    final Map<String, byte[]> builtinStatics = new LinkedHashMap<>();
    /** What the search index was made of, for the next build of a preview session (null in a one-off build). */
    SearchIndex.Memo search;
    /**
     * A one-off build's search index, made while the pages are (its blocks written as their pages come in), so that no
     * page keeps its part until the end; null in a preview session, whose pages keep their parts for the next build.
     */
    SearchIndex.Writer searchWriter;

    BuildContext(SiteBuild.Options options, BuildState last) {
        this.options = options;
        this.last = last;
    }

    boolean failed() { return findings.hasErrors(); }

    /** Waits for the checks (once), reports them, and tells whether the build may go on. */
    boolean checksPassed() {
        if (checkResult == null) {
            checkResult = checks.await();
            progress("check", checkResult.performed().size() + " checks, "
                    + checkResult.findings().stream().filter(Finding::isError).count() + " errors", checks.nanos());
            findings.addAll(checkResult.findings());
        }
        return checkResult.findings().stream().noneMatch(Finding::isError);
    }

    /** The checks' result; waits for them. */
    CheckResult checkResult() {
        checksPassed();
        return checkResult;
    }

    /**
     * The output could not be prepared, written or published. Content errors come first, as when the checks ran
     * before anything was written: the problem with the output is reported only when the checks passed.
     */
    void outputFailed(String message, String hint) {
        if (checks == null || checksPassed()) findings.error("output", Location.of(options.out().toString()), message, hint);
    }

    /** One progress line: {@code name     summary (N ms)}, {@code nanos} being how long the stage took. */
    void progress(String name, String summary, long nanos) {
        if (options.progress() != null) options.progress().accept(String.format("%-8s %s (%d ms)", name, summary, nanos / 1_000_000));
    }

    /** Whether this build changes the last good site in place (the preview's incremental builds). */
    boolean incremental() { return plan != null && plan.incremental(); }

    SiteBuild.Result result() {
        if (checks != null && checkResult == null) checksPassed();
        int pages = report == null ? 0 : report.pages().size();
        int notes = report == null ? 0 : (int) report.pages().stream().filter(Page::isNote).count();
        return new SiteBuild.Result(!findings.hasErrors(), pages, report == null ? 0 : report.tables().size(), notes, findings.list(), checkResult,
                (System.nanoTime() - started) / 1_000_000,
                report == null ? 0 : this.pages.isEmpty() ? (int) java.util.Arrays.stream(Reserved.Generated.values()).filter(g -> g.built(report.meta())).count()
                        : this.pages.size() - pages);
    }
}
