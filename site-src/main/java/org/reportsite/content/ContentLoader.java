package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.reportsite.model.Brand;
import org.reportsite.model.Checks;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Reserved;
import org.reportsite.model.Table;
import org.reportsite.model.Term;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code content} stage: reads a content folder into an immutable {@link Report}. It never stops at the
 * first problem; every problem is added to the findings with its file and line, and the caller decides.
 */
public final class ContentLoader {

    /** File endings of Markdown that are not read as pages: a page must end in ".md" (lower case). */
    private static final Pattern MARKDOWN_LIKE = Pattern.compile("(?i).*\\.(md|markdown|mdown|mkdn|mkd|mdwn|mdtxt|mdtext|rmd)");

    private final Path root;
    private final InputFolder folder;
    private final Findings findings;
    private final ParsedFiles reuse;
    /** Told of the page bodies whose trees are not kept for the markdown stage. */
    private final MarkdownSyntax.Unkept unkept;
    /** Where the pages' trees go, once report.json and the tables are read. */
    private MarkdownSyntax.Trees trees;
    /** Tables whose files had errors (by file name); see {@link Report#damagedTables()}. */
    private final Set<String> damaged = new java.util.TreeSet<>();
    /** Pages whose files had errors (by id); see {@link Report#damagedPages()}. */
    private final Set<String> damagedPages = new java.util.TreeSet<>();

    private ContentLoader(Path root, Findings findings, ParsedFiles reuse, MarkdownSyntax.Unkept unkept) {
        this.root = root;
        this.folder = InputFolder.content(root);
        this.findings = findings;
        this.reuse = reuse;
        this.unkept = unkept;
    }

    /** Loads everything it can; returns null only when there is no usable report at all. */
    public static Report load(Path contentDir, Findings findings) {
        return new ContentLoader(contentDir, findings, null, MarkdownSyntax.Unkept.NONE).load();
    }

    /** {@link #load(Path, Findings)}, reusing pages and tables of unchanged files from {@code reuse} and keeping new ones in it. */
    public static Report load(Path contentDir, Findings findings, ParsedFiles reuse) {
        return load(contentDir, findings, reuse, MarkdownSyntax.Unkept.NONE);
    }

    /**
     * {@link #load(Path, Findings, ParsedFiles)} ({@code reuse} may be null), handing each page body whose tree is not
     * kept for the markdown stage to {@code unkept} while the tree is at hand ({@link MarkdownSyntax.Unkept}).
     */
    public static Report load(Path contentDir, Findings findings, ParsedFiles reuse, MarkdownSyntax.Unkept unkept) {
        return new ContentLoader(contentDir, findings, reuse, unkept).load();
    }

    private Report load() {
        if (!Files.isDirectory(root)) {
            findings.error("content.missing", Location.of(root.toString()), "the content folder does not exist or is not a folder",
                    "Pass the folder that holds report.json with --content, or create it (see docs/content-format.md).");
            return null;
        }
        ReportMeta meta = readMeta();
        Map<String, Table> tables = readTables();
        trees = unkept == MarkdownSyntax.Unkept.NONE ? MarkdownSyntax.Trees.KEPT_ONLY
                : new MarkdownSyntax.Trees(unkept, meta != null && meta.trustedHtml(), !tables.isEmpty());
        List<Page> pages = readPages();
        String[] glossaryIntro = new String[1];
        List<Term> glossary = readGlossary(glossaryIntro);
        Checks checks = readChecks();
        if (meta == null) return null;
        return new Report(meta, tables, pages, glossary, glossaryIntro[0], checks, damaged, damagedPages);
    }

