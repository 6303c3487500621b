package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.content.ContentLoader;
import org.reportsite.html.HtmlStage;
import org.reportsite.html.PageResult;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.reportsite.render.GeneratedPages;
import org.reportsite.render.PageView;
import org.reportsite.render.Renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One build, as a linear list of stages: load, check, then (when writing) render every page, verify every
 * link, and publish. Every problem is collected; the build fails once, at the end, with all of them.
 */
public final class SiteBuild {

    /**
     * Where to read and write; {@code write = false} is the {@code check} command; {@code zip} also writes the
     * offline edition ({@link OfflineZip}) into the site and links it from every page.
     */
    public record Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress, boolean zip) {
        public Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress) {
            this(content, templates, staticDir, out, write, progress, false);
        }
    }

    /** What a build did. {@code ok} is false when any error was found (nothing was published then). */
    public record Result(boolean ok, int pages, int tables, int notes, List<Finding> findings, CheckResult checks, long millis) {
        public long errors() { return findings.stream().filter(Finding::isError).count(); }

        public long warnings() { return findings.stream().filter(f -> !f.isError()).count(); }
    }

    private final Options o;
    private final Findings findings = new Findings();
    private final long started = System.nanoTime();
    private Report report;
    private Index index;
    private CheckResult checks;

    private SiteBuild(Options o) { this.o = o; }

    public static Result run(Options o) {
        return new SiteBuild(o).run();
    }

    private Result run() {
        report = stage("load", () -> ContentLoader.load(o.content(), findings),
                r -> r == null ? "no report" : r.tables().size() + " tables, " + r.pages().size() + " pages");
        if (report == null) return result();
        index = new Index(report);
        checks = stage("check", () -> Checker.run(report, index),
                c -> c.performed().size() + " checks, " + c.findings().stream().filter(Finding::isError).count() + " errors");
        findings.addAll(checks.findings());
        if (findings.hasErrors() || !o.write()) return result();
        if (!Files.isDirectory(o.templates())) {
            findings.error("templates.missing", Location.of(o.templates().toString()), "the templates folder is missing",
                    "Run from the project folder, or pass --templates.");
            return result();
        }
        try (OutputDir out = OutputDir.open(o.out())) {
            List<PageResult> pages = stage("render", () -> renderAll(out.temp()), p -> p.size() + " pages");
            if (findings.hasErrors()) return result();
            if (o.zip()) stage("zip", () -> OfflineZip.write(out.temp(), report.meta()), z -> out.temp().relativize(z).toString());
            stage("links", () -> { verifyLinks(pages, out.temp()); return null; }, x -> "all links resolve");
            if (findings.hasErrors()) return result();
            stage("publish", () -> { out.commit(); return null; }, x -> "→ " + o.out());
        } catch (OutputException e) {
            findings.error("output", Location.of(o.out().toString()), e.getMessage(), e.hint());
        } catch (UncheckedIOException e) {
            findings.error("output", Location.of(o.out().toString()), "writing the site failed: " + e.getCause().getMessage(),
                    "Check free disk space and permissions of the output folder.");
        }
        return result();
    }

    private Result result() {
        int notes = report == null ? 0 : (int) report.pages().stream().filter(Page::isNote).count();
        return new Result(!findings.hasErrors(), report == null ? 0 : report.pages().size(), report == null ? 0 : report.tables().size(),
                notes, findings.list(), checks, (System.nanoTime() - started) / 1_000_000);
    }

    private <T> T stage(String name, java.util.function.Supplier<T> work, java.util.function.Function<T, String> summary) {
        long t0 = System.nanoTime();
        T r = work.get();
        if (o.progress() != null) {
            o.progress().accept(String.format("%-8s %s (%d ms)", name, summary.apply(r), (System.nanoTime() - t0) / 1_000_000));
        }
        return r;
    }

    /** Markdown, render and html for every page, in parallel; each page is written as soon as it is done. */
    private List<PageResult> renderAll(Path dir) {
        MarkdownStage markdown = new MarkdownStage();
        Renderer renderer = new Renderer(o.templates(), report, index, o.zip() ? OfflineZip.sitePath(report.meta()) : null);
        HtmlStage html = new HtmlStage(index);
        List<Page> pages = index.orderedPages();
        List<PageResult> results = pages.parallelStream().map(p -> {
            String file = p.outputPath();
            String body = renderer.fillPlaceholders(markdown.toHtml(p));
            String heading = p.isNote() ? p.note() + " " + p.title() : p.title();
            PageView v = new PageView(p.id(), file, p.title(), heading, p.isNote() ? NoteKey.anchor(p.note()) : "top",
                    p.summary() != null ? p.summary() : p.title() + " — " + report.meta().title(), p.toc(), body);
            PageResult r = html.process(renderer.page(v), file, p, p.location().file());
            write(dir.resolve(file), r.html());
            return r;
        }).toList();
        List<PageResult> all = new ArrayList<>(results);
        all.add(generated(dir, renderer, html, "glossary", "Glossary", GeneratedPages.glossary(report)));
        all.add(generated(dir, renderer, html, "data-checks", "Data checks", GeneratedPages.dataChecks(checks)));
        all.add(generated(dir, renderer, html, "404", "Page not found", GeneratedPages.notFound()));
        for (Table t : report.tables().values()) write(dir.resolve("downloads/" + t.id() + ".csv"), Downloads.csv(t));
        write(dir.resolve("downloads/dataset.json"), Downloads.dataset(report));
        copyStatic(dir);
        List<PageResult.SearchEntry> search = new ArrayList<>();
        for (PageResult r : all) search.addAll(r.search());
        write(dir.resolve("assets/search-index.js"), SearchIndex.script(search));
        String baseUrl = report.meta().baseUrl();
        if (baseUrl != null) {
            write(dir.resolve("sitemap.xml"), Hosting.sitemap(baseUrl, all.stream().map(PageResult::file).toList()));
            write(dir.resolve("robots.txt"), Hosting.robots(baseUrl));
        }
        return all;
    }

    private PageResult generated(Path dir, Renderer renderer, HtmlStage html, String id, String title, String body) {
        String file = SitePaths.pageFile(id);
        PageView v = new PageView(id, file, title, title, "top", title + " — " + report.meta().title(), !id.equals("404"), body);
        PageResult r = html.process(renderer.page(v), file, null, "(generated " + file + ")");
        // links are checked as relative (r.links()); the file served for any missing path gets absolute ones
        boolean absolute = id.equals("404") && report.meta().baseUrl() != null;
        write(dir.resolve(file), absolute ? Hosting.absoluteLinks(r.html(), report.meta().baseUrl()) : r.html());
        return r;
    }

    /** Every local href/src of every page points at a file of the site, and every #fragment at an id on that page. */
    private void verifyLinks(List<PageResult> pages, Path dir) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (PageResult p : pages) ids.put(p.file(), p.ids());
        Map<String, Page> sources = new HashMap<>();
        for (Page p : report.pages()) sources.put(p.outputPath(), p);
        Set<String> reported = new HashSet<>();
        for (PageResult p : pages) {
            for (String link : p.links()) {
                String problem = problem(p.file(), link, ids, dir);
                if (problem != null && reported.add(p.file() + "|" + link)) {
                    findings.error("link.broken", locate(sources.get(p.file()), p.sourceFile(), link),
                            "broken link \"" + link + "\" on " + p.file() + ": " + problem,
                            "Fix the reference in the page (or in the template, if the link comes from the layout).");
                }
            }
        }
    }

    /** The Markdown line a link was written on, when the link came from the page's Markdown as written. */
    private static Location locate(Page page, String sourceFile, String link) {
        if (page == null) return Location.of(sourceFile);
        String[] lines = page.markdown().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("(" + link) || lines[i].contains("\"" + link + "\"")) return new Location(sourceFile, page.bodyLine() + i, 0);
        }
        return Location.of(sourceFile);
    }

    private static String problem(String from, String link, Map<String, Set<String>> ids, Path dir) {
        if (link.contains(":") && !link.startsWith("#")) {
            return "unresolved reference (unknown scheme or target)";
        }
        int hash = link.indexOf('#');
        String path = hash >= 0 ? link.substring(0, hash) : link;
        String frag = hash >= 0 ? link.substring(hash + 1) : null;
        if (path.endsWith("/") || (!path.isEmpty() && !path.contains("."))) return "links must name a file explicitly (e.g. page.html)";
        String target = path.isEmpty() ? from : normalize(from, path);
        if (target == null) return "points outside the site";
        if (!Files.isRegularFile(dir.resolve(target))) return "no such file " + target;
        if (frag != null && !frag.isEmpty()) {
            Set<String> targetIds = ids.get(target);
            if (targetIds != null && !targetIds.contains(frag)) return "no anchor #" + frag + " on " + target;
        }
        return null;
    }

    static String normalize(String fromFile, String relative) {
        List<String> parts = new ArrayList<>(List.of(fromFile.split("/")));
        parts.remove(parts.size() - 1);
        for (String seg : relative.split("/")) {
            if (seg.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else if (!seg.equals(".") && !seg.isEmpty()) {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    private void copyStatic(Path dir) {
        Path src = o.staticDir();
        if (src == null || !Files.isDirectory(src)) return;
        try {
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path to = dir.resolve(src.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
