package org.reportsite.model;

import java.util.List;
import java.util.Optional;

/** One table of the dataset, exactly as published. */
public record Table(String id, String title, String unit, int decimals, String period,
                    List<ColumnGroup> columnGroups, List<Column> columns, List<ColumnSum> columnSums,
                    List<Row> rows, List<Footnote> footnotes, List<Computed> computed, Location location) {

    public record ColumnGroup(String label, List<String> columns) {}

    /** A column; {@code unit}/{@code decimals} are already resolved against the table's. */
    public record Column(String id, String label, String subLabel, String period, String unit,
                         int decimals, boolean minusSign, boolean text) {}

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

    public Optional<Row> row(String rowId) {
        return rows.stream().filter(r -> r.id().equals(rowId)).findFirst();
    }

    public Optional<Column> column(String columnId) {
        return columns.stream().filter(c -> c.id().equals(columnId)).findFirst();
    }

    public int footnoteNumber(String footnoteId) {
        for (int i = 0; i < footnotes.size(); i++) if (footnotes.get(i).id().equals(footnoteId)) return i + 1;
        return -1;
    }
}
