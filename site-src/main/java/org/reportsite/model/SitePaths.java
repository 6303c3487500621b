package org.reportsite.model;

import java.util.ArrayList;
import java.util.List;

/** Output paths of the site and explicit relative links between them (the site must work from file://). */
public final class SitePaths {
    private SitePaths() {}

    /** {@code notes/note-04} → {@code notes/note-04.html}. */
    public static String pageFile(String pageId) { return pageId + ".html"; }

    /** "../" repeated once per folder level of the page, "" at the root. */
    public static String rootPrefix(String fromFile) {
        int depth = (int) fromFile.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /** A relative link from one output file to another ({@code notes/note-04.html} → {@code ../index.html}). */
    public static String relative(String fromFile, String toFile) {
        String[] from = fromFile.split("/");
        String[] to = toFile.split("/");
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) sb.append("../");
        for (int i = common; i < to.length; i++) {
            if (i > common) sb.append('/');
            sb.append(to[i]);
        }
        return sb.toString();
    }

    /**
     * The site file a relative link from {@code fromFile} names ({@code notes/note-04.html} + {@code ../index.html}
     * → {@code index.html}), or null when it climbs out of the site. The link carries no fragment.
     */
    public static String resolve(String fromFile, String relative) {
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
}
