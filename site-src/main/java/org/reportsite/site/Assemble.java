package org.reportsite.site;

import org.reportsite.model.Report;
import org.reportsite.model.Reserved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every file of the site that is not a page: the downloads ({@link Products#DOWNLOADS}), the static files, the
 * search index joined from the pages' parts, and, when report.json sets {@code baseUrl}, the sitemap and
 * robots.txt ({@link Hosting}). A static file may not take the name of a page or a download; the search
 * index, sitemap and robots.txt the build writes win over static files of the same name.
 */
final class Assemble implements Stage {
    @Override
    public String name() { return "assemble"; }

    @Override
    public String run(BuildContext ctx) {
        Report report = ctx.report;
        int downloads = 0;
        for (Products.Producer producer : Products.DOWNLOADS) {
            for (Products.Product p : producer.products().apply(report)) {
                Products.Made before = ctx.last == null ? null : ctx.last.products.get(p.file());
                byte[] bytes = before != null && before.source().equals(p.source()) ? before.bytes() : p.bytes().get();
                put(ctx, p.file(), p.source(), bytes);
                downloads++;
            }
        }
        // files the build writes below, which a static file of the same name does not replace
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put(Reserved.SEARCH_INDEX, SearchIndex.joinUtf8(ctx.pages.stream().map(SitePage::search).toList()));
        String baseUrl = report.meta().baseUrl();
        if (baseUrl != null) {
            written.put(Reserved.SITEMAP, Products.utf8(Hosting.sitemap(baseUrl, ctx.pages.stream().map(SitePage::file).toList())));
            written.put(Reserved.ROBOTS, Products.utf8(Hosting.robots(baseUrl)));
        }
        Set<String> taken = new HashSet<>(ctx.products.keySet());
        for (SitePage p : ctx.pages) taken.add(p.file());
        taken.add(OutputDir.MARKER);
        for (Map.Entry<String, Path> e : statics(ctx.options.staticDir(), taken, ctx.options.out()).entrySet()) {
            if (written.containsKey(e.getKey())) continue;
            ctx.output.copy(e.getKey(), e.getValue());
            ctx.statics.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, byte[]> e : written.entrySet()) put(ctx, e.getKey(), null, e.getValue());
        return downloads + " downloads, " + ctx.statics.size() + " static files, " + String.join(", ", written.keySet());
    }

    private static void put(BuildContext ctx, String file, Object source, byte[] bytes) {
        ctx.output.write(file, bytes);
        ctx.products.put(file, new Products.Made(source, bytes));
    }

    /** The static files by site path, sorted; one that takes a name in {@code taken} is an error naming it in the output. */
    private static Map<String, Path> statics(Path src, Set<String> taken, Path out) {
        Map<String, Path> found = new TreeMap<>();
        if (src == null || !Files.isDirectory(src)) return found;
        try {
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    List<String> names = new ArrayList<>();
                    for (Path n : src.relativize(file)) names.add(n.toString());
                    String rel = String.join("/", names);
                    if (taken.contains(rel)) throw new FileAlreadyExistsException(out.resolve(rel).toString());
                    found.put(rel, file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
