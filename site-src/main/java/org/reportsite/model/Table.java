package org.reportsite.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One table of the dataset, exactly as published. */
public record Table(String id, String title, String unit, int decimals, String period,
                    List<ColumnGroup> columnGroups, List<Column> columns, List<ColumnSum> columnSums,
                    List<Row> rows, List<Footnote> footnotes, List<Computed> computed, Location location) {

    /** Columns under one spanning header; {@code location} is where the group is written (may be null). */
    public record ColumnGroup(String label, List<String> columns, Location location) {
        public ColumnGroup(String label, List<String> columns) { this(label, columns, null); }
    }

    /**
     * A column; {@code unit}/{@code decimals} are already resolved against the table's. {@code location} is where
     * the column is declared (may be null), for findings about its header.
     */
    public record Column(String id, String label, String subLabel, String period, String unit,
                         int decimals, boolean minusSign, boolean text, Location location) {
        public Column(String id, String label, String subLabel, String period, String unit, int decimals, boolean minusSign, boolean text) {
            this(id, label, subLabel, period, unit, decimals, minusSign, text, null);
        }
    }

    /** Cross-footing: in each row, {@code column} equals the sum of {@code of}. */
    public record ColumnSum(String column, List<String> of, Location location) {}

    public record Footnote(String id, String text) {}

    /**
     * A column computed at build time: period-over-period change or share of a total. {@code basis} is
     * {@code signed} ((to - from) / |from|, the default) or {@code magnitude} (|to| / |from| - 1: a loss that
     * shrinks is a negative change, as reports print it).
     */
    public record Computed(String type, String id, String label, String from, String to,
                           String of, String total, String published, String basis, Location location) {
        public boolean magnitude() { return "magnitude".equals(basis); }
    }

    /** A key no row id can have (ids are letters, digits and '-'): the rows are also found by the footnotes they cite. */
    private static final String CITES = "\0cites:";
    private static final String HAS_NOTES = "\0notes";

    /**
     * Every lookup by id is a map lookup (a table is asked for its rows one by one while it is checked and
     * rendered): the lists are {@link KeyedList}s, equal to the lists they were made from.
     */
    public Table {
        columnGroups = KeyedList.byKeys(columnGroups, ColumnGroup::columns);
        columns = KeyedList.byKey(columns, Column::id);
        footnotes = KeyedList.byKey(footnotes, Footnote::id);
        rows = KeyedList.byKeys(rows, r -> {
            List<String> keys = new ArrayList<>(1 + r.footnotes().size() + 1);
            keys.add(r.id());
            for (String f : r.footnotes()) keys.add(CITES + f);
            if (!r.notes().isEmpty()) keys.add(HAS_NOTES);
            return keys;
        });
    }

    public Optional<Row> row(String rowId) { return keyed(rows).find(rowId); }

    public Optional<Column> column(String columnId) { return keyed(columns).find(columnId); }

    /** The 1-based number of a footnote in the table's list, or -1. */
    public int footnoteNumber(String footnoteId) {
        int i = keyed(footnotes).position(footnoteId);
        return i < 0 ? -1 : i + 1;
    }

    /** The first row that cites a footnote (it owns the footnote's back-reference target). */
    public Optional<Row> firstCiting(String footnoteId) { return keyed(rows).find(CITES + footnoteId); }

    /** Whether any row cites a note (the table then has a notes column). */
    public boolean hasNotes() { return keyed(rows).position(HAS_NOTES) >= 0; }

    /** The spanning group a column belongs to, if any. */
    public Optional<ColumnGroup> groupOf(String columnId) { return keyed(columnGroups).find(columnId); }

    /** The 1-based number of the group a column belongs to, or -1. */
    public int groupNumber(String columnId) {
        int i = keyed(columnGroups).position(columnId);
        return i < 0 ? -1 : i + 1;
    }

    private static <T> KeyedList<T> keyed(List<T> list) { return (KeyedList<T>) list; }
}
