package org.reportsite.testkit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.reportsite.model.SitePaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A built site read back: its files, its pages parsed with Jsoup, the links in them, and a snapshot of its bytes. */
public final class SiteTree {
    private SiteTree() {}

    /** Every file under {@code root}, as sorted "/"-separated relative paths. */
    public static TreeSet<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .html file under {@code root}, sorted. */
    public static List<String> pages(Path root) {
        return files(root).stream().filter(f -> f.endsWith(".html")).toList();
    }

    /** A page parsed as UTF-8, with its file as base URI. */
    public static Document parse(Path root, String file) {
        try {
            Path p = root.resolve(file);
            return Jsoup.parse(p.toFile(), "UTF-8", p.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local links (href and src) of a page that leave it: no fragments-only, no absolute URLs, no data:. */
    public static List<String> localLinks(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.select("[href], [src]")) {
            String v = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (v.isEmpty() || v.startsWith("#") || v.contains(":")) continue;
            out.add(v);
        }
        return out;
    }

    /** The site file a relative link from {@code fromFile} leads to, without its fragment; null outside the site. */
    public static String target(String fromFile, String link) {
        int hash = link.indexOf('#');
        return SitePaths.resolve(fromFile, hash >= 0 ? link.substring(0, hash) : link);
    }

    /** Every file and folder of a tree with the SHA-256 of each file: two equal snapshots mean byte-identical trees. */
    public record Snapshot(Map<String, String> files) {
        public static Snapshot of(Path root) {
            Map<String, String> m = new TreeMap<>();
            if (!Files.exists(root)) return new Snapshot(m);
            try (Stream<Path> s = Files.walk(root)) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (Path p : s.toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) m.put(rel + "/", "dir");
                    else m.put(rel, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return new Snapshot(m);
        }

        public int size() { return files.size(); }

        /** The files (not folders) whose bytes differ between two snapshots, or that only one has. */
        public List<String> differences(Snapshot other) {
            List<String> out = new ArrayList<>();
            TreeSet<String> all = new TreeSet<>(files.keySet());
            all.addAll(other.files.keySet());
            for (String f : all) if (!java.util.Objects.equals(files.get(f), other.files.get(f))) out.add(f);
            return out;
        }
    }
}
