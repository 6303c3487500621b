package org.reportsite.site;

import org.reportsite.model.Location;
import org.reportsite.model.Page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Where in a page's Markdown a link of the built page was written, for the link check's findings. */
final class LinkLines {
    private LinkLines() {}

    /**
     * The Markdown line a link was written on. The page shows the link resolved (a {@code site:} or {@code table:}
     * link made relative, a destination percent-encoded), so the forms it may have been written in are looked for
     * in turn: as it is, decoded, as a {@code site:} path, and by its anchor or file name. A link of the layout is
     * in no line of the page: the file alone.
     */
    static Location locate(Page page, String sourceFile, String link, String fromFile) {
        if (page == null) return Location.of(sourceFile);
        String[] lines = page.markdown().split("\n", -1);
        int hash = link.indexOf('#');
        String path = hash >= 0 ? link.substring(0, hash) : link;
        String frag = hash >= 0 ? link.substring(hash) : "";
        List<String> needles = new ArrayList<>();
        needles.add(link);
        try {
            needles.add(java.net.URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not percent-encoded as written
        }
        String target = path.isEmpty() ? null : SiteBuild.normalize(fromFile, path);
        if (target != null) needles.add("site:" + target + frag);
        if (frag.length() > 1) needles.add(frag);
        if (!path.isEmpty()) needles.add(path.substring(path.lastIndexOf('/') + 1));
        for (String needle : needles) {
            if (needle.isEmpty()) continue;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(needle)) return new Location(sourceFile, page.bodyLine() + i, 0);
            }
        }
        return Location.of(sourceFile);
    }

}
