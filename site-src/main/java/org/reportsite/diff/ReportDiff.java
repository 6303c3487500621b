package org.reportsite.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.reportsite.model.Finding;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.render.Amounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a report, as a reviewer sees it on the site: the published figures
 * (every cell of every table, compared as exact numbers and shown formatted as on the site), the narrative
 * pages (a unified diff of their Markdown), pages and tables added or removed, the other content files
 * that shape the site, and the check findings that appeared or disappeared.
 */
public record ReportDiff(String oldLabel, String newLabel,
                         List<FactChange> changedFacts, List<FactChange> addedFacts, List<FactChange> removedFacts,
                         List<TableRef> addedTables, List<TableRef> removedTables,
                         List<PageRef> addedPages, List<PageRef> removedPages, List<TextChange> changedPages,
                         List<TextChange> changedFiles,
                         List<Finding> appearedFindings, List<Finding> disappearedFindings) {

    /** Lines of context around each change in the unified diffs. */
    static final int CONTEXT = 1;
    /** Files other than tables and pages whose changes are listed (they shape the site too). */
    static final List<String> OTHER_FILES = List.of("report.json", "glossary.json", "checks.json");

    /**
     * One cell of a table. {@code oldValue}/{@code newValue} are exact (a number as a plain decimal, or the
     * text of a text column), null when nil or absent; {@code oldText}/{@code newText} are formatted as on the site.
     */
    public record FactChange(String table, String tableTitle, String row, String rowLabel, String column, String period,
                             String unit, String oldValue, String newValue, String oldText, String newText) {
        public String key() { return table + "/" + row + "/" + column; }
    }

    public record TableRef(String id, String title, int facts) {}

    public record PageRef(String id, String title, String file) {}

    /** A changed file: {@code diff} is a unified diff with {@link #CONTEXT} lines of context. */
    public record TextChange(String id, String title, String file, int added, int removed, List<String> diff) {}

    public static ReportDiff compare(Snapshot older, Snapshot newer) {
        if (!older.loaded() || !newer.loaded()) throw new IllegalArgumentException("both sides must load without errors");
        Report a = older.report(), b = newer.report();
        List<FactChange> changed = new ArrayList<>(), added = new ArrayList<>(), removed = new ArrayList<>();
        Map<String, Cell> oldCells = cells(a), newCells = cells(b);
        for (var e : newCells.entrySet()) {
            Cell o = oldCells.get(e.getKey()), n = e.getValue();
            if (o == null) {
                if (n.value() != null) added.add(change(null, n));
            } else if (!o.sameValue(n)) {
                changed.add(change(o, n));
            }
        }
        for (var e : oldCells.entrySet()) {
            if (!newCells.containsKey(e.getKey()) && e.getValue().value() != null) removed.add(change(e.getValue(), null));
        }
        List<TableRef> addedTables = new ArrayList<>(), removedTables = new ArrayList<>();
        for (Table t : b.tables().values()) if (!a.tables().containsKey(t.id())) addedTables.add(tableRef(t));
        for (Table t : a.tables().values()) if (!b.tables().containsKey(t.id())) removedTables.add(tableRef(t));

        Map<String, Page> oldPages = pages(a), newPages = pages(b);
        List<PageRef> addedPages = new ArrayList<>(), removedPages = new ArrayList<>();
        List<TextChange> changedPages = new ArrayList<>();
        for (Page p : newPages.values()) {
            Page o = oldPages.get(p.id());
            if (o == null) {
                addedPages.add(new PageRef(p.id(), p.title(), p.location().file()));
                continue;
            }
            TextChange c = textChange(p.id(), p.title(), older.text(o.location().file()), newer.text(p.location().file()), p.location().file());
            if (c != null) changedPages.add(c);
        }
        for (Page p : oldPages.values()) if (!newPages.containsKey(p.id())) removedPages.add(new PageRef(p.id(), p.title(), p.location().file()));

        List<TextChange> changedFiles = new ArrayList<>();
        for (String f : OTHER_FILES) {
            TextChange c = textChange(f, f, older.text(f), newer.text(f), f);
            if (c != null) changedFiles.add(c);
        }

        Map<String, Finding> oldFindings = findings(older.findings()), newFindings = findings(newer.findings());
        List<Finding> appeared = new ArrayList<>(), disappeared = new ArrayList<>();
        newFindings.forEach((k, f) -> { if (!oldFindings.containsKey(k)) appeared.add(f); });
        oldFindings.forEach((k, f) -> { if (!newFindings.containsKey(k)) disappeared.add(f); });

        return new ReportDiff(older.source().label(), newer.source().label(), List.copyOf(changed), List.copyOf(added), List.copyOf(removed),
                List.copyOf(addedTables), List.copyOf(removedTables), List.copyOf(addedPages), List.copyOf(removedPages),
                List.copyOf(changedPages), List.copyOf(changedFiles), List.copyOf(appeared), List.copyOf(disappeared));
    }

    /** True when nothing a reader or a check would see has changed. */
    public boolean isEmpty() {
        return changedFacts.isEmpty() && addedFacts.isEmpty() && removedFacts.isEmpty() && addedTables.isEmpty()
                && removedTables.isEmpty() && addedPages.isEmpty() && removedPages.isEmpty() && changedPages.isEmpty()
                && changedFiles.isEmpty() && appearedFindings.isEmpty() && disappearedFindings.isEmpty();
    }

    /** One cell with what is needed to describe it; {@code value} is the exact value, null for nil. */
    private record Cell(Table table, Row row, Table.Column column, BigDecimal amount, String text) {
        String value() { return amount != null ? amount.toPlainString() : text; }

        String formatted() {
            if (column.text() || amount == null && text != null) return text == null ? Amounts.NIL : text;
            return Amounts.format(amount, column.decimals(), column.minusSign());
        }

        boolean sameValue(Cell o) {
            if (amount != null || o.amount != null) return amount != null && o.amount != null && amount.compareTo(o.amount) == 0;
            return Objects.equals(text, o.text);
        }
    }

    /** Every cell of every table, keyed table/row/column, in table, row and column order. */
    private static Map<String, Cell> cells(Report r) {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (Table t : r.tables().values()) {
            for (Row row : t.rows()) {
                for (Table.Column c : t.columns()) {
                    out.put(t.id() + "/" + row.id() + "/" + c.id(),
                            new Cell(t, row, c, c.text() ? null : row.amount(c.id()), row.amount(c.id()) == null ? row.texts().get(c.id()) : null));
                }
            }
        }
        return out;
    }

    private static FactChange change(Cell o, Cell n) {
        Cell any = n != null ? n : o;
        Table.Column c = any.column();
        return new FactChange(any.table().id(), any.table().title(), any.row().id(), any.row().label(), c.id(),
                c.period() != null ? c.period() : c.label(), c.text() ? null : c.unit(),
                o == null ? null : o.value(), n == null ? null : n.value(),
                o == null ? null : o.formatted(), n == null ? null : n.formatted());
    }

    private static TableRef tableRef(Table t) {
        int facts = 0;
        for (Row r : t.rows()) facts += r.amounts().size() + r.texts().size();
        return new TableRef(t.id(), t.title(), facts);
    }

    private static Map<String, Page> pages(Report r) {
        Map<String, Page> out = new LinkedHashMap<>();
        for (Page p : r.pages()) out.put(p.id(), p);
        return out;
    }

    /** A unified diff of two versions of a file; null when they are equal. Line endings do not count. */
    static TextChange textChange(String id, String title, String oldText, String newText, String file) {
        List<String> a = lines(oldText), b = lines(newText);
        if (a.equals(b)) return null;
        var patch = DiffUtils.diff(a, b);
        int plus = 0, minus = 0;
        for (var d : patch.getDeltas()) {
            plus += d.getTarget().size();
            minus += d.getSource().size();
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + file, "b/" + file, a, patch, CONTEXT);
        return new TextChange(id, title, file, plus, minus, List.copyOf(unified));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }

    /**
     * Findings keyed by what they are about, not where: severity, code and the check's key (or the message
     * when the finding has no key). Line numbers move with every edit above them and must not count.
     */
    private static Map<String, Finding> findings(List<Finding> fs) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : fs) out.putIfAbsent(f.severity() + "|" + f.code() + "|" + (f.key() != null ? f.key() : f.message()), f);
        return out;
    }
}
