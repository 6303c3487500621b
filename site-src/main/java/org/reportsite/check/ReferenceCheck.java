package org.reportsite.check;

import org.reportsite.model.ChartSpec;
import org.reportsite.model.FactOptions;
import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Reserved;
import org.reportsite.model.Row;
import org.reportsite.model.Spelling;
import org.reportsite.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every cross-reference in the content resolves: navigation, table placements, facts, notes, pages, terms. */
final class ReferenceCheck {

    private final Report report;
    private final Index index;
    private final List<Finding> out = new ArrayList<>();
    private final FollowOn followOn;

    ReferenceCheck(Report report, Index index, FollowOn followOn) {
        this.report = report;
        this.index = index;
        this.followOn = followOn;
    }

    List<Finding> run() {
        navigation();
        home();
        for (Page p : report.pages()) for (Reference r : p.references()) reference(r);
        for (var e : index.tablePlacements().entrySet()) {
            if (e.getValue().size() > 1) {
                for (Location l : e.getValue().subList(1, e.getValue().size())) {
                    out.add(Finding.error("ref.table-placed-twice", l, "table \"" + e.getKey() + "\" is already placed at " + e.getValue().get(0),
                            "Place each table once; link to it elsewhere with [text](table:" + e.getKey() + ")."));
                }
            }
        }
        for (Table t : report.tables().values()) {
            if (index.tableHome(t.id()).isEmpty()) {
                out.add(Finding.warning("ref.table-unplaced", t.location(), "table \"" + t.id() + "\" is not placed on any page",
                        "Add {{table:" + t.id() + "}} to the page where it belongs."));
            }
            for (Row r : t.rows()) {
                for (String n : r.notes()) {
                    if (index.note(n).isEmpty() && !followOn.foldNote()) {
                        out.add(Finding.error("ref.note", r.location(), "row \"" + r.id() + "\" of table \"" + t.id() + "\" cites note " + n
                                + ", which no note page declares", "Add a page with 'note: \"" + n.replaceAll("\\D.*", "")
                                + "\"' (and a '### (x)' heading for a sub-note), or fix the note number."));
                    }
                }
            }
        }
        for (Index.Repeated r : index.repeatedSubNotes()) {
            out.add(Finding.error("page.duplicate-subnote", r.again(), "sub-note " + NoteKey.display(r.key()) + " is already headed at " + r.first(),
                    "Each sub-note letter belongs to one heading: links to note " + NoteKey.display(r.key()) + " go to the first; rename or merge the second."));
        }
        Map<String, Page> notePages = new HashMap<>();
        for (Page p : report.pages()) {
            if (p.isNote()) {
                Page prev = notePages.putIfAbsent(p.note(), p);
                if (prev != null) {
                    out.add(Finding.error("page.duplicate-note", p.location(), "note " + p.note() + " is already declared by " + prev.location().file(),
                            "Each note number belongs to one page."));
                }
            }
        }
        return out;
    }

    private void navigation() {
        Map<String, Location> seen = new HashMap<>();
        Set<String> pageIds = new java.util.HashSet<>();
        for (Page p : report.pages()) pageIds.add(p.id());
        for (ReportMeta.NavSection s : report.meta().navigation()) {
            if (s.dir() != null && index.sectionPages(s).isEmpty() && !damagedIn(s.dir())) {
                out.add(Finding.error("nav.empty-dir", s.location(), "navigation section \"" + s.title() + "\" names folder \"" + s.dir()
                        + "\", which holds no page", "Fix the folder name, or add pages to narrative/" + s.dir() + "/."));
            }
            for (String id : index.sectionPages(s)) {
                if (!pageIds.contains(id) && Reserved.Generated.listed(id) == null && !followOn.foldPage(id)) {
                    out.add(Finding.error("nav.unknown-page", s.location(), "navigation section \"" + s.title() + "\" lists page \"" + id
                            + "\", which does not exist", "Pages are narrative/<id>.md; generated pages: " + Reserved.listedIds() + "."));
                }
                Location prev = seen.putIfAbsent(id, s.location());
                if (prev != null) {
                    out.add(Finding.error("nav.duplicate", s.location(), "page \"" + id + "\" appears twice in the navigation (also at " + prev + ")",
                            "List each page once."));
                }
            }
        }
        for (Page p : report.pages()) {
            if (!seen.containsKey(p.id())) {
                out.add(Finding.error("nav.missing-page", p.location(), "page \"" + p.id() + "\" is not in the navigation of report.json",
                        "Add it to a section's \"pages\", or move it into a folder named by a section's \"dir\"."));
            }
        }
    }

