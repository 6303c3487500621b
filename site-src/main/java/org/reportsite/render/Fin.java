package org.reportsite.render;

import org.reportsite.check.AcknowledgedMarks;
import org.reportsite.check.ComputedColumns;
import org.reportsite.model.Index;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code #fin} expression object of our Thymeleaf dialect: everything a template needs to show
 * financial data (formatted cells, headers, captions) without logic in the template itself.
 */
public final class Fin {

    /**
     * A header cell: colspan/rowspan, scope ("col" or "colgroup"), an optional second line, and the table column it
     * heads ({@code column}, null for the line-item header, a column group or a computed column).
     */
    public record HeaderCell(String label, String subLabel, int colspan, int rowspan, String scope, String cssClass, String id, String column) {
        HeaderCell(String label, String subLabel, int colspan, int rowspan, String scope, String cssClass, String id) {
            this(label, subLabel, colspan, rowspan, scope, cssClass, id, null);
        }
    }

    /**
     * A body cell as shown: text, CSS class, fact identity and tooltip (null for computed or text cells). {@code spoken}
     * is what a screen reader says instead of the text shown (nil for the dash, "not meaningful" for n.m.), or null.
     */
    public record Cell(String text, String cssClass, String fact, String title, boolean nil, String spoken) {
        Cell(String text, String cssClass, String fact, String title, boolean nil) {
            this(text, cssClass, fact, title, nil, nil ? "nil" : null);
        }
    }

    /** How a percentage that is not meaningful is printed, as investor-relations reports print it. */
    public static final String NOT_MEANINGFUL = "n.m.";

    /** A group of rows under an optional heading row (rendered as its own {@code <tbody>}). */
    public record RowGroup(Row heading, List<Row> rows) {}

    private static final java.time.format.DateTimeFormatter LONG_DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    /** An ISO date ("2025-08-28") in words ("28 August 2025"); anything else is returned as written. */
    public String longDate(String iso) {
        try {
            return java.time.LocalDate.parse(iso).format(LONG_DATE);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return iso;
        }
    }

    public String amount(BigDecimal v, int decimals) { return Amounts.format(v, decimals, false); }

    public String caption(Table t) {
        StringBuilder sb = new StringBuilder();
        if (t.period() != null) sb.append(t.period());
        if (t.unit() != null && !t.unit().isBlank()) {
            if (sb.length() > 0) sb.append(" · ");
            sb.append(unitWords(t.unit()));
        }
        return sb.toString();
    }

    static String unitWords(String unit) {
        return switch (unit) {
            case "RMB'000" -> "RMB'000 (thousands of Renminbi)";
            case "RMB million" -> "RMB million";
            case "%" -> "per cent";
            default -> unit;
        };
    }

    /**
     * The figure's classes: {@code wide} for a table of five or more figure columns (a statement of changes in equity,
     * a roll-forward), which takes all the width there is and a more compact type.
     */
    public String tableClass(Table t) {
        return t.columns().size() + shownComputed(t).size() >= 5 ? "fin-table wide" : "fin-table";
    }

    /** Whether any row cites a note (the line-item header then names the notes printed at the end of each line item). */
    public boolean hasNotes(Table t) { return t.hasNotes(); }

    /** Columns shown: the line items (with the notes they cite), the table's own columns, then computed ones. */
    public int columnCount(Table t) { return t.columns().size() + shownComputed(t).size() + 1; }

    /**
     * Computed columns to show: one whose percentage the report already prints ({@code published}) is only
     * checked against it, not shown a second time.
     */
    public List<Table.Computed> shownComputed(Table t) {
        return t.computed().stream().filter(c -> c.published() == null).toList();
    }

