package org.reportsite.site;

import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.SitePaths;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Where in a page's Markdown a link of the built page was written, for the link check's findings. */
final class LinkLines {
    private LinkLines() {}

    /**
     * Where a link was written: the content stage kept every link and image destination of the page's Markdown
     * tree with its line and column. The page shows the link resolved (a {@code site:} link made relative, a
     * destination percent-encoded), so the forms it may have been written in are looked for in turn: as it is,
     * decoded, as a {@code site:} path, then by its file name or anchor. A link of the layout is in no line of the
     * page: the file alone.
     */
    static Location locate(Page page, String sourceFile, String link, String fromFile) {
        if (page == null) return Location.of(sourceFile);
        int hash = link.indexOf('#');
        String path = hash >= 0 ? link.substring(0, hash) : link;
        String frag = hash >= 0 ? link.substring(hash) : "";
        List<String> exact = new ArrayList<>(List.of(link));
        try {
            exact.add(java.net.URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not percent-encoded as written
        }
        String target = path.isEmpty() ? null : SitePaths.resolve(fromFile, path);
        if (target != null) exact.add("site:" + target + frag);
        for (String form : exact) {
            for (Reference r : page.references()) if (r.kind() == Reference.Kind.LINK && r.target().equals(form)) return r.location();
        }
        String name = path.isEmpty() ? null : path.substring(path.lastIndexOf('/') + 1);
        for (Reference r : page.references()) {
            if (r.kind() != Reference.Kind.LINK) continue;
            if (name != null && !name.isEmpty() && r.target().contains(name) || frag.length() > 1 && r.target().endsWith(frag)) return r.location();
        }
        return Location.of(sourceFile);
    }
}
