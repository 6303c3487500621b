package org.reportsite.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lookups derived once from a {@link Report}: where each note, sub-note, table and term lives in the site,
 * and the pages in navigation order. Every stage after {@code content} resolves references through it.
 */
public final class Index {
    /** The text of a sub-note heading (level 2 to 6) in a note page: {@code (a) Revenue by geographical areas}. */
    public static final Pattern SUBNOTE_HEADING = Pattern.compile("^\\(([a-z]{1,5})\\)\\s*(.*)$");

    /** Where a reference lands: page id, anchor (may be null for the page top) and a title to show. */
    public record Target(String pageId, String anchor, String title) {}

    /** A sub-note heading written a second time: links go to the first, so the second is an error. */
    public record Repeated(String key, Location first, Location again) {}

    private final Report report;
    private final Map<String, Target> notes = new LinkedHashMap<>();
    private final Map<String, Location> subNoteAt = new LinkedHashMap<>();
    private final List<Repeated> repeated = new ArrayList<>();
    private final Map<String, Target> tableHomes = new LinkedHashMap<>();
    private final Map<String, List<Location>> tablePlacements = new LinkedHashMap<>();
    private final Map<String, Term> terms = new LinkedHashMap<>();
    private final List<Page> ordered;
    private final Map<String, String> sectionOf = new LinkedHashMap<>();
    /** Each navigation section's pages, worked out once (every page's navigation and the reference check ask). */
    private final Map<ReportMeta.NavSection, List<String>> sections = new java.util.IdentityHashMap<>();

    public Index(Report report) {
        this.report = report;
        for (Page p : report.pages()) {
            if (p.isNote()) {
                notes.putIfAbsent(p.note(), new Target(p.id(), NoteKey.anchor(p.note()), "Note " + p.note() + " " + p.title()));
                SourceLines lines = null;
                for (Passage h : p.passages()) {
                    if (h.kind() != Passage.Kind.HEADING || h.level() < 2) continue;
                    Matcher m = SUBNOTE_HEADING.matcher(h.text().strip());
                    if (m.matches()) {
                        String key = p.note() + m.group(1);
                        if (lines == null) lines = new SourceLines(p.markdown());
                        Location at = new Location(p.location().file(), p.bodyLine() + lines.line(h.source(0)), 0);
                        Location first = subNoteAt.putIfAbsent(key, at);
                        if (first != null) repeated.add(new Repeated(key, first, at));
                        notes.putIfAbsent(key, new Target(p.id(), NoteKey.anchor(key), "Note " + NoteKey.display(key) + " " + m.group(2).strip()));
                    }
                }
            }
            for (Reference r : p.references()) {
                if (r.kind() == Reference.Kind.TABLE) {
                    tablePlacements.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r.location());
                    if (!tableHomes.containsKey(r.target())) {
                        Table t = report.tables().get(r.target());
                        tableHomes.put(r.target(), new Target(p.id(), tableAnchor(r.target()), t == null ? r.target() : t.title()));
                    }
                }
            }
        }
        for (Term t : report.glossary()) {
            terms.putIfAbsent(t.term().toLowerCase(Locale.ROOT), t);
            for (String a : t.aliases()) terms.putIfAbsent(a.toLowerCase(Locale.ROOT), t);
        }
        this.ordered = Collections.unmodifiableList(orderPages());
    }

    public Report report() { return report; }

    public static String tableAnchor(String tableId) { return "table-" + tableId; }

    public static String rowAnchor(String tableId, String rowId) { return "r-" + tableId + "-" + rowId; }

    public Optional<Target> note(String written) {
        String key = NoteKey.normalize(written);
        return key == null ? Optional.empty() : Optional.ofNullable(notes.get(key));
    }

    public Map<String, Target> notes() { return Collections.unmodifiableMap(notes); }

    /** Sub-note headings written more than once (the same note and letter), in page order. */
    public List<Repeated> repeatedSubNotes() { return Collections.unmodifiableList(repeated); }

    public Optional<Target> tableHome(String tableId) { return Optional.ofNullable(tableHomes.get(tableId)); }

    public Map<String, List<Location>> tablePlacements() { return Collections.unmodifiableMap(tablePlacements); }

    public Optional<Term> term(String name) { return Optional.ofNullable(terms.get(name.toLowerCase(Locale.ROOT))); }

    /** Every page in navigation order (pages left out of the navigation come last, by id). */
    public List<Page> orderedPages() { return ordered; }

    /** The navigation section title a page belongs to. */
    public String sectionOf(String pageId) { return sectionOf.get(pageId); }

    /** Page ids of each navigation section, generated pages included, in order. */
    public Map<ReportMeta.NavSection, List<String>> navigation() {
        Map<ReportMeta.NavSection, List<String>> out = new LinkedHashMap<>();
        for (ReportMeta.NavSection s : report.meta().navigation()) out.put(s, sectionPages(s));
        return out;
    }

    public List<String> sectionPages(ReportMeta.NavSection s) {
        List<String> known = sections.get(s);
        return known != null ? known : pagesOf(s);
    }

    private List<String> pagesOf(ReportMeta.NavSection s) {
        if (!s.pages().isEmpty()) return s.pages();
        String prefix = s.dir().endsWith("/") ? s.dir() : s.dir() + "/";
        return report.pages().stream().filter(p -> p.id().startsWith(prefix))
                .sorted((a, b) -> a.order() != b.order() ? Integer.compare(a.order(), b.order()) : a.id().compareTo(b.id()))
                .map(Page::id).toList();
    }

    private List<Page> orderPages() {
        List<Page> out = new ArrayList<>();
        Map<String, Page> byId = new LinkedHashMap<>();
        for (Page p : report.pages()) byId.put(p.id(), p);
        for (ReportMeta.NavSection s : report.meta().navigation()) {
            List<String> pages = pagesOf(s);
            sections.put(s, pages);
            for (String id : pages) {
                Page p = byId.remove(id);
                if (p != null) {
                    out.add(p);
                    sectionOf.putIfAbsent(id, s.title());
                } else {
                    sectionOf.putIfAbsent(id, s.title());
                }
            }
        }
        byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(out::add);
        return out;
    }
}
