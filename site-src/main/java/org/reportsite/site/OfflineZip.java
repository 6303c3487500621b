package org.reportsite.site;

import org.reportsite.model.ReportMeta;
import org.reportsite.model.Reserved;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
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
        return Reserved.offlineZip(name(meta));
    }

    /** Reads one file of the site by its site path. */
    public interface Files {
        InputStream open(String file) throws IOException;
    }

    /** The zip of {@code siteFiles} (site paths; the zip itself and the build marker are left out), each read through {@code files}. */
    public static byte[] zip(Collection<String> siteFiles, Files files, ReportMeta meta) {
        String self = sitePath(meta);
        LocalDateTime time = time(meta);
        String top = name(meta) + "/";
        // every entry, folders (ending in "/") included, in one sorted order
        TreeSet<String> entries = new TreeSet<>();
        for (String f : siteFiles) {
            if (f.equals(self) || f.equals(OutputDir.MARKER)) continue;
            entries.add(top + f);
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) entries.add(top + f.substring(0, i + 1));
        }
        entries.add(top);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : entries) {
                ZipEntry e = new ZipEntry(name);
                e.setTimeLocal(time);
                out.putNextEntry(e);
                if (!name.endsWith("/")) {
                    try (InputStream in = files.open(name.substring(top.length()))) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