    /** report.json's highlights and legal notice page: every fact, column, link and page they name exists. */
    private void home() {
        ReportMeta.PageRef legal = report.meta().legalNotice();
        if (legal != null && report.page(legal.id()).isEmpty()) {
            out.add(Finding.error("report.legal-notice", legal.location(), "\"legalNotice\" names page \"" + legal.id() + "\", which does not exist",
                    "Name the narrative page that holds the legal notice" + closest(legal.id(), report.pages().stream().map(Page::id).toList()) + "."));
        }
        for (ReportMeta.Highlight h : report.meta().highlights()) {
            int before = out.size();
            reference(new Reference(Reference.Kind.FACT, h.fact(), h.options(), h.location()));
            if (out.size() > before) continue;
            // a fact of a table with errors was folded by the reference check: nothing more to check against it
            Table t = report.tables().get(FactRef.parse(h.fact()).orElseThrow().table());
            if (t == null || report.damaged(t.id())) continue;
            if (h.change() != null) {
                int had = out.size();
                reference(new Reference(Reference.Kind.FACT, h.change(), List.of(), h.location()));
                FactRef c = FactRef.parse(h.change()).orElse(null);
                if (out.size() == had && c != null && report.tables().containsKey(c.table()) && !report.damaged(c.table())) {
                    String unit = report.tables().get(c.table()).column(c.column()).orElseThrow().unit();
                    if (!"%".equals(unit)) {
                        out.add(Finding.error("report.highlight", h.location(), "the change of highlight " + h.fact() + " is " + h.change()
                                + ", which is in " + unit + ", not in per cent", "\"change\" names the printed percentage change, e.g. key-highlights/revenue/change."));
                    }
                }
            }
            if (h.compare() != null && t.column(h.compare()).isEmpty()) {
                out.add(Finding.error("report.highlight", h.location(), "highlight " + h.fact() + " compares with column \"" + h.compare()
                        + "\", which table " + t.id() + " does not have", "Columns of " + t.id() + ": "
                        + String.join(", ", t.columns().stream().map(Table.Column::id).toList()) + "."));
            }
            if (h.link() != null) {
                int colon = h.link().indexOf(':');
                Reference.Kind kind = colon < 0 ? null : switch (h.link().substring(0, colon)) {
                    case "page" -> Reference.Kind.PAGE_LINK;
                    case "table" -> Reference.Kind.TABLE_LINK;
                    case "note" -> Reference.Kind.NOTE_LINK;
                    default -> null;
                };
                if (kind == null) {
                    out.add(Finding.error("report.highlight", h.location(), "highlight " + h.fact() + " links to \"" + h.link()
                            + "\", which is not a page:, table: or note: reference", "Write e.g. \"page:mdna/results\" or \"note:4\"."));
                } else {
                    reference(new Reference(kind, h.link().substring(colon + 1), List.of(), h.location()));
                }
            }
        }
    }

