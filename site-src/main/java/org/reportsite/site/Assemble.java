package org.reportsite.site;

import org.reportsite.content.BuiltIn;
import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.InputFolder;
import org.reportsite.model.Brand;
import org.reportsite.model.Location;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every file of the site that is not a page: the downloads ({@link Products#DOWNLOADS}), the static files, the
 * search index made from the pages' parts (its manifest, term shards and document blocks), and, when report.json sets {@code baseUrl}, the sitemap and
 * robots.txt ({@link Hosting}). Static files are read only under the static folder's rule, and may not take the
 * name of a page or a download; the search index's files, sitemap and robots.txt the build writes win over static
 * files of the same name.
 */
final class Assemble implements Stage {
    /** The style sheet of report.json's accent colour, linked after the site's own. */
    static final String BRAND_CSS = "assets/brand.css";

    @Override
    public String name() { return "assemble"; }

    @Override
    public String run(BuildContext ctx) {
        Report report = ctx.report;
        int downloads = 0;
        List<Products.Product> all;
        List<byte[]> made;
        if (ctx.last == null) {
            // a one-off build's, made while the pages rendered (StartDownloads)
            all = ctx.downloads.products();
            made = ctx.downloads.made();
        } else {
            // a preview's: unchanged ones kept from its last build, the others made on both cores (a workbook takes a while to write)
            all = Products.of(report);
            made = all.parallelStream().map(p -> {
                Products.Made before = ctx.last.products.get(p.file());
                return before != null && before.source().equals(p.source()) ? before.bytes() : p.bytes().get();
            }).toList();
        }
        for (int i = 0; i < all.size(); i++) {
            put(ctx, all.get(i).file(), all.get(i).source(), made.get(i));
            downloads++;
        }
        // files the build writes below, which a static file of the same name does not replace
        Map<String, byte[]> written = new LinkedHashMap<>();
        List<String> blocks = List.of();
        if (ctx.searchWriter != null) {
            // a one-off build's index: its blocks were written while the pages were made
            written.putAll(ctx.searchWriter.finish());
            blocks = ctx.searchWriter.blockFiles();
        } else {
            // a preview session keeps what the index was made of, so that the next build gathers again only the words of the pages it made
            SearchIndex.Built index = SearchIndex.build(ctx.pages.stream().map(SitePage::search).toList(), ctx.last == null ? null : ctx.last.search, ctx.last != null);
            ctx.search = index.memo();
            written.putAll(index.files());
        }
        Map<String, byte[]> inspector = new Inspector(report, ctx.index, ctx.checkResult(), ctx.pages).scripts(ctx.pages);
        written.putAll(inspector);
        Brand brand = report.meta().brand();
        if (brand != null && brand.accent() != null) written.put(BRAND_CSS, Products.utf8(brand.css()));
        if (brand != null && brand.logo() != null) {
            InputFolder content = InputFolder.content(ctx.options.content());
            try {
                written.put(brand.logoFile(), content.readBytes(ctx.options.content().resolve(brand.logo()), brand.logo()));
            } catch (ContentSyntaxException e) {
                ctx.findings.error(e.code(), e.location(), e.getMessage(), e.hint());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String baseUrl = report.meta().baseUrl();
        if (baseUrl != null) {
            written.put(Reserved.SITEMAP, Products.utf8(Hosting.sitemap(baseUrl, ctx.pages.stream().map(SitePage::file).toList())));
            written.put(Reserved.ROBOTS, Products.utf8(Hosting.robots(baseUrl)));
        }
        Set<String> taken = new HashSet<>(ctx.products.keySet());
        for (SitePage p : ctx.pages) taken.add(p.file());
        taken.add(OutputDir.MARKER);
        Set<String> overridden = new HashSet<>(written.keySet());
        overridden.addAll(blocks);
        statics(ctx, taken, overridden);
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
            // a one-off build remembers nothing for a next build: the bytes go to the output only
            if (ctx.last == null) ctx.output.write(e.getKey(), e.getValue());
            else put(ctx, e.getKey(), null, e.getValue());
        }
        long shards = blocks.size() + written.keySet().stream().filter(f -> f.startsWith(SearchIndex.DIR)).count();
        return downloads + " downloads, " + (ctx.statics.size() + ctx.builtinStatics.size()) + " static files, " + inspector.size() + " inspector scripts, " + shards
                + " search shards and blocks, " + String.join(", ", written.keySet().stream().filter(f -> !inspector.containsKey(f) && !f.startsWith(SearchIndex.DIR)).toList());
    }

    private static void put(BuildContext ctx, String file, Object source, byte[] bytes) {
        ctx.output.write(file, bytes);
        ctx.products.put(file, new Products.Made(source, bytes));
    }

    /**
     * Copies the static files, sorted by site path: the static folder's, read only under its rule ({@link InputFolder}:
     * regular files inside it), then each built-in one ({@link BuiltIn}) the folder does not replace. A static
     * file may not take a name in {@code taken} ({@code static.collision}); one the build writes itself
     * ({@code overridden}) is left out. Each refusal is a located finding.
     */
    private static void statics(BuildContext ctx, Set<String> taken, Set<String> overridden) {
        Path src = ctx.options.staticFolder();
        Set<String> own = new HashSet<>();
        if (src != null && !Files.isDirectory(src)) {
            ctx.findings.error("static.missing", Location.of(src.toString()), "the static folder given with --static does not exist",
                    "Check the path, or leave --static out: the built-in static files are used, and a static/ folder beside the content "
                            + "folder overrides them file by file.");
            return;
        }
        if (src != null) {
            InputFolder folder = InputFolder.of(src, "static");
            ctx.staticFolder = folder;
            for (Map.Entry<String, Path> e : folder.files(rel -> true, ctx.findings).entrySet()) {
                String rel = e.getKey();
                own.add(rel);
                if (overridden.contains(rel)) continue;
                if (taken.contains(rel)) {
                    ctx.findings.error("static.collision", Location.of(folder.shown(rel)), "the static file would replace the generated " + rel,
                            "Rename or remove the static file; " + rel + " is written by the build.");
                    continue;
                }
                try {
                    ctx.output.copy(rel, folder, e.getValue());
                    ctx.statics.put(rel, e.getValue());
                } catch (ContentSyntaxException x) {
                    ctx.findings.error(x.code(), x.location(), x.getMessage(), x.hint());
                }
            }
        }
        for (Map.Entry<String, byte[]> e : BuiltIn.files(BuiltIn.STATIC).entrySet()) {
            String rel = e.getKey();
            if (own.contains(rel) || overridden.contains(rel) || taken.contains(rel)) continue;
            ctx.output.write(rel, e.getValue());
            ctx.builtinStatics.put(rel, e.getValue());
        }
    }

    /** A static file's bytes, read again under the static folder's rule (it was a regular file inside it when copied). */
    static byte[] staticBytes(BuildContext ctx, String file) {
        try {
            return ctx.staticFolder.readBytes(ctx.statics.get(file), ctx.staticFolder.shown(file));
        } catch (ContentSyntaxException e) {
            throw new OutputException(e.getMessage() + ": " + e.location(), e.hint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
