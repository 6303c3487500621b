package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.content.ContentLoader;
import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.InputFolder;
import org.reportsite.html.HtmlStage;
import org.reportsite.html.PageResult;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.reportsite.render.GeneratedPages;
import org.reportsite.render.PageView;
import org.reportsite.render.Renderer;

import org.thymeleaf.TemplateEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One build, as a linear list of stages: load, check, then (when writing) render every page, verify every
 * link, and publish. Every problem is collected; the build fails once, at the end, with all of them.
 */
public final class SiteBuild {

    /**
     * Where to read and write; {@code write = false} is the {@code check} command; {@code zip} also writes the
     * offline edition ({@link OfflineZip}) into the site and links it from every page.
     */
    public record Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress, boolean zip,
                          boolean strict) {
        public Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress) {
            this(content, templates, staticDir, out, write, progress, false, false);
        }

        public Options(Path content, Path templates, Path staticDir, Path out, boolean write, Consumer<String> progress, boolean zip) {
            this(content, templates, staticDir, out, write, progress, zip, false);
        }
    }

    /** What a build did. {@code ok} is false when any error was found (nothing was published then). */
    public record Result(boolean ok, int pages, int tables, int notes, List<Finding> findings, CheckResult checks, long millis) {
        public long errors() { return findings.stream().filter(Finding::isError).count(); }

        public long warnings() { return findings.stream().filter(f -> !f.isError()).count(); }
    }

    private final Options o;
    private final BuildState state;
    private final Findings findings = new Findings();
    private final long started = System.nanoTime();
    private Report report;
    private Index index;
    private CheckResult checks;

    private SiteBuild(Options o, BuildState state) {
        this.o = o;
        this.state = state;
    }

    public static Result run(Options o) {
        return new SiteBuild(o, null).run();
    }

    /**
     * A build that keeps what it made in {@code state} (the preview server's builds). The first is a full build;
     * each later one re-renders only the pages whose inputs changed (the page itself, the tables it uses, the
     * index answers it got, the navigation and templates when it uses them) and writes only the files whose
     * bytes changed, in place, after every check and link has passed. The result is byte for byte the site a
     * full build makes of the same input; a failed build writes nothing and leaves {@code state} as it was.
     */
    public static Result run(Options o, BuildState state) {
        return new SiteBuild(o, state).run();
    }

    private Result run() {
        if (o.write()) OutputDir.recover(o.out());
        report = stage("load", () -> state == null ? ContentLoader.load(o.content(), findings) : ContentLoader.load(o.content(), findings, state.parsed),
                r -> r == null ? "no report" : r.tables().size() + " tables, " + r.pages().size() + " pages");
        if (report == null) return result();
        index = new Index(report);
        // The checks run on their own thread while the pages render (both cores stay busy); the pages are
        // published, and their warnings reported, only when the checks found no error.
        FutureTask<CheckResult> pending = null;
        // nothing is rendered from a reference the check refuses (the reference check is quick; the rest runs beside the render)
        if (o.write() && !findings.hasErrors() && Files.isDirectory(o.templates())
                && Checker.references(report, index).stream().noneMatch(Finding::isError)) {
            pending = new FutureTask<>(() -> {
                long t0 = System.nanoTime();
                CheckResult r = Checker.run(report, index, o.strict());
                checkNanos = System.nanoTime() - t0;
                return r;
            });
            Thread t = new Thread(pending, "checks");
            t.setDaemon(true);
            t.start();
        } else {
            checks = stage("check", () -> Checker.run(report, index, o.strict()), SiteBuild::summary);
            findings.addAll(checks.findings());
            if (findings.hasErrors() || !o.write()) return result();
            findings.error("templates.missing", Location.of(o.templates().toString()), "the templates folder is missing",
                    "Run from the project folder, or pass --templates.");
            return result();
        }
        FutureTask<CheckResult> checking = pending;
        // in place only into the site the last build made (a deleted or replaced folder gets a full build)
        boolean incremental = state != null && state.built() && !o.zip() && state.out.equals(o.out().toAbsolutePath().normalize())
                && Files.exists(o.out().resolve(OutputDir.MARKER));
        try (OutputDir out = incremental ? OutputDir.inPlace(o.out()) : OutputDir.open(o.out())) {
            long t0 = System.nanoTime();
            Site site = renderAll(incremental ? null : out, checking);
            if (site == null) return result();
            progress("render", (incremental ? site.rendered().size() + " of " : "") + site.pages().size() + " pages", t0);
            if (findings.hasErrors()) return result();
            Set<String> files = site.files();
            if (o.zip()) {
                Path zip = stage("zip", () -> OfflineZip.write(out.temp(), report.meta()), z -> out.temp().relativize(z).toString());
                files.add(out.temp().relativize(zip).toString());
            }
            stage("links", () -> { verifyLinks(site.results(), files); return null; }, x -> "all links resolve");
            if (findings.hasErrors()) return result();
            if (incremental) {
                stage("write", () -> writeChanges(site, out), n -> n + " files changed → " + o.out());
            } else {
                stage("publish", () -> { out.commit(); return null; }, x -> "→ " + o.out());
            }
            if (state != null) keep(site);
        } catch (OutputException e) {
            // as when the checks ran first: content errors are reported instead of a problem with the output
            if (checksPassed(checking)) findings.error("output", Location.of(o.out().toString()), e.getMessage(), e.hint());
        } catch (UncheckedIOException e) {
            if (checksPassed(checking)) {
                findings.error("output", Location.of(o.out().toString()), "writing the site failed: " + e.getCause().getMessage(),
                        "Check free disk space and permissions of the output folder.");
            }
        }
        return result();
    }

    private volatile long checkNanos;

    private static String summary(CheckResult c) {
        return c.performed().size() + " checks, " + c.findings().stream().filter(Finding::isError).count() + " errors";
    }

    /** Waits for the checks (once), reports them, and tells whether the build may go on. */
    private boolean checksPassed(FutureTask<CheckResult> pending) {
        if (checks == null) {
            try {
                checks = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
            progress("check", summary(checks), System.nanoTime() - checkNanos);
            findings.addAll(checks.findings());
        }
        return checks.findings().stream().noneMatch(Finding::isError);
    }

    private void progress(String name, String summary, long startedNanos) {
        if (o.progress() != null) {
            o.progress().accept(String.format("%-8s %s (%d ms)", name, summary, (System.nanoTime() - startedNanos) / 1_000_000));
        }
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

    /** One page of this build: made now ({@code html} set until written) or kept from the previous build. */
    private record Made(String file, Object input, Renderer.Uses uses, HtmlStage.Lookups lookups, PageResult result, byte[] search,
                        List<Finding> warnings, String html) {}

    /**
     * Every page and every other file of the site. Pages are in site order; {@code other} maps each file that is
     * not a page to its bytes ({@code null} where a full build already wrote it and keeps no copy).
     */
    private record Site(List<Made> pages, List<String> rendered, Map<String, byte[]> other, Map<String, Path> staticFiles,
                        Map<String, String> templates, TemplateEngine engine, Object globals, Object navigation) {
        List<PageResult> results() { return pages.stream().map(Made::result).toList(); }

        /** Every file of the site, as the link check sees it (site-relative). */
        Set<String> files() {
            Set<String> all = new HashSet<>(other.keySet());
            all.addAll(staticFiles.keySet());
            for (Made m : pages) all.add(m.file());
            all.add(OutputDir.MARKER);
            return all;
        }
    }

    /**
     * Markdown, render and html for every page, in parallel. With {@code dir} (a full build) each page is written
     * there as soon as it is done and its HTML dropped; without (incremental) only pages whose inputs changed
     * are made, and kept in memory until the link check has passed.
     */
    private Site renderAll(OutputDir dir, FutureTask<CheckResult> checking) {
        Map<String, String> templates = readTemplates();
        if (templates == null) {
            checksPassed(checking);
            return null;
        }
        boolean incremental = dir == null;
        // the engine reads the templates from this map only: a template cannot include a file outside the folder
        TemplateEngine engine = incremental && templates.equals(state.templates) ? state.engine : Renderer.engine(templates);
        MarkdownStage markdown = new MarkdownStage(report.meta().trustedHtml());
        Renderer renderer = new Renderer(engine, report, index, o.zip() ? OfflineZip.sitePath(report.meta()) : null);
        HtmlStage html = new HtmlStage(index);
        Map<String, String> layouts = new HashMap<>(templates);
        layouts.remove(TABLE_TEMPLATE);
        // checks.json too: tables mark the inconsistencies it acknowledges
        Object globals = List.of(report.meta(), report.glossary(), layouts, report.checks());
        Object navigation = renderer.navigationModel();
        Fresh fresh = incremental ? new Fresh(globals.equals(state.globals), navigation.equals(state.navigation),
                Objects.equals(templates.get(TABLE_TEMPLATE), state.templates.get(TABLE_TEMPLATE)), html) : null;

        List<Made> pages = index.orderedPages().parallelStream().map(p -> {
            String file = p.outputPath();
            Made kept = fresh == null ? null : fresh.kept(file, p);
            if (kept != null) return kept;
            Renderer.Uses uses = new Renderer.Uses();
            HtmlStage.Lookups lookups = new HtmlStage.Lookups();
            MarkdownStage.Result md = markdown.render(p);
            String body = renderer.fillPlaceholders(md.html(), uses);
            String heading = p.isNote() ? p.note() + " " + p.title() : p.title();
            PageView v = new PageView(p.id(), file, p.title(), heading, p.isNote() ? NoteKey.anchor(p.note()) : "top",
                    p.summary() != null ? p.summary() : p.title() + " — " + report.meta().title(), p.toc(), body);
            PageResult r = html.process(renderer.page(v, uses), file, p, p.location().file(), lookups);
            return made(dir, file, p, uses, lookups, r, r.html(), md.warnings());
        }).collect(Collectors.toCollection(ArrayList::new));
        if (!checksPassed(checking)) return null;
        for (Made m : pages) findings.addAll(m.warnings());
        pages.add(generated(dir, fresh, renderer, html, "glossary", "Glossary", GeneratedPages.glossary(report)));
        pages.add(generated(dir, fresh, renderer, html, "data-checks", "Data checks", GeneratedPages.dataChecks(checks)));
        pages.add(generated(dir, fresh, renderer, html, "404", "Page not found", GeneratedPages.notFound()));
        List<String> rendered = pages.stream().filter(m -> fresh == null || m.html() != null).map(Made::file).toList();

        Map<String, byte[]> other = new LinkedHashMap<>();
        String baseUrl = report.meta().baseUrl();
        for (Table t : report.tables().values()) {
            String file = "downloads/" + t.id() + ".csv";
            byte[] before = incremental && t.equals(state.tables.get(t.id())) ? state.files.get(file) : null;
            other.put(file, before != null ? before : write(dir, file, utf8(Downloads.csv(t))));
        }
        String dataset = "downloads/dataset.json";
        byte[] before = incremental && report.tables().equals(state.tables) && globals.equals(state.globals) ? state.files.get(dataset) : null;
        other.put(dataset, before != null ? before : write(dir, dataset, utf8(Downloads.dataset(report))));
        Map<String, Path> staticFiles = staticFiles(other.keySet(), pages, dir);
        String search = "assets/search-index.js";
        byte[] index = incremental && rendered.isEmpty() ? state.files.get(search) : null;
        if (index == null) {
            index = write(dir, search, SearchIndex.joinUtf8(pages.stream().map(Made::search).toList()));
        }
        other.put(search, index);
        staticFiles.remove(search);
        if (baseUrl != null) {
            other.put("sitemap.xml", write(dir, "sitemap.xml", utf8(Hosting.sitemap(baseUrl, pages.stream().map(Made::file).toList()))));
            other.put("robots.txt", write(dir, "robots.txt", utf8(Hosting.robots(baseUrl))));
            staticFiles.remove("sitemap.xml");
            staticFiles.remove("robots.txt");
        }
        return new Site(pages, rendered, other, staticFiles, templates, engine, globals, navigation);
    }

    private static final String TABLE_TEMPLATE = "table.html";

    /** Whether a page of the previous build can be kept as it is: every input it used is unchanged. */
    private final class Fresh {
        private final boolean globals, navigation, tableTemplate;
        private final HtmlStage html;

        Fresh(boolean globals, boolean navigation, boolean tableTemplate, HtmlStage html) {
            this.globals = globals;
            this.navigation = navigation;
            this.tableTemplate = tableTemplate;
            this.html = html;
        }

        Made kept(String file, Object input) {
            BuildState.PageEntry e = state.pages.get(file);
            if (!globals || e == null || !e.input().equals(input)) return null;
            if (e.uses().navigation() && !navigation || e.uses().tableTemplate() && !tableTemplate) return null;
            for (String t : e.uses().tables()) if (!Objects.equals(report.tables().get(t), state.tables.get(t))) return null;
            if (!e.lookups().sameAnswers(html)) return null;
            return new Made(file, input, e.uses(), e.lookups(), e.result(), e.search(), e.warnings(), null);
        }
    }

    private Made generated(OutputDir dir, Fresh fresh, Renderer renderer, HtmlStage html, String id, String title, String body) {
        String file = SitePaths.pageFile(id);
        Made kept = fresh == null ? null : fresh.kept(file, body);
        if (kept != null) return kept;
        Renderer.Uses uses = new Renderer.Uses();
        HtmlStage.Lookups lookups = new HtmlStage.Lookups();
        PageView v = new PageView(id, file, title, title, "top", title + " — " + report.meta().title(), !id.equals("404"), body);
        PageResult r = html.process(renderer.page(v, uses), file, null, "(generated " + file + ")", lookups);
        // links are checked as relative (r.links()); the file served for any missing path gets absolute ones
        boolean absolute = id.equals("404") && report.meta().baseUrl() != null;
        return made(dir, file, body, uses, lookups, r, absolute ? Hosting.absoluteLinks(r.html(), report.meta().baseUrl()) : r.html(), List.of());
    }

    /** A page just made: written at once in a full build (its HTML is not kept), held until written otherwise. */
    private static Made made(OutputDir dir, String file, Object input, Renderer.Uses uses, HtmlStage.Lookups lookups, PageResult r,
                             String written, List<Finding> warnings) {
        PageResult slim = new PageResult(r.file(), r.sourceFile(), null, r.ids(), r.links(), r.search());
        byte[] search = utf8(SearchIndex.fragment(r.search()));
        if (dir != null) {
            write(dir, file, utf8(written));
            return new Made(file, input, uses, lookups, slim, search, warnings, "");
        }
        return new Made(file, input, uses, lookups, slim, search, warnings, written);
    }

    /**
     * Static files by site path, copied into {@code dir} in a full build. A static file may not replace a generated
     * one, and is read only if it is a regular file inside the static folder ({@link InputFolder}): each refusal
     * is a located finding.
     */
    private Map<String, Path> staticFiles(Set<String> generated, List<Made> pages, OutputDir dir) {
        Map<String, Path> out = new TreeMap<>();
        InputFolder src = staticFolder();
        if (src == null || !Files.isDirectory(src.root())) return out;
        Set<String> taken = new HashSet<>(generated);
        for (Made m : pages) taken.add(m.file());
        for (var e : src.files(rel -> true, findings).entrySet()) {
            String rel = e.getKey();
            Path file = e.getValue();
            if (taken.contains(rel) || rel.equals(OutputDir.MARKER)) {
                findings.error("static.collision", Location.of(src.shown(rel)), "the static file would replace the generated " + rel,
                        "Rename or remove the static file; " + rel + " is written by the build.");
                continue;
            }
            try {
                if (dir != null) {
                    Path to = dir.temp().resolve(rel);
                    Files.createDirectories(to.getParent());
                    src.copy(file, src.shown(rel), to);
                } else {
                    src.checkInside(file, src.shown(rel));
                }
                out.put(rel, file);
            } catch (ContentSyntaxException x) {
                findings.error(x.code(), x.location(), x.getMessage(), x.hint());
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        return out;
    }

    private InputFolder staticFolder;

    private InputFolder staticFolder() {
        if (staticFolder == null && o.staticDir() != null) staticFolder = InputFolder.of(o.staticDir(), "static");
        return staticFolder;
    }

    /** Every template by its relative path, read through the templates folder's rule; null (with findings) when one cannot be read. */
    private Map<String, String> readTemplates() {
        InputFolder folder = InputFolder.of(o.templates(), "templates");
        Map<String, String> out = new TreeMap<>();
        long errors = findings.errorCount();
        for (var e : folder.files(rel -> true, findings).entrySet()) {
            try {
                out.put(e.getKey(), folder.readText(e.getValue(), folder.shown(e.getKey())));
            } catch (ContentSyntaxException x) {
                findings.error(x.code(), x.location(), x.getMessage(), x.hint());
            }
        }
        return findings.errorCount() > errors ? null : out;
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** Every local href/src of every page points at a file of the site, and every #fragment at an id on that page. */
    private void verifyLinks(List<PageResult> pages, Set<String> files) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (PageResult p : pages) ids.put(p.file(), p.ids());
        Map<String, Page> sources = new HashMap<>();
        for (Page p : report.pages()) sources.put(p.outputPath(), p);
        Set<String> reported = new HashSet<>();
        // a link that names a file means the same from every page of a folder (the navigation repeats on every page)
        Map<String, Optional<String>> byFolder = new HashMap<>();
        for (PageResult p : pages) {
            String folder = p.file().contains("/") ? p.file().substring(0, p.file().lastIndexOf('/') + 1) : "";
            for (String link : p.links()) {
                String problem = link.startsWith("#") ? problem(p.file(), link, ids, files)
                        : byFolder.computeIfAbsent(folder + "\0" + link, k -> Optional.ofNullable(problem(p.file(), link, ids, files))).orElse(null);
                if (problem != null && reported.add(p.file() + "|" + link)) {
                    findings.error("link.broken", LinkLines.locate(sources.get(p.file()), p.sourceFile(), link, p.file()),
                            "broken link \"" + link + "\" on " + p.file() + ": " + problem,
                            "Fix the reference in the page (or in the template, if the link comes from the layout).");
                }
            }
        }
    }

    private static String problem(String from, String link, Map<String, Set<String>> ids, Set<String> files) {
        if (link.contains(":") && !link.startsWith("#")) {
            return "unresolved reference (unknown scheme or target)";
        }
        int hash = link.indexOf('#');
        String path = hash >= 0 ? link.substring(0, hash) : link;
        String frag = hash >= 0 ? link.substring(hash + 1) : null;
        if (path.endsWith("/") || (!path.isEmpty() && !path.contains("."))) return "links must name a file explicitly (e.g. page.html)";
        String target = path.isEmpty() ? from : normalize(from, path);
        if (target == null) return "points outside the site";
        if (!files.contains(target)) return "no such file " + target;
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

    /** Incremental: writes the pages made now and every other file whose bytes changed, removes files the site lost. */
    private int writeChanges(Site site, OutputDir dir) {
        List<String> written = new ArrayList<>();
        Set<String> now = new HashSet<>();
        for (Made m : site.pages()) {
            now.add(m.file());
            if (m.html() != null) {
                replace(dir, m.file(), utf8(m.html()));
                written.add(m.file());
            }
        }
        for (var e : site.other().entrySet()) {
            now.add(e.getKey());
            if (!Arrays.equals(e.getValue(), state.files.get(e.getKey()))) {
                replace(dir, e.getKey(), e.getValue());
                written.add(e.getKey());
            }
        }
        for (var e : site.staticFiles().entrySet()) {
            now.add(e.getKey());
            byte[] bytes = readStatic(e.getKey(), e.getValue());
            if (!Arrays.equals(bytes, state.files.get(e.getKey()))) {
                copy(e.getValue(), dir, e.getKey());
                written.add(e.getKey());
            }
        }
        List<String> deleted = new ArrayList<>();
        Set<String> before = new HashSet<>(state.files.keySet());
        before.addAll(state.pages.keySet());
        for (String f : before) {
            if (!now.contains(f)) {
                delete(dir, f);
                deleted.add(f);
            }
        }
        state.done(site.rendered(), written, deleted);
        return written.size() + deleted.size();
    }

    /** Keeps what this build made for the next one. */
    private void keep(Site site) {
        boolean first = !state.built();
        state.out = o.out().toAbsolutePath().normalize();
        state.templates = site.templates();
        state.engine = site.engine();
        state.globals = site.globals();
        state.navigation = site.navigation();
        state.tables = Map.copyOf(report.tables());
        Map<String, BuildState.PageEntry> pages = new HashMap<>();
        for (Made m : site.pages()) {
            pages.put(m.file(), new BuildState.PageEntry(m.input(), m.uses(), m.lookups(), m.result(), m.search(), m.warnings()));
        }
        state.pages = pages;
        Map<String, byte[]> files = new HashMap<>(site.other());
        for (var e : site.staticFiles().entrySet()) files.put(e.getKey(), readStatic(e.getKey(), e.getValue()));
        state.files = files;
        if (first) state.done(site.rendered(), List.copyOf(site.files()), List.of());
    }

    /** Writes a file of a full build into {@code dir} and returns its bytes; without {@code dir} (incremental) only returns them. */
    private static byte[] write(OutputDir dir, String file, byte[] bytes) {
        if (dir == null) return bytes;
        try {
            Path to = dir.file(file);
            Files.createDirectories(to.getParent());
            Files.write(to, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** Replaces one file of a live site at once (a reader sees the old or the new file, never half of one). */
    private static void replace(OutputDir dir, String file, byte[] bytes) {
        try {
            Path to = dir.file(file);
            Files.createDirectories(to.getParent());
            Path tmp = Files.createTempFile(to.getParent(), ".write-", ".tmp");
            Files.write(tmp, bytes);
            move(tmp, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a static file of the live site with the static folder's (read under its rule) at once. */
    private void copy(Path from, OutputDir dir, String file) {
        byte[] bytes = readStatic(file, from);
        Path to = inside(dir, file);
        try {
            Files.createDirectories(to.getParent());
            Path tmp = to.resolveSibling(".copy-" + to.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            move(tmp, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a file the site no longer has, and the folders that leaves empty (a full build would not make them). */
    private static void delete(OutputDir out, String file) {
        Path dir = out.target();
        try {
            Path p = inside(out, file);
            Files.deleteIfExists(p);
            for (Path d = p.getParent(); d != null && !d.equals(dir) && d.startsWith(dir); d = d.getParent()) {
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isPresent()) break;
                }
                Files.delete(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path of the live site for a static file's name (any name a static file may have), never outside the site. */
    private static Path inside(OutputDir out, String file) {
        Path p = out.target().resolve(file).normalize();
        if (!p.startsWith(out.target()) || p.equals(out.target())) throw new OutputException("refusing to write " + file + " outside the site", null);
        return p;
    }

    /** A static file's bytes, read under the static folder's rule (it was a regular file inside it when listed). */
    private byte[] readStatic(String rel, Path file) {
        try {
            return staticFolder().readBytes(file, staticFolder().shown(rel));
        } catch (ContentSyntaxException e) {
            throw new OutputException(e.getMessage() + ": " + e.location(), e.hint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
