package org.reportsite.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The page ids and paths the generator writes itself. A page of the report may not take them, and every
 * stage spells them from here (templates link to them as {@code site:glossary.html}, and the build's link
 * check fails on a template link that does not match a file of the site).
 */
public final class Reserved {
    private Reserved() {}

    /**
     * The pages the generator writes from a template of the same name: {@code listed} pages may be named in the
     * navigation, linked with {@code page:ID} and appear in the sitemap; the 404 page is served for any missing
     * address, so it has no table of contents, no canonical address and (when {@code baseUrl} is set) absolute links.
     */
    public enum Generated {
        GLOSSARY("glossary", "Glossary", true),
        DATA_CHECKS("data-checks", "Data checks", true),
        /** Every page of the site by navigation section: the navigation of a large site shows a bounded part and links here. */
        CONTENTS("contents", "Contents", true),
        NOT_FOUND("404", "Page not found", false);

        private final String id;
        private final String title;
        private final boolean listed;

        Generated(String id, String title, boolean listed) {
            this.id = id;
            this.title = title;
            this.listed = listed;
        }

        public String id() { return id; }

        /**
         * Whether a build of this report writes the page: the Data checks page only when the navigation lists it (a
         * report may leave it out; {@code check} lists every check all the same), the others always.
         */
        public boolean built(ReportMeta meta) { return this != DATA_CHECKS || meta.navigates(id); }

        public String title() { return title; }

        public String file() { return SitePaths.pageFile(id); }

        /** The Thymeleaf template that holds the page's content (rendered into the layout like every page). */
        public String template() { return id; }

        public boolean listed() { return listed; }

        /** The page served at whatever address was not found. */
        public boolean servedForAnyPath() { return this == NOT_FOUND; }

        /** The generated page a navigation section or a {@code page:} link may name, or null. */
        public static Generated listed(String pageId) {
            for (Generated g : values()) if (g.listed && g.id.equals(pageId)) return g;
            return null;
        }

        public static Generated of(String pageId) {
            for (Generated g : values()) if (g.id.equals(pageId)) return g;
            return null;
        }
    }

    /**
     * The folder of the pages of passed checks, one per category ({@code data-checks/footing.html}), beside the Data
     * checks page that links to them: no narrative page may lie in it.
     */
    public static final String DATA_CHECKS_FOLDER = Generated.DATA_CHECKS.id() + "/";

    /** Whether a page id lies in a folder the generator writes its own pages into. */
    public static boolean inGeneratedFolder(String pageId) { return pageId.startsWith(DATA_CHECKS_FOLDER); }

    /** The page a page of the generated folders comes under in the breadcrumbs (the Data checks page), or null. */
    public static Generated parentOf(String pageId) { return inGeneratedFolder(pageId) ? Generated.DATA_CHECKS : null; }

    /** Kept free for a search page. */
    public static final String SEARCH = "search";

    /** Page ids a narrative page may not take: the generated pages and {@link #SEARCH}. */
    public static final Set<String> PAGE_IDS = pageIds();

    /** The folder of the site's own assets (static files and the search index). */
    public static final String ASSETS = "assets/";
    /** The folder of the data downloads and the offline edition. */
    public static final String DOWNLOADS = "downloads/";
    /** The search index, a script next to the page script ({@code window.REPORT_SEARCH = [...]}). */
    public static final String SEARCH_INDEX = ASSETS + "search-index.js";
    /** The folder of the pages' inspector data: one script per page that shows figures of the dataset. */
    public static final String FACTS = ASSETS + "facts/";

    /** The inspector data of the page written to {@code pageFile} ({@code notes/note-15.html} → {@code assets/facts/notes/note-15.js}). */
    public static String facts(String pageFile) {
        return FACTS + (pageFile.endsWith(".html") ? pageFile.substring(0, pageFile.length() - 5) : pageFile) + ".js";
    }

    /** The whole dataset as JSON. */
    public static final String DATASET = DOWNLOADS + "dataset.json";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    /** Every table in one workbook: an index sheet and a sheet per table (no table id has an underscore). */
    public static final String DATASET_XLSX = DOWNLOADS + "all_tables.xlsx";

    /** One table as CSV. */
    public static String csv(String tableId) { return DOWNLOADS + tableId + ".csv"; }

    /** One table as an Excel workbook. */
    public static String xlsx(String tableId) { return DOWNLOADS + tableId + ".xlsx"; }

    /** The offline edition of the site, named for the issuer and period. */
    public static String offlineZip(String name) { return DOWNLOADS + name + ".zip"; }

    /** "glossary, data-checks, ..." for messages: the ids the navigation may name besides narrative pages. */
    public static String listedIds() {
        return String.join(", ", Arrays.stream(Generated.values()).filter(Generated::listed).map(Generated::id).toList());
    }

    private static Set<String> pageIds() {
        Set<String> ids = new TreeSet<>();
        for (Generated g : Generated.values()) ids.add(g.id());
        ids.add(SEARCH);
        return Set.copyOf(ids);
    }

    /** The reserved page ids, sorted, for messages. */
    public static List<String> sortedPageIds() { return List.copyOf(new TreeSet<>(PAGE_IDS)); }
}
