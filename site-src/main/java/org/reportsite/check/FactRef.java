package org.reportsite.check;

import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.Optional;

/** A fact written {@code table/row/column}, resolved against the dataset. */
public record FactRef(String table, String row, String column) {

    public static Optional<FactRef> parse(String text) {
        if (text == null) return Optional.empty();
        String[] p = text.strip().split("/", -1);
        if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) return Optional.empty();
        return Optional.of(new FactRef(p[0], p[1], p[2]));
    }

    /** Why this reference does not resolve, or null when it does. */
    public String problem(Report report) {
        Table t = report.tables().get(table);
        if (t == null) return "there is no table \"" + table + "\"";
        Optional<Row> r = t.row(row);
        if (r.isEmpty()) return "table \"" + table + "\" has no row \"" + row + "\"";
        if (t.column(column).isEmpty()) return "table \"" + table + "\" has no column \"" + column + "\"";
        return null;
    }

    public Optional<BigDecimal> value(Report report) {
        Table t = report.tables().get(table);
        if (t == null) return Optional.empty();
        return t.row(row).map(r -> r.amount(column));
    }

    @Override
    public String toString() { return table + "/" + row + "/" + column; }
}
