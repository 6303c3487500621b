package org.reportsite.site;

import org.reportsite.html.PageResult;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.SitePaths;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every local href and src of every page points at a file of the new site, and every {@code #fragment} at an
 * id on that page; a broken link is an error at the Markdown line it was written on ({@link LinkLines}; the
 * page's file when it came from a template).
 */
final class LinkCheck implements Stage {
    @Override
    public String name() { return "links"; }

    @Override
    public String run(BuildContext ctx) {
        Set<String> files = new HashSet<>(ctx.output.files());
        files.add(OutputDir.MARKER);
        Map<String, Page> sources = new HashMap<>();
        for (Page p : ctx.report.pages()) sources.put(p.outputPath(), p);
        List<PageResult> all = ctx.pages.stream().map(SitePage::result).toList();
        boolean everyPage = !ctx.incremental() || targetsGone(ctx, files);
        verify(all, everyPage ? all : ctx.pages.stream().filter(SitePage::made).map(SitePage::result).toList(), files, sources, ctx.findings);
        return ctx.failed() ? "broken links" : "all links resolve";
    }

    /**
     * Whether a link of a page kept from the last build (whose links all resolved then) may no longer resolve: a file
     * of the last site is gone, or a page made again has lost an id another page may point at.
     */
    private static boolean targetsGone(BuildContext ctx, Set<String> files) {
        for (String f : ctx.last.siteFiles) if (!files.contains(f)) return true;
        for (SitePage p : ctx.pages) {
            if (!p.made()) continue;
            SitePage before = ctx.last.pages.get(p.file());
            if (before != null && !p.result().ids().containsAll(before.result().ids())) return true;
        }
        return false;
    }

    static void verify(List<PageResult> pages, Set<String> files, Map<String, Page> sources, Findings findings) {
        verify(pages, pages, files, sources, findings);
    }

    /** The links of {@code checked} against the files and the ids of every page ({@code pages}). */
    static void verify(List<PageResult> pages, List<PageResult> checked, Set<String> files, Map<String, Page> sources, Findings findings) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (PageResult p : pages) ids.put(p.file(), p.ids());
        Set<String> reported = new HashSet<>();
        // a link that names a file means the same from every page of a folder (the navigation repeats on every page)
        Map<String, Map<String, Optional<String>>> byFolder = new HashMap<>();
        for (PageResult p : checked) {
            String folder = p.file().contains("/") ? p.file().substring(0, p.file().lastIndexOf('/') + 1) : "";
            Map<String, Optional<String>> inFolder = byFolder.computeIfAbsent(folder, k -> new HashMap<>());
            for (String link : p.links()) {
                String problem = link.startsWith("#") ? problem(p.file(), link, ids, files)
                        : inFolder.computeIfAbsent(link, k -> Optional.ofNullable(problem(p.file(), link, ids, files))).orElse(null);
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
        String target = path.isEmpty() ? from : SitePaths.resolve(from, path);
        if (target == null) return "points outside the site";
        if (!files.contains(target)) return "no such file " + target;
        if (frag != null && !frag.isEmpty()) {
            Set<String> targetIds = ids.get(target);
            if (targetIds != null && !targetIds.contains(frag)) return "no anchor #" + frag + " on " + target;
        }
        return null;
    }
}