    private void reference(Reference r) {
        switch (r.kind()) {
            case TABLE, CHART -> {
                if (!report.tables().containsKey(r.target())) {
                    if (followOn.fold(r.target())) return;
                    out.add(Finding.error("ref.table", r.location(), "there is no table \"" + r.target() + "\"",
                            "Tables are data/<id>.json files and the sheets of data/*.xlsx workbooks" + closest(r.target(), report.tables().keySet()) + "."));
                } else if (r.kind() == Reference.Kind.CHART) {
                    List<String> problems = ChartSpec.problems(r.options(), report.tables().get(r.target()));
                    if (!problems.isEmpty() && followOn.fold(r.target())) return;
                    for (String problem : problems) {
                        out.add(Finding.error("ref.chart-option", r.location(), "chart of " + r.target() + ": " + problem, ChartSpec.HELP));
                    }
                }
            }
            case TABLE_LINK -> {
                // table:ID or table:ID#row-anchor (the anchor is checked with the links of the built page)
                String id = r.target().contains("#") ? r.target().substring(0, r.target().indexOf('#')) : r.target();
                if (!report.tables().containsKey(id)) {
                    if (followOn.fold(id)) return;
                    out.add(Finding.error("ref.table", r.location(), "link to unknown table \"" + id + "\"",
                            "Tables are data/<id>.json files and the sheets of data/*.xlsx workbooks" + closest(id, report.tables().keySet()) + "."));
                } else if (index.tableHome(id).isEmpty()) {
                    out.add(Finding.error("ref.table-unplaced", r.location(), "link to table \"" + id + "\", which no page places",
                            "Place it with {{table:" + id + "}} on some page."));
                }
            }
            case FACT -> {
                var ref = FactRef.parse(r.target());
                if (ref.isEmpty()) {
                    out.add(Finding.error("ref.fact-syntax", r.location(), "fact \"" + r.target() + "\" is not written TABLE/ROW/COLUMN",
                            "Name the table, the row and the column, e.g. {{fact:income-statement/revenue/h1-2025}}."));
                    return;
                }
                String problem = ref.get().problem(report);
                if ((problem != null || ref.get().value(report).isEmpty()) && followOn.fold(ref.get().table())) {
                    // the row, the column or the value may be what the table's error lost
                } else if (problem != null) {
                    out.add(Finding.error("ref.fact", r.location(), "fact " + r.target() + ": " + problem, suggestFact(ref.get())));
                } else if (ref.get().value(report).isEmpty()) {
                    out.add(Finding.error("ref.fact-nil", r.location(), "fact " + r.target() + " is nil in the dataset", "Cite a cell that has a value."));
                }
                for (String o : r.options()) {
                    String problem2 = FactOptions.problem(o);
                    if (problem2 != null) out.add(Finding.error("ref.fact-option", r.location(), problem2, FactOptions.HELP));
                }
            }
            case NOTE_LINK -> {
                if (index.note(r.target()).isEmpty() && !followOn.foldNote()) {
                    out.add(Finding.error("ref.note", r.location(), "link to note \"" + r.target() + "\", which no note page declares",
                            "Notes are pages with 'note: \"N\"' in their front matter; sub-notes are '### (a) ...' headings in them."));
                }
            }
            case PAGE_LINK -> {
                String id = r.target().contains("#") ? r.target().substring(0, r.target().indexOf('#')) : r.target();
                if (report.page(id).isEmpty() && Reserved.Generated.listed(id) == null && !followOn.foldPage(id)) {
                    out.add(Finding.error("ref.page", r.location(), "link to page \"" + id + "\", which does not exist",
                            "Page ids are paths under narrative/ without .md" + closest(id, report.pages().stream().map(Page::id).toList()) + "."));
                }
            }
            case TERM_LINK -> {
                if (index.term(r.target()).isEmpty()) {
                    out.add(Finding.error("ref.term", r.location(), "link to glossary term \"" + r.target() + "\", which glossary.json does not define",
                            "Add the term to glossary.json or fix its spelling."));
                }
            }
            case NOFACT, LINK -> { }
        }
    }

    /** Whether a page of a navigation folder could not be read (the folder is then not empty after all). */
    private boolean damagedIn(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return report.damagedPages().stream().anyMatch(id -> id.startsWith(prefix) && followOn.foldPage(id));
    }

    private String suggestFact(FactRef ref) {
        Table t = report.tables().get(ref.table());
        if (t == null) return "Tables are data/<id>.json files and the sheets of data/*.xlsx workbooks" + closest(ref.table(), report.tables().keySet()) + ".";
        if (t.row(ref.row()).isEmpty()) return "Rows of " + t.id() + closest(ref.row(), t.rows().stream().map(Row::id).toList()) + ".";
        return "Columns of " + t.id() + ": " + String.join(", ", t.columns().stream().map(Table.Column::id).toList()) + ".";
    }

    static String closest(String wanted, java.util.Collection<String> known) {
        return Spelling.suggestion(wanted, known);
    }
}