    private LocatedJson json(String relative, boolean required) {
        Path file = root.resolve(relative);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (required) {
                findings.error("content.missing", Location.of(relative), "required file " + relative + " is missing",
                        "Create it; docs/content-format.md shows its fields.");
            }
            return null;
        }
        try {
            return LocatedJson.parse(relative, folder.readText(file, relative));
        } catch (ContentSyntaxException e) {
            findings.error(e.code(), e.location(), e.getMessage(), e.hint());
            return null;
        }
    }

    private ReportMeta readMeta() {
        LocatedJson doc = json("report.json", true);
        if (doc == null) return null;
        JsonFields f = new JsonFields(doc, findings);
        JsonNode r = doc.root();
        if (!f.isObject(r, "report.json")) return null;
        f.unknownFields(r, "report.json", Keys.REPORT);
        f.text(r, Keys.SCHEMA, "report.json", false);
        ReportMeta.Issuer issuer = null;
        JsonNode iss = r.get("issuer");
        if (iss == null) {
            findings.error("json.missing", f.at(r), "report.json has no \"issuer\"", "Add \"issuer\": { \"name\": ... }.");
        } else if (f.isObject(iss, "\"issuer\"")) {
            List<ReportMeta.StockCode> codes = new ArrayList<>();
            for (JsonNode c : f.objects(iss, "stockCodes", "the issuer", false)) {
                f.unknownFields(c, "a stock code", Keys.STOCK_CODE);
                codes.add(new ReportMeta.StockCode(f.text(c, "code", "a stock code", true), f.text(c, "counter", "a stock code", false)));
            }
            f.unknownFields(iss, "the issuer", Keys.ISSUER);
            String localName = f.text(iss, "localName", "the issuer", false);
            issuer = new ReportMeta.Issuer(f.text(iss, "name", "the issuer", true), localName, language(f, iss, localName),
                    f.text(iss, "description", "the issuer", false), List.copyOf(codes));
        }
        ReportMeta.Period period = period(f, r.get("period"), "\"period\"", r, true);
        List<ReportMeta.Period> comparatives = new ArrayList<>();
        for (JsonNode p : f.objects(r, "comparativePeriods", "report.json", false)) comparatives.add(period(f, p, "a comparative period", r, true));
        ReportMeta.Source source = null;
        JsonNode s = r.get("source");
        if (s != null && f.isObject(s, "\"source\"")) {
            f.unknownFields(s, "the source", Keys.SOURCE);
            source = new ReportMeta.Source(f.text(s, "title", "the source", true), date(f, s, "date", "the source"),
                    f.text(s, "url", "the source", false));
        }
        String baseUrl = f.text(r, "baseUrl", "report.json", false);
        String urlProblem = baseUrl == null ? null : BaseUrl.problem(baseUrl);
        if (urlProblem != null) {
            findings.error("report.base-url", f.at(r.get("baseUrl")), "\"baseUrl\" " + urlProblem + ", found \"" + baseUrl + "\"",
                    "Write an absolute http(s) address of the folder the site is published in, e.g. \"https://ir.example.com/h1-2025/\""
                            + " (spaces and other special characters percent-encoded), or null.");
            baseUrl = null;
        }
        if (baseUrl != null && !baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        List<ReportMeta.NavSection> nav = new ArrayList<>();
        for (JsonNode n : f.objects(r, "navigation", "report.json", true)) {
            f.unknownFields(n, "a navigation section", Keys.NAV_SECTION);
            String title = f.text(n, "title", "a navigation section", true);
            List<String> pages = f.strings(n, "pages", "a navigation section");
            String dir = f.text(n, "dir", "a navigation section", false);
            if (pages.isEmpty() == (dir == null)) {
                findings.error("report.navigation", f.at(n), "navigation section \"" + title + "\" must have either \"pages\" or \"dir\"",
                        "List its page ids in \"pages\", or name a narrative folder in \"dir\".");
                continue;
            }
            if (dir != null && !PageReader.PAGE_ID.matcher(dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir).matches()) {
                findings.error("nav.dir", f.at(n.get("dir")), "navigation folder \"" + dir + "\" is not a folder of narrative/",
                        "Name a folder inside narrative/ by its relative path, e.g. \"notes\" (no '..', no leading '/', no drive letter).");
                continue;
            }
            nav.add(new ReportMeta.NavSection(title, List.copyOf(pages), dir, f.at(n)));
        }
        List<ReportMeta.Highlight> highlights = new ArrayList<>();
        for (JsonNode h : f.objects(r, "highlights", "report.json", false)) {
            f.unknownFields(h, "a highlight", Keys.HIGHLIGHT);
            String fact = f.text(h, "fact", "a highlight", true);
            if (fact == null) continue;
            List<String> parts = new ArrayList<>();
            for (String o : fact.split("\\|")) if (!o.isBlank()) parts.add(o.strip());
            if (parts.isEmpty()) continue;
            highlights.add(new ReportMeta.Highlight(parts.get(0), List.copyOf(parts.subList(1, parts.size())), f.text(h, "label", "a highlight", false),
                    f.text(h, "change", "a highlight", false), f.text(h, "compare", "a highlight", false), f.text(h, "link", "a highlight", false), f.at(h)));
        }
        String legal = f.text(r, "legalNotice", "report.json", false);
        ReportMeta.PageRef legalNotice = legal == null ? null : new ReportMeta.PageRef(legal, f.at(r.get("legalNotice")));
        Brand brand = brand(f, r.get("brand"));
        String title = f.text(r, "title", "report.json", true);
        if (issuer == null || title == null || period == null) return null;
        String shortTitle = f.text(r, "shortTitle", "report.json", false);
        return new ReportMeta(issuer, title, shortTitle == null ? title : shortTitle, period, List.copyOf(comparatives),
                f.text(r, "currency", "report.json", true), source, baseUrl, List.copyOf(nav), f.bool(r, "trustedHtml", "report.json", false),
                List.copyOf(highlights), legalNotice, brand);
    }

    /** Image files a logo may be. */
    private static final Set<String> LOGO_TYPES = Set.of("svg", "png", "jpg", "jpeg", "webp", "gif");

    /**
     * report.json "brand": a logo file of the content folder and an accent colour readable on every background it
     * is written on ({@link Brand.Colour#worstContrast}); each problem located at its field, with what would do.
     */
    private Brand brand(JsonFields f, JsonNode b) {
        if (b == null || b.isNull() || !f.isObject(b, "\"brand\"")) return null;
        f.unknownFields(b, "\"brand\"", Keys.BRAND);
        String logo = f.text(b, "logo", "\"brand\"", false);
        String written = f.text(b, "accent", "\"brand\"", false);
        if (logo != null) {
            String ext = logo.contains(".") ? logo.substring(logo.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
            Path file = root.resolve(logo).normalize();
            if (!LOGO_TYPES.contains(ext)) {
                findings.error("brand.logo", f.at(b.get("logo")), "the logo \"" + logo + "\" is not an image file this site can show",
                        "Name an .svg, .png, .jpg, .webp or .gif file of the content folder, e.g. \"logo.svg\".");
                logo = null;
            } else if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                findings.error("brand.logo", f.at(b.get("logo")), "the logo \"" + logo + "\" is not a file of the content folder",
                        "Put the image into the content folder (next to report.json) and name it by its path there, e.g. \"logo.svg\".");
                logo = null;
            } else {
                try {
                    folder.checkInside(file, logo);
                } catch (ContentSyntaxException e) {
                    findings.error("brand.logo", f.at(b.get("logo")), e.getMessage(), e.hint());
                    logo = null;
                }
            }
        }
        String accent = null;
        if (written != null) {
            accent = Brand.Colour.normalise(written);
            if (accent == null) {
                findings.error("brand.accent", f.at(b.get("accent")), "the accent colour \"" + written + "\" is not a colour written #rrggbb",
                        "Write it as a hexadecimal colour, e.g. \"#8a1538\".");
            } else if (Brand.Colour.worstContrast(accent) < Brand.MIN_CONTRAST) {
                String readable = Brand.Colour.darkenUntilReadable(accent);
                findings.error("brand.contrast", f.at(b.get("accent")), String.format(java.util.Locale.ROOT,
                                "the accent colour %s is too light to read as link text: contrast %.2f:1 on the site's light backgrounds, "
                                        + "WCAG AA needs %.1f:1", accent, Brand.Colour.worstContrast(accent), Brand.MIN_CONTRAST),
                        String.format(java.util.Locale.ROOT, "Use a darker shade of it, such as \"%s\" (%.2f:1), or your brand's dark colour.",
                                readable, Brand.Colour.worstContrast(readable)));
                accent = null;
            }
        }
        return logo == null && accent == null ? null : new Brand(logo, accent, f.at(b));
    }

    /**
     * The language of the issuer's local name: {@code localNameLang} when given (a well-formed BCP 47 tag), else
     * the name's script: Han alone is Chinese ({@code zh}), with kana Japanese, with Hangul Korean; null otherwise.
     */
    private String language(JsonFields f, JsonNode issuer, String localName) {
        String tag = f.text(issuer, "localNameLang", "the issuer", false);
        if (tag != null) {
            try {
                return new java.util.Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
            } catch (java.util.IllformedLocaleException e) {
                findings.error("report.lang", f.at(issuer.get("localNameLang")), "\"localNameLang\" \"" + tag + "\" is not a language tag",
                        "Write a BCP 47 tag such as \"zh-Hans\" (Simplified Chinese), \"zh-Hant\" (Traditional Chinese) or \"ja\".");
                return null;
            }
        }
        if (localName == null) return null;
        boolean han = false, kana = false, hangul = false;
        for (int i = 0; i < localName.length(); ) {
            int c = localName.codePointAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            han |= s == Character.UnicodeScript.HAN;
            kana |= s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
            hangul |= s == Character.UnicodeScript.HANGUL;
            i += Character.charCount(c);
        }
        return kana ? "ja" : hangul ? "ko" : han ? "zh" : null;
    }

    private ReportMeta.Period period(JsonFields f, JsonNode p, String what, JsonNode parent, boolean required) {
        if (p == null) {
            if (required) findings.error("json.missing", f.at(parent), "report.json has no " + what, "Add \"period\": { \"id\", \"label\", \"end\" }.");
            return null;
        }
        if (!f.isObject(p, what)) return null;
        f.unknownFields(p, what, Keys.PERIOD);
        return new ReportMeta.Period(f.text(p, "id", what, true), f.text(p, "label", what, true), date(f, p, "end", what));
    }

    /**
     * An optional date field: an ISO date (YYYY-MM-DD) that exists. "2025-02-30" or "06/07/2025" (6 July or
     * 7 June?) would be shown and used as written; both are refused with the value's line.
     */
    private String date(JsonFields f, JsonNode obj, String field, String what) {
        String v = f.text(obj, field, what, false);
        if (v == null) return null;
        String problem = null;
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            problem = v.matches("\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}") ? "is ambiguous (day and month could be either way round)"
                    : "is not a date written YYYY-MM-DD";
        } else {
            try {
                java.time.LocalDate.parse(v, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (java.time.format.DateTimeParseException e) {
                problem = "is not a date that exists";
            }
        }
        if (problem == null) return v;
        findings.error("report.date", f.at(obj.get(field)), "\"" + field + "\" of " + what + " \"" + v + "\" " + problem,
                "Write the date as YYYY-MM-DD, e.g. \"2025-06-30\".");
        return null;
    }

    private Map<String, Table> readTables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        Path dir = root.resolve("data");
        if (!Files.isDirectory(dir)) return tables;
        for (Path file : list(dir, ".json")) {
            String name = file.getFileName().toString();
            String relative = "data/" + name;
            BasicFileAttributes attrs = reuse == null ? null : ParsedFiles.attributes(file);
            Table known = reuse == null ? null : reuse.get(relative, attrs, Table.class);
            if (known != null) {
                tables.put(known.id(), known);
                continue;
            }
            int before = findings.list().size();
            String expectedId = name.substring(0, name.length() - ".json".length());
            LocatedJson doc = json(relative, true);
            Table t = doc == null ? null : TableReader.read(doc, expectedId, findings);
            List<Finding> found = findings.list();
            if (reuse != null) {
                if (found.size() == before) reuse.put(relative, attrs, t);
                else reuse.forget(relative);
            }
            if (found.subList(before, found.size()).stream().anyMatch(Finding::isError)) damaged.add(expectedId);
            if (t != null) tables.putIfAbsent(t.id(), t);
        }
        for (Path file : list(dir, ".xlsx")) {
            // "~$results.xlsx" is the lock file Excel keeps next to a workbook while it is open: not a workbook
            if (!file.getFileName().toString().startsWith("~$")) readWorkbook(file, tables);
        }
        return tables;
    }

    /**
     * The tables of a workbook (one per sheet), read into the same located trees as a JSON table and by the same
     * {@link TableReader}, so every rule and message is shared and a finding names the sheet and cell.
     */
    private void readWorkbook(Path file, Map<String, Table> tables) {
        String relative = "data/" + file.getFileName();
        BasicFileAttributes attrs = reuse == null ? null : ParsedFiles.attributes(file);
        @SuppressWarnings("unchecked")
        List<Table> known = reuse == null ? null : (List<Table>) reuse.get(relative, attrs, List.class);
        if (known != null) {
            for (Table t : known) tables.putIfAbsent(t.id(), t);
            return;
        }
        int before = findings.list().size();
        byte[] bytes;
        try {
            Path real = file;
            if (Files.size(real) > WorkbookReader.MAX_FILE_BYTES) {
                findings.error("workbook.too-large", Location.of(relative), "the workbook is " + Files.size(real) / (1024 * 1024)
                        + " MB, over the limit of " + WorkbookReader.MAX_FILE_BYTES / (1024 * 1024) + " MB",
                        "Keep the tables of the report in the workbook and move other data out of it.");
                if (reuse != null) reuse.forget(relative);
                return;
            }
            bytes = folder.readBytes(file, relative);
        } catch (ContentSyntaxException e) {
            findings.error(e.code(), e.location(), e.getMessage(), e.hint());
            if (reuse != null) reuse.forget(relative);
            return;
        } catch (IOException e) {
            findings.error("content.read", Location.of(relative), "cannot read the workbook: " + e.getClass().getSimpleName(),
                    "Check that the file exists and is readable.");
            if (reuse != null) reuse.forget(relative);
            return;
        }
        List<Table> read = new ArrayList<>();
        for (WorkbookReader.SheetTable s : WorkbookReader.read(bytes, relative, findings)) {
            if (s.doc() == null || s.id() == null) {
                if (s.id() != null) damaged.add(s.id()); // its findings say why; references to it are follow-ons
                continue;
            }
            int sheetBefore = findings.list().size();
            String id = s.id();
            Table t = TableReader.read(s.doc(), id, findings);
            Table first = tables.get(id);
            if (first != null || read.stream().anyMatch(x -> x.id().equals(id))) {
                Location prev = first != null ? first.location() : read.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().location();
                findings.error("table.duplicate", TableReader.where(s.doc()), "table \"" + id + "\" is defined twice (first at " + prev + ")",
                        "Keep one of them: a table is a JSON file or a workbook sheet, not both.");
                continue;
            }
            List<Finding> found = findings.list();
            if (s.errors() || found.subList(sheetBefore, found.size()).stream().anyMatch(Finding::isError)) damaged.add(id);
            if (t != null) read.add(t);
        }
        for (Table t : read) tables.putIfAbsent(t.id(), t);
        if (reuse != null) {
            if (findings.list().size() == before) reuse.put(relative, attrs, List.copyOf(read));
            else reuse.forget(relative);
        }
    }

    private List<Page> readPages() {
        List<Page> pages = new ArrayList<>();
        Path dir = root.resolve("narrative");
        if (!Files.isDirectory(dir)) {
            findings.error("content.missing", Location.of("narrative/"), "the narrative folder is missing",
                    "Create content/narrative/ with at least index.md.");
            return pages;
        }
        // files are read and parsed in parallel; their pages and findings are taken in file order
        record Read(String id, Page page, List<Finding> found) {}
        List<Read> read = pageFiles(dir).entrySet().parallelStream().map(file -> {
            Findings local = new Findings();
            Page p = readPage(dir, file.getKey(), file.getValue(), local);
            if (p != null) return new Read(p.id(), p, local.list());
            String rel = dir.relativize(file.getKey()).toString().replace('\\', '/');
            return new Read(rel.substring(0, rel.length() - ".md".length()), p, local.list());
        }).toList();
        for (Read r : read) {
            findings.addAll(r.found());
            if (r.page() != null) pages.add(r.page());
            else if (r.found().stream().anyMatch(Finding::isError)) damagedPages.add(r.id());
        }
        return pages;
    }

    /**
     * A file's path below {@code dir}, its names joined by '/'. Joined by name, not by replacing '\\': on Linux a
     * backslash is part of a file name (and the page id check refuses it).
     */
    private static String relative(Path dir, Path file) {
        if (SLASH) {
            String d = dir.toString(), f = file.toString();
            if (f.length() > d.length() + 1 && f.startsWith(d) && f.charAt(d.length()) == '/') return f.substring(d.length() + 1);
        }
        List<String> names = new ArrayList<>();
        for (Path n : dir.relativize(file)) names.add(n.toString());
        return String.join("/", names);
    }

    /** Whether the file system separates names with '/' (then a path's text below a folder is its names joined by '/'). */
    private static final boolean SLASH = java.nio.file.FileSystems.getDefault().getSeparator().equals("/");

    /** glossary.json: a list of terms, or {@code {"intro": "...", "terms": [...]}} with the sentence that opens the definitions. */
    private Page readPage(Path dir, Path file, BasicFileAttributes walked, Findings findings) {
        String rel = relative(dir, file);
        String shownAs = "narrative/" + rel;
        // a file read before, unchanged: its path passed the checks below then
        Page known = reuse == null ? null : reuse.get(shownAs, walked, Page.class);
        if (known != null) return known;
        String id = rel.substring(0, rel.length() - ".md".length());
        if (!PageReader.PAGE_ID.matcher(id).matches()) {
            findings.error("page.path", Location.of(shownAs), "page path \"" + rel + "\" cannot become a web address",
                    "Use lower-case letters, digits, '-' and '_' in file and folder names.");
            return null;
        }
        if (Reserved.PAGE_IDS.contains(id)) {
            findings.error("page.reserved", Location.of(shownAs), "page \"" + id + "\" would overwrite the generated " + id + ".html",
                    "Rename the file; " + String.join(", ", Reserved.sortedPageIds()) + " are generated.");
            return null;
        }
        if (Reserved.inGeneratedFolder(id)) {
            findings.error("page.reserved", Location.of(shownAs), "page \"" + id + "\" lies in the folder " + Reserved.DATA_CHECKS_FOLDER
                    + ", where the generator writes the pages of passed checks", "Move the file to another folder of narrative/.");
            return null;
        }
        BasicFileAttributes attrs = walked;
        Page p = null;
        try {
            p = PageReader.read(id, shownAs, folder.readText(file, shownAs), findings, trees);
        } catch (ContentSyntaxException e) {
            findings.error(e.code(), e.location(), e.getMessage(), e.hint());
        }
        if (reuse != null) {
            if (findings.list().isEmpty()) reuse.put(shownAs, attrs, p);
            else reuse.forget(shownAs);
        }
        return p;
    }

    private List<Term> readGlossary(String[] intro) {
        LocatedJson doc = json("glossary.json", false);
        List<Term> terms = new ArrayList<>();
        if (doc == null) return terms;
        JsonFields f = new JsonFields(doc, findings);
        JsonNode list = doc.root();
        if (list.isObject()) {
            f.unknownFields(list, "glossary.json", Keys.GLOSSARY);
            f.text(list, Keys.SCHEMA, "glossary.json", false);
            intro[0] = f.text(list, "intro", "glossary.json", false);
            list = list.get("terms");
        }
        if (list == null || !list.isArray()) {
            findings.error("json.type", f.at(list == null ? doc.root() : list), "glossary.json must be a list of terms [...] or {\"intro\", \"terms\": [...]}",
                    "Write [ { \"term\": \"...\", \"definition\": \"...\" }, ... ], or { \"intro\": \"...\", \"terms\": [ ... ] }.");
            return terms;
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (JsonNode t : list) {
            if (!f.isObject(t, "a glossary entry")) continue;
            f.unknownFields(t, "a glossary entry", Keys.TERM);
            String term = f.text(t, "term", "a glossary entry", true);
            String def = f.text(t, "definition", "a glossary entry", true);
            if (term == null || def == null) continue;
            Term made = new Term(term, List.copyOf(f.strings(t, "aliases", "term " + term)), def, f.at(t));
            Location prev = seen.putIfAbsent(made.anchor(), f.at(t));
            if (prev != null) {
                findings.error("glossary.duplicate", f.at(t), "term \"" + term + "\" is defined twice (first at " + prev + ")", "Keep one definition.");
                continue;
            }
            terms.add(made);
        }
        return terms;
    }

    private Checks readChecks() {
        LocatedJson doc = json("checks.json", false);
        if (doc == null) return Checks.NONE;
        JsonFields f = new JsonFields(doc, findings);
        JsonNode r = doc.root();
        if (!f.isObject(r, "checks.json")) return Checks.NONE;
        f.unknownFields(r, "checks.json", Keys.CHECKS);
        f.text(r, Keys.SCHEMA, "checks.json", false);
        List<Checks.Tie> ties = new ArrayList<>();
        for (JsonNode t : f.objects(r, "ties", "checks.json", false)) {
            f.unknownFields(t, "a tie", Keys.TIE);
            JsonNode left = t.get("left");
            List<String> lefts = left != null && left.isArray() ? f.strings(t, "left", "a tie")
                    : left == null ? List.of() : List.of(String.valueOf(f.text(t, "left", "a tie", true)));
            ties.add(new Checks.Tie(f.text(t, "id", "a tie", true), f.text(t, "description", "a tie", true), List.copyOf(lefts),
                    f.text(t, "right", "a tie", true), List.copyOf(f.strings(t, "columns", "a tie")), f.at(t)));
        }
        List<Checks.Precision> precision = new ArrayList<>();
        for (JsonNode p : f.objects(r, "precision", "checks.json", false)) {
            f.unknownFields(p, "a precision entry", Keys.PRECISION);
            precision.add(new Checks.Precision(f.text(p, "table", "a precision entry", true), List.copyOf(f.strings(p, "columns", "a precision entry")),
                    f.bool(p, "rounded", "a precision entry", true), f.text(p, "reason", "a precision entry", true), f.at(p)));
        }
        List<Checks.Acknowledged> acks = new ArrayList<>();
        for (JsonNode a : f.objects(r, "acknowledged", "checks.json", false)) {
            f.unknownFields(a, "an acknowledged exception", Keys.ACKNOWLEDGED);
            acks.add(new Checks.Acknowledged(f.text(a, "finding", "an acknowledged exception", true),
                    f.text(a, "reason", "an acknowledged exception", true), f.at(a)));
        }
        return new Checks(List.copyOf(ties), List.copyOf(precision), List.copyOf(acks));
    }

    private List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.sorted(Comparator.comparing(Path::toString)).toList();
            for (Path p : all) {
                String n = p.getFileName().toString();
                if (!n.endsWith(suffix) && n.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    findings.error("content.extension", Location.of(rel), "\"" + n + "\" is not read: only files ending in \"" + suffix + "\" (lower case) are",
                            "Rename it to end in \"" + suffix + "\", or move it out of " + root.relativize(dir) + "/.");
                }
            }
            return all.stream().filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            findings.error("content.read", Location.of(root.relativize(dir).toString()), "cannot list folder: " + e.getMessage(),
                    "Check that the folder exists and is readable.");
            return List.of();
        }
    }

    /**
     * The .md files under {@code dir} as {@link #walk} finds them. A preview that watches the content ({@link
     * ParsedFiles#watching}) takes over its last clean walk with the files reported changed since, each looked at again;
     * a change the walk alone can judge (a folder made, removed or renamed, a link, a misnamed page, lost events) makes it
     * walk the folder again.
     */
    private Map<Path, BasicFileAttributes> pageFiles(Path dir) {
        SortedMap<String, Map.Entry<Path, BasicFileAttributes>> files = reuse == null ? null : sinceLastWalk(dir);
        if (files == null) {
            if (reuse != null) reuse.takeChanged(); // the walk below sees these
            int before = findings.list().size();
            files = walk(dir);
            if (reuse != null) reuse.keepWalk(findings.list().size() == before ? new ParsedFiles.Walk(dir.toAbsolutePath().normalize(), files) : null);
        } else {
            reuse.keepWalk(new ParsedFiles.Walk(dir.toAbsolutePath().normalize(), files));
        }
        Map<Path, BasicFileAttributes> out = new LinkedHashMap<>();
        for (var e : files.values()) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** The last walk of {@code dir} with the reported changes applied, or null when the folder must be walked. */
    private SortedMap<String, Map.Entry<Path, BasicFileAttributes>> sinceLastWalk(Path dir) {
        ParsedFiles.Walk last = reuse.walk();
        Path abs = dir.toAbsolutePath().normalize();
        if (last == null || !last.dir().equals(abs)) return null;
        SortedMap<String, Map.Entry<Path, BasicFileAttributes>> files = new TreeMap<>(last.files());
        String base = abs.toString(), separator = abs.getFileSystem().getSeparator();
        for (Path p : reuse.takeChanged()) {
            if (abs.startsWith(p)) return null; // the folder itself, or one above it
            if (!p.startsWith(abs)) continue;
            String key = p.toString().substring(base.length());
            boolean holdsPages = !files.subMap(key + separator, key + separator + Character.MAX_VALUE).isEmpty();
            BasicFileAttributes a = ParsedFiles.attributes(p);
            if (a == null) {
                if (holdsPages || Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return null; // a folder of pages gone, or a file that cannot be read
                files.remove(key);
                continue;
            }
            if (!a.isRegularFile()) return null; // a folder, a link or another kind of file
            String name = p.getFileName().toString();
            if (name.endsWith(".md")) files.put(key, Map.entry(dir.resolve(abs.relativize(p)), a));
            else if (MARKDOWN_LIKE.matcher(name).matches()) return null; // the walk reports it
        }
        return files;
    }

    /** The .md files under {@code dir}, by their path below it, with the attributes the walk read for each (not following links). */
    private SortedMap<String, Map.Entry<Path, BasicFileAttributes>> walk(Path dir) {
        // in the order of the paths' text below the folder (the rest is the same)
        SortedMap<String, Map.Entry<Path, BasicFileAttributes>> found = new TreeMap<>();
        String base = dir.toString();
        List<String> misnamed = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    // a link costs one more look (where it points); files and folders are known from the walk
                    String n = p.getFileName().toString();
                    boolean file = a.isSymbolicLink() ? !Files.isDirectory(p) : !a.isDirectory();
                    if (!file) {
                        folder.linkedFolder(p, root.relativize(p).toString().replace('\\', '/'), findings);
                    } else if (n.endsWith(".md")) {
                        String text = p.toString();
                        found.put(text.startsWith(base) ? text.substring(base.length()) : text, Map.entry(p, a));
                    } else if (MARKDOWN_LIKE.matcher(n).matches()) {
                        misnamed.add("narrative/" + dir.relativize(p).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.error("content.read", Location.of("narrative/"), "cannot list folder: " + e.getMessage(),
                    "Check that the folder exists and is readable.");
            return new TreeMap<>();
        }
        misnamed.sort(null);
        for (String m : misnamed) {
            findings.error("page.extension", Location.of(m), "\"" + m + "\" is not read: pages are files ending in \".md\" (lower case)",
                    "Rename it to end in \".md\" to make it a page, or move it out of narrative/.");
        }
        return found;
    }
}
