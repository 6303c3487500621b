package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.content.MarkdownSyntax;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One build: a {@link BuildContext} passed through the stages below, in order. Every problem is collected;
 * the build fails once, at the end, with all of them, and publishes nothing then. A full build and the
 * preview's incremental build run the same stages; they differ only in which pages the render stage makes
 * ({@link Plan}) and in how the output is published ({@link Staging}). See docs/architecture.md.
 */
public final class SiteBuild {

    /**
     * The stages of every build. Each runs when {@link Stage#runs} says so: by default, when the build writes a
     * site (not the {@code check} command) and nothing has failed so far.
     */
    static final List<Stage> STAGES = List.of(
            new Recover(),      // what a killed build left next to the output is put right
            new Load(),         // content folder → report and index (content)
            new StartChecks(),  // references, tie-outs, figures in the prose (check), on their own thread
            new StartDownloads(), // a one-off build's downloads, on their own thread while the pages render
            new Prepare(),      // templates, the page-making stages, which pages to make, the output
            new Render(),       // each page: markdown → render → html → output; generated pages once the checks passed
            new Assemble(),     // downloads, static files, search index, sitemap and robots.txt
            new Zip(),          // the offline edition (build --zip)
            new LinkCheck(),    // every link and anchor of every page resolves
            new Publish(),      // the new site goes live at once
            new Remember());    // the preview keeps what this build made for the next one

    /**
     * Where to read and write; {@code write = false} is the {@code check} command; {@code zip} also writes the
     * offline edition ({@link OfflineZip}) into the site and links it from every page; {@code strict} makes a
     * figure of the prose that cannot be bound to the dataset an error, not a warning. {@code templates} and
     * {@code staticDir} are folders that override the built-in templates and static files file by file; null
     * means the folder of that name beside the content folder, when there is one ({@link #templatesFolder()}).
     */
    public record Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress, boolean zip,
                          boolean strict) {
        public static final String TEMPLATES = "templates";
        public static final String STATIC = "static";

        /** The folder overriding the built-in templates: the one given, else {@code templates/} beside the content, else null. */
        public Path templatesFolder() { return folder(templates, TEMPLATES); }

        /** The folder overriding the built-in static files: the one given, else {@code static/} beside the content, else null. */
        public Path staticFolder() { return folder(staticDir, STATIC); }

        private Path folder(Path given, String name) {
            if (given != null) return given;
            Path c = content.normalize();
            if (c.getFileName() == null || c.toString().isEmpty() || c.endsWith("..")) c = content.toAbsolutePath().normalize();
            Path beside = c.resolveSibling(name);
            return Files.isDirectory(beside) ? beside : null;
        }

        public Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress) {
            this(content, templates, staticDir, out, write, progress, false, false);
        }

        public Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress, boolean zip) {
            this(content, templates, staticDir, out, write, progress, zip, false);
        }
    }

    /** What a build did. {@code ok} is false when any error was found (nothing was published then). */
    public record Result(boolean ok, int pages, int tables, int notes, List<Finding> findings, CheckResult checks, long millis, int generated) {
        public long errors() { return findings.stream().filter(Finding::isError).count(); }

        public long warnings() { return findings.stream().filter(f -> !f.isError()).count(); }
    }

    private SiteBuild() {}

    public static Result run(Options o) {
        return run(o, null);
    }

    /**
     * A build that keeps what it made in {@code state} (the preview server's builds). The first is a full build;
     * each later one makes only the pages whose inputs changed (see {@link Plan}) and writes only the files whose
     * bytes changed, in place, after every check and link has passed. The result is byte for byte the site a full
     * build makes of the same input; a failed build writes nothing and leaves {@code state} as it was.
     */
    public static Result run(Options o, BuildState state) {
        BuildContext ctx = new BuildContext(o, state);
        try {
            for (Stage stage : STAGES) {
                if (!stage.runs(ctx)) continue;
                long t0 = System.nanoTime();
                String summary = stage.run(ctx);
                if (summary != null) ctx.progress(stage.label(ctx), summary, System.nanoTime() - t0);
            }
        } catch (OutputException e) {
            ctx.outputFailed(e.getMessage(), e.hint());
        } catch (UncheckedIOException e) {
            ctx.outputFailed("writing the site failed: " + e.getCause().getMessage(), "Check free disk space and permissions of the output folder.");
        } finally {
            if (ctx.output != null) ctx.output.close();
            MarkdownSyntax.forgetKept();
            MarkdownStage.forgetRendered();
        }
        return ctx.result();
    }
}