    /** One or two header rows: spanning groups above the columns when the table declares them. */
    public List<List<HeaderCell>> headerRows(Table t) {
        List<List<HeaderCell>> rows = new ArrayList<>();
        boolean grouped = !t.columnGroups().isEmpty();
        if (grouped) {
            List<HeaderCell> top = new ArrayList<>();
            top.add(new HeaderCell("Line item", null, 1, 2, "col", "label-col", headerId(t, "label")));
            int i = 0;
            List<Table.Column> cols = t.columns();
            while (i < cols.size()) {
                Table.ColumnGroup g = groupOf(t, cols.get(i).id());
                if (g == null) {
                    top.add(new HeaderCell(cols.get(i).label(), cols.get(i).subLabel(), 1, 2, "col", "num", headerId(t, cols.get(i).id()), cols.get(i).id()));
                    i++;
                } else {
                    int span = 0;
                    java.util.Set<String> in = new java.util.HashSet<>(g.columns());
                    while (i + span < cols.size() && in.contains(cols.get(i + span).id())) span++;
                    top.add(new HeaderCell(g.label(), null, span, 1, "colgroup", "group", groupHeaderId(t, t.groupNumber(cols.get(i).id()))));
                    i += span;
                }
            }
            for (Table.Computed c : shownComputed(t)) top.add(new HeaderCell(c.label(), null, 1, 2, "col", "num computed", headerId(t, c.id())));
            rows.add(top);
            List<HeaderCell> second = new ArrayList<>();
            for (Table.Column c : cols) {
                if (groupOf(t, c.id()) != null) second.add(new HeaderCell(c.label(), c.subLabel(), 1, 1, "col", "num", headerId(t, c.id()), c.id()));
            }
            rows.add(second);
        } else {
            List<HeaderCell> only = new ArrayList<>();
            only.add(new HeaderCell("Line item", null, 1, 1, "col", "label-col", headerId(t, "label")));
            for (Table.Column c : t.columns()) only.add(new HeaderCell(c.label(), c.subLabel(), 1, 1, "col", c.text() ? "text" : "num", headerId(t, c.id()), c.id()));
            for (Table.Computed c : shownComputed(t)) only.add(new HeaderCell(c.label(), null, 1, 1, "col", "num computed", headerId(t, c.id())));
            rows.add(only);
        }
        return rows;
    }

    /*
     * Explicit header associations (th ids, td headers): a statement has column groups, columns and row
     * headings above its line items, more levels than scope alone conveys to every assistive technology.
     */
    public String headerId(Table t, String columnId) { return "h-" + t.id() + "-" + columnId; }

    public String rowHeaderId(Table t, Row r) { return Index.rowAnchor(t.id(), r.id()) + "-h"; }

    /** The id of the header of group number {@code n} (1-based, in the table's order). */
    private String groupHeaderId(Table t, int n) { return "h-" + t.id() + "-group-" + n; }

    /**
     * The headers of one body cell: its column (and column group) and its line item. The heading above a
     * group of lines labels the group through {@code scope="rowgroup"}; it sits in the line-item column only,
     * so that it is not read as a header of every column.
     */
    public String headers(Table t, Row r, String columnId) {
        StringBuilder sb = new StringBuilder(headerId(t, columnId));
        int group = t.groupNumber(columnId);
        if (group > 0) sb.append(' ').append(groupHeaderId(t, group));
        return sb.append(' ').append(rowHeaderId(t, r)).toString();
    }

    /** The empty cell that fills a heading row after its heading: its headers are the heading and every column's. */
    public String headingFillHeaders(Table t, Row heading) {
        StringBuilder sb = new StringBuilder(rowHeaderId(t, heading));
        for (Table.Column c : t.columns()) sb.append(' ').append(headerId(t, c.id()));
        for (int g = 1; g <= t.columnGroups().size(); g++) sb.append(' ').append(groupHeaderId(t, g));
        for (Table.Computed c : shownComputed(t)) sb.append(' ').append(headerId(t, c.id()));
        return sb.toString();
    }

    private static Table.ColumnGroup groupOf(Table t, String columnId) { return t.groupOf(columnId).orElse(null); }

