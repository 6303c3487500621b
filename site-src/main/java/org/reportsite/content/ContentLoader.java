package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code content} stage: reads a content folder into an immutable {@link Report}. It never stops at the
 * first problem; every problem is added to the findings with its file and line, and the caller decides.
 */
public final class ContentLoader {
    private static final Set<String> REPORT_FIELDS = Set.of("issuer", "title", "shortTitle", "period", "comparativePeriods",
            "currency", "source", "baseUrl", "navigation", "trustedHtml", "highlights", "legalNotice");

    private final Path root;
    private final Findings findings;
    private final ParsedFiles reuse;

    private ContentLoader(Path root, Findings findings, ParsedFiles reuse) {
        this.root = root;
        this.findings = findings;
        this.reuse = reuse;
    }

    /** Loads everything it can; returns null only when there is no usable report at all. */
    public static Report load(Path contentDir, Findings findings) {
        return new ContentLoader(contentDir, findings, null).load();
    }

    /** {@link #load(Path, Findings)}, reusing pages and tables of unchanged files from {@code reuse} and keeping new ones in it. */
    public static Report load(Path contentDir, Findings findings, ParsedFiles reuse) {
        return new ContentLoader(contentDir, findings, reuse).load();
    }

    private Report load() {
        if (!Files.isDirectory(root)) {
            findings.error("content.missing", Location.of(root.toString()), "the content folder does not exist or is not a folder",
                    "Pass the folder that holds report.json with --content, or create it (see docs/content-format.md).");
            return null;
        }
        ReportMeta meta = readMeta();
        Map<String, Table> tables = readTables();
        List<Page> pages = readPages();
        String[] glossaryIntro = new String[1];
        List<Term> glossary = readGlossary(glossaryIntro);
        Checks checks = readChecks();
        if (meta == null) return null;
        return new Report(meta, tables, pages, glossary, glossaryIntro[0], checks);
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
            checkInside(file, relative);
            return LocatedJson.parse(relative, TextFiles.read(file, relative));
        } catch (ContentSyntaxException e) {
            findings.error(e.code(), e.location(), e.getMessage(), e.hint());
            return null;
        }
    }

    /** A symbolic link may not pull files from outside the content folder into the site. */
    private void checkInside(Path file, String relative) throws ContentSyntaxException {
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new ContentSyntaxException("content.outside", Location.of(relative), "file resolves to a location outside the content folder",
                        "Copy the file into the content folder instead of linking to it.");
            }
        } catch (IOException e) {
            throw new ContentSyntaxException("content.read", Location.of(relative),
                    "file cannot be read (a broken symbolic link, or it was removed during the build)",
                    "Replace it with a regular file, or remove it from the content folder.");
        }
    }

    private ReportMeta readMeta() {
        LocatedJson doc = json("report.json", true);
        if (doc == null) return null;
        JsonFields f = new JsonFields(doc, findings);
        JsonNode r = doc.root();
        if (!f.isObject(r, "report.json")) return null;
        f.unknownFields(r, "report.json", REPORT_FIELDS);
        ReportMeta.Issuer issuer = null;
        JsonNode iss = r.get("issuer");
        if (iss == null) {
            findings.error("json.missing", f.at(r), "report.json has no \"issuer\"", "Add \"issuer\": { \"name\": ... }.");
        } else if (f.isObject(iss, "\"issuer\"")) {
            List<ReportMeta.StockCode> codes = new ArrayList<>();
            for (JsonNode c : f.objects(iss, "stockCodes", "the issuer", false)) {
                codes.add(new ReportMeta.StockCode(f.text(c, "code", "a stock code", true), f.text(c, "counter", "a stock code", false)));
            }
            f.unknownFields(iss, "the issuer", Set.of("name", "localName", "localNameLang", "description", "stockCodes"));
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
            source = new ReportMeta.Source(f.text(s, "title", "the source", true), f.text(s, "date", "the source", false),
                    f.text(s, "url", "the source", false));
        }
        String baseUrl = f.text(r, "baseUrl", "report.json", false);
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s]+")) {
            findings.error("report.base-url", f.at(r.get("baseUrl")), "\"baseUrl\" must be an absolute http(s) URL, found \"" + baseUrl + "\"",
                    "Write e.g. \"https://ir.example.com/h1-2025/\" or null.");
            baseUrl = null;
        }
        if (baseUrl != null && !baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        List<ReportMeta.NavSection> nav = new ArrayList<>();
        for (JsonNode n : f.objects(r, "navigation", "report.json", true)) {
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
            f.unknownFields(h, "a highlight", Set.of("fact", "label", "change", "compare", "link"));
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
        String title = f.text(r, "title", "report.json", true);
        if (issuer == null || title == null || period == null) return null;
        String shortTitle = f.text(r, "shortTitle", "report.json", false);
        return new ReportMeta(issuer, title, shortTitle == null ? title : shortTitle, period, List.copyOf(comparatives),
                f.text(r, "currency", "report.json", true), source, baseUrl, List.copyOf(nav), f.bool(r, "trustedHtml", "report.json", false),
                List.copyOf(highlights), legalNotice);
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
        return new ReportMeta.Period(f.text(p, "id", what, true), f.text(p, "label", what, true), f.text(p, "end", what, false));
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
            LocatedJson doc = json(relative, true);
            Table t = doc == null ? null : TableReader.read(doc, name.substring(0, name.length() - ".json".length()), findings);
            if (reuse != null) {
                if (findings.list().size() == before) reuse.put(relative, attrs, t);
                else reuse.forget(relative);
            }
            if (t != null) tables.put(t.id(), t);
        }
        return tables;
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
        record Read(Page page, List<Finding> found) {}
        List<Read> read = walk(dir).entrySet().parallelStream().map(file -> {
            Findings local = new Findings();
            Page p = readPage(dir, file.getKey(), file.getValue(), local);
            return new Read(p, local.list());
        }).toList();
        for (Read r : read) {
            findings.addAll(r.found());
            if (r.page() != null) pages.add(r.page());
        }
        return pages;
    }

    /** glossary.json: a list of terms, or {@code {"intro": "...", "terms": [...]}} with the sentence that opens the definitions. */
    private Page readPage(Path dir, Path file, BasicFileAttributes walked, Findings findings) {
        // joined by name, not by replacing '\\': on Linux a backslash is part of a file name and must be refused
        List<String> names = new ArrayList<>();
        for (Path n : dir.relativize(file)) names.add(n.toString());
        String rel = String.join("/", names);
        String shownAs = "narrative/" + rel;
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
        BasicFileAttributes attrs = walked;
        Page known = reuse == null ? null : reuse.get(shownAs, attrs, Page.class);
        if (known != null) return known;
        Page p = null;
        try {
            checkInside(file, shownAs);
            p = PageReader.read(id, shownAs, TextFiles.read(file, shownAs), findings);
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
            f.unknownFields(list, "glossary.json", Set.of("intro", "terms"));
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
            f.unknownFields(t, "a glossary entry", Set.of("term", "aliases", "definition"));
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
        f.unknownFields(r, "checks.json", Set.of("ties", "precision", "acknowledged"));
        List<Checks.Tie> ties = new ArrayList<>();
        for (JsonNode t : f.objects(r, "ties", "checks.json", false)) {
            f.unknownFields(t, "a tie", Set.of("id", "description", "left", "right", "columns"));
            JsonNode left = t.get("left");
            List<String> lefts = left != null && left.isArray() ? f.strings(t, "left", "a tie")
                    : left == null ? List.of() : List.of(String.valueOf(f.text(t, "left", "a tie", true)));
            ties.add(new Checks.Tie(f.text(t, "id", "a tie", true), f.text(t, "description", "a tie", true), List.copyOf(lefts),
                    f.text(t, "right", "a tie", true), List.copyOf(f.strings(t, "columns", "a tie")), f.at(t)));
        }
        List<Checks.Precision> precision = new ArrayList<>();
        for (JsonNode p : f.objects(r, "precision", "checks.json", false)) {
            f.unknownFields(p, "a precision entry", Set.of("table", "columns", "rounded", "reason"));
            precision.add(new Checks.Precision(f.text(p, "table", "a precision entry", true), List.copyOf(f.strings(p, "columns", "a precision entry")),
                    f.bool(p, "rounded", "a precision entry", true), f.text(p, "reason", "a precision entry", true), f.at(p)));
        }
        List<Checks.Acknowledged> acks = new ArrayList<>();
        for (JsonNode a : f.objects(r, "acknowledged", "checks.json", false)) {
            f.unknownFields(a, "an acknowledged exception", Set.of("finding", "reason"));
            acks.add(new Checks.Acknowledged(f.text(a, "finding", "an acknowledged exception", true),
                    f.text(a, "reason", "an acknowledged exception", true), f.at(a)));
        }
        return new Checks(List.copyOf(ties), List.copyOf(precision), List.copyOf(acks));
    }

    private List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            findings.error("content.read", Location.of(root.relativize(dir).toString()), "cannot list folder: " + e.getMessage(),
                    "Check that the folder exists and is readable.");
            return List.of();
        }
    }

    /** The .md files under {@code dir}, sorted, with the attributes the walk read for each (not following links). */
    private Map<Path, BasicFileAttributes> walk(Path dir) {
        Map<Path, BasicFileAttributes> out = new TreeMap<>(Comparator.comparing(Path::toString));
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    // a link costs one more look (where it points); files and folders are known from the walk
                    if (p.getFileName().toString().endsWith(".md") && (a.isSymbolicLink() ? !Files.isDirectory(p) : !a.isDirectory())) out.put(p, a);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.error("content.read", Location.of("narrative/"), "cannot list folder: " + e.getMessage(),
                    "Check that the folder exists and is readable.");
            return Map.of();
        }
        return out;
    }
}
