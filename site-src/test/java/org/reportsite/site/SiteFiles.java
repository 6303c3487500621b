package org.reportsite.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds a site for a test and reads it back: its files, parsed pages and the links in them. */
final class SiteFiles {
    private SiteFiles() {}

    static Path build(Path content, Path out, boolean zip) {
        SiteBuild.Result r = SiteBuild.run(new SiteBuild.Options(content, Path.of("templates"), Path.of("static"), out, true, null, zip));
        assertTrue(r.ok(), () -> "build failed: " + r.findings());
        return out;
    }

    /** Every file under {@code root}, as sorted "/"-separated relative paths. */
    static TreeSet<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pages(Path root) {
        return files(root).stream().filter(f -> f.endsWith(".html")).toList();
    }

    static Document parse(Path root, String file) {
        try {
            return Jsoup.parse(root.resolve(file).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local links (href and src) of a page that leave it: no fragments-only, no absolute URLs, no data:. */
    static List<String> localLinks(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.select("[href], [src]")) {
            String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (v.isEmpty() || v.startsWith("#") || v.contains(":")) continue;
            out.add(v);
        }
        return out;
    }

    /** The site file a relative link from {@code fromFile} leads to, without its fragment; null outside the site. */
    static String target(String fromFile, String link) {
        int hash = link.indexOf('#');
        return SiteBuild.normalize(fromFile, hash >= 0 ? link.substring(0, hash) : link);
    }
}