    /** Rows split at each heading row, so a heading can label its group ({@code scope="rowgroup"}). */
    public List<RowGroup> groups(Table t) {
        List<RowGroup> out = new ArrayList<>();
        Row heading = null;
        List<Row> current = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.style() == Row.Style.HEADING && !r.hasValues() && r.notes().isEmpty() && r.footnotes().isEmpty()) {
                if (heading != null || !current.isEmpty()) out.add(new RowGroup(heading, current));
                heading = r;
                current = new ArrayList<>();
            } else {
                current.add(r);
            }
        }
        if (heading != null || !current.isEmpty()) out.add(new RowGroup(heading, current));
        return out;
    }

    /** A line item's label as HTML: escaped, with a line-break opportunity after each "/" ("increase/(decrease)" may wrap on a phone). */
    public String label(Row r) { return Renderer.escape(r.label()).replace("/", "/<wbr>"); }

    public String rowClass(Row r) {
        String s = r.style().name().toLowerCase();
        return r.indent() > 0 ? s + " indent-" + r.indent() : s;
    }

    public boolean emphasised(Row r) { return r.style() == Row.Style.TOTAL || r.style() == Row.Style.SUBTOTAL; }

    public String rowAnchor(Table t, Row r) { return Index.rowAnchor(t.id(), r.id()); }

    public String noteHref(String written) {
        String key = NoteKey.normalize(written);
        return "note:" + (key == null ? written : key);
    }

    public Cell cell(Table t, Row r, Table.Column c) {
        // a heading row without figures (which may cite a note) heads the lines below it: no nil dashes
        if (r.style() == Row.Style.HEADING && !r.hasValues()) return new Cell("", c.text() ? "text" : "num", null, null, false, null);
        if (c.text()) {
            String v = r.texts().get(c.id());
            return new Cell(v == null ? Amounts.NIL : v, v == null ? "text nil" : "text", null, null, v == null);
        }
        BigDecimal v = r.amount(c.id());
        String printed = v == null ? r.texts().get(c.id()) : null;
        if (printed != null) {
            // "n.m." as the report prints it
            return new Cell(printed, "num nm", null, r.label() + " — " + c.label() + ": not meaningful (as printed) — " + t.title(), false,
                    "not meaningful");
        }
        String fact = t.id() + "/" + r.id() + "/" + c.id();
        String title = r.label() + " — " + (c.period() != null ? c.period() : c.label()) + " — " + c.unit() + " — " + t.title();
        String text = Amounts.format(v, c.decimals(), c.minusSign());
        if (v != null && "%".equals(c.unit()) && c.minusSign()) text = text + "%";
        return new Cell(text, v == null ? "num nil" : v.signum() < 0 ? "num neg" : "num", v == null ? null : fact, title, v == null);
    }

    /**
     * A computed column's cell: period-over-period change or share of a total, in per cent with one decimal, or
     * "n.m." where the percentage is not meaningful (see {@link ComputedColumns}).
     */
    public Cell computed(Table t, Row r, Table.Computed c) {
        if (r.style() == Row.Style.HEADING && !r.hasValues()) return new Cell("", "num computed", null, null, false, null);
        ComputedColumns.Outcome o = ComputedColumns.outcome(t, r, c);
        String title = c.label() + " (computed) — " + r.label();
        if (o.nil()) return new Cell(Amounts.NIL, "num nil computed", null, title, true);
        if (!o.meaningful()) {
            return new Cell(NOT_MEANINGFUL, "num nm computed", null, title + ": not meaningful, " + o.notMeaningful().words, false, "not meaningful");
        }
        return new Cell(Amounts.format(o.shown(), ComputedColumns.DECIMALS, true) + "%", "num computed", null, title, false);
    }

    /**
     * The line under a table that explains "n.m.", or null when no cell shows it. For computed cells it states the
     * rule; a printed "n.m." is the report's own judgement.
     */
    public String notMeaningfulLegend(Table t) {
        boolean printed = false, computed = false;
        for (Row r : t.rows()) {
            if (r.style() == Row.Style.HEADING && !r.hasValues()) continue;
            for (Table.Column c : t.columns()) if (!c.text() && r.amount(c.id()) == null && r.texts().containsKey(c.id())) printed = true;
            for (Table.Computed c : shownComputed(t)) {
                ComputedColumns.Outcome o = ComputedColumns.outcome(t, r, c);
                if (!o.nil() && !o.meaningful()) computed = true;
            }
        }
        if (!printed && !computed) return null;
        return NOT_MEANINGFUL + ": not meaningful." + (computed ? " A computed change is not given where the figure changes sign, its earlier figure "
                + "is nil, or it moves by " + Amounts.format(BigDecimal.valueOf(ComputedColumns.NOT_MEANINGFUL_FROM), 0, false) + "% or more." : "");
    }

    /** Whether any figure or header of the table carries the mark of an acknowledged inconsistency. */
    public boolean hasMarks(AcknowledgedMarks.TableMarks marks) { return marks != null && !marks.isEmpty(); }

    public int footnoteNumber(Table t, String footnoteId) { return t.footnoteNumber(footnoteId); }

    public String footnoteAnchor(Table t, int number) { return "fn-" + t.id() + "-" + number; }

    public String footnoteRefAnchor(Table t, int number) { return "fnref-" + t.id() + "-" + number; }

    /** The first row citing a footnote owns the back-reference target; later rows link forward only. */
    public boolean firstCitation(Table t, Row r, String footnoteId) { return t.firstCiting(footnoteId).orElse(null) == r; }
}
