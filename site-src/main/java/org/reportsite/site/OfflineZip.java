package org.reportsite.site;

import org.reportsite.model.ReportMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The offline edition: the whole site in one zip, kept inside the site at {@code downloads/<name>.zip}
 * so the footer can link to it with an ordinary relative link. It holds every file of the site except
 * itself (a zip cannot contain itself) and the build marker, under one top folder {@code <name>/}, so
 * unzipping gives a folder whose {@code index.html} opens the report from file://.
 * <p>
 * Deterministic: entries sorted by path, every timestamp the source document's date (or 1980-01-01),
 * fixed compression level, no extra fields; the same site gives a byte-identical zip.
 */
public final class OfflineZip {
    private static final LocalDateTime FALLBACK_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private OfflineZip() {}

    /** The name of the zip and of its top folder: issuer and period, e.g. {@code sensetime-group-inc-h1-2025}. */
    public static String name(ReportMeta meta) {
        String issuer = meta.issuer() == null ? "report" : meta.issuer().name();
        String base = slug(issuer) + (meta.period() == null ? "" : "-" + slug(meta.period().id()));
        return base.isEmpty() ? "report" : base;
    }

    /** The zip's path inside the site, relative to its root. */
    public static String sitePath(ReportMeta meta) {
        return "downloads/" + name(meta) + ".zip";
    }

    /** Writes the zip of {@code siteDir} into {@code siteDir/downloads/<name>.zip}; returns its path. */
    public static Path write(Path siteDir, ReportMeta meta) {
        String self = sitePath(meta);
        Path zip = siteDir.resolve(self);
        LocalDateTime time = time(meta);
        String top = name(meta) + "/";
        try (Stream<Path> walk = Files.walk(siteDir)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(p -> siteDir.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.equals(self) && !f.equals(OutputDir.MARKER))
                    .toList();
            // every entry, folders (ending in "/") included, in one sorted order
            TreeSet<String> entries = new TreeSet<>();
            for (String f : files) {
                entries.add(top + f);
                for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) entries.add(top + f.substring(0, i + 1));
            }
            entries.add(top);
            Files.createDirectories(zip.getParent());
            try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                for (String name : entries) {
                    ZipEntry e = new ZipEntry(name);
                    e.setTimeLocal(time);
                    out.putNextEntry(e);
                    if (!name.endsWith("/")) Files.copy(siteDir.resolve(name.substring(top.length())), out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    private static LocalDateTime time(ReportMeta meta) {
        if (meta.source() != null && meta.source().date() != null) {
            try {
                return LocalDate.parse(meta.source().date()).atStartOfDay();
            } catch (DateTimeParseException ignored) {
                // not an ISO date: use the fixed fallback
            }
        }
        return FALLBACK_TIME;
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
