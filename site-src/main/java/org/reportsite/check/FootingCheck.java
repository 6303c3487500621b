package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Footing (every {@code sum} row equals the signed sum of its lines) and cross-footing (every {@code columnSums}
 * column equals the sum of its columns, row by row). Nil counts as zero. Figures printed exactly (RMB'000) must
 * tie exactly; figures rounded from finer data (RMB million, per cent) may differ by the rounding of the figures
 * involved: half a unit of the last printed digit for each of them.
 */
final class FootingCheck {
    static final String FOOTING = "Footing";
    static final String CROSS_FOOTING = "Cross-footing";

    private final Report report;
    private final Outcomes out;

    FootingCheck(Report report, Outcomes out) {
        this.report = report;
        this.out = out;
    }

    void run() {
        for (Table t : report.tables().values()) {
            if (report.damaged(t.id())) continue; // its errors are the findings; its sums may miss what they lost
            for (Row r : t.rows()) if (!r.sum().isEmpty()) foot(t, r);
            for (Table.ColumnSum cs : t.columnSums()) crossFoot(t, cs);
        }
    }

    private void foot(Table t, Row total) {
        List<Table.Column> columns = new ArrayList<>();
        for (Table.Column c : t.columns()) {
            if (c.text()) continue;
            if (!total.sumColumns().isEmpty()) {
                if (total.sumColumns().contains(c.id())) columns.add(c);
            } else if (total.amount(c.id()) != null || total.sum().stream().anyMatch(s -> component(t, s).map(r -> r.amount(c.id()) != null).orElse(false))) {
                columns.add(c);
            }
        }
        for (Table.Column c : columns) {
            BigDecimal sum = BigDecimal.ZERO;
            int figures = 0;
            for (String s : total.sum()) {
                Optional<Row> r = component(t, s);
                BigDecimal v = r.map(x -> x.amount(c.id())).orElse(null);
                if (v == null) continue;
                figures++;
                sum = s.startsWith("-") ? sum.subtract(v) : sum.add(v);
            }
            BigDecimal printed = total.amount(c.id());
            if (printed != null) figures++;
            String what = total.sum().size() == 1 ? "the line it repeats" : "its " + total.sum().size() + " lines";
            compare(FOOTING, "foot/" + t.id() + "/" + total.id() + "/" + c.id(), "foot.mismatch", t, total, c, printed, sum, figures,
                    t.title() + ": " + label(total) + " = sum of " + what + " (" + column(t, c) + ")",
                    "\"" + label(total) + "\" in " + t.id() + ", column " + c.id() + ", does not equal the sum of " + what,
                    "Check the figures of the lines " + String.join(", ", total.sum()) + " and of the total against the source;"
                            + " if the source itself does not add up, acknowledge the key in checks.json with the reason.");
        }
    }

    private void crossFoot(Table t, Table.ColumnSum cs) {
        Optional<Table.Column> target = t.column(cs.column());
        if (target.isEmpty()) return;
        Table.Column c = target.get();
        for (Row r : t.rows()) {
            boolean any = r.amount(cs.column()) != null || cs.of().stream().anyMatch(o -> r.amount(o) != null);
            if (!any) continue;
            BigDecimal sum = BigDecimal.ZERO;
            int figures = 0;
            for (String o : cs.of()) {
                BigDecimal v = r.amount(o);
                if (v == null) continue;
                figures++;
                sum = sum.add(v);
            }
            BigDecimal printed = r.amount(cs.column());
            if (printed != null) figures++;
            compare(CROSS_FOOTING, "xfoot/" + t.id() + "/" + r.id() + "/" + c.id(), "xfoot.mismatch", t, r, c, printed, sum, figures,
                    t.title() + ": " + label(r) + ", " + c.label() + " = " + String.join(" + ", cs.of().stream().map(o -> t.column(o).map(Table.Column::label).orElse(o)).toList()),
                    "in row \"" + r.id() + "\" of " + t.id() + ", column \"" + c.id() + "\" does not equal the sum of columns " + String.join(", ", cs.of()),
                    "Check the row's figures against the source; if the source itself does not cross-foot, acknowledge the key in checks.json.");
        }
    }

    private void compare(String category, String key, String code, Table t, Row row, Table.Column c, BigDecimal printed, BigDecimal sum,
                         int figures, String description, String failure, String hint) {
        Scale scale = Scale.of(t, c, report.checks());
        BigDecimal actual = printed == null ? BigDecimal.ZERO : printed;
        BigDecimal diff = actual.subtract(sum);
        BigDecimal tolerance = scale.halfStep().multiply(BigDecimal.valueOf(figures));
        String link = out.rowLink(t.id(), row.id());
        String sumText = Figures.format(sum, c.decimals());
        String printedText = printed == null ? "nil" : Figures.format(printed, c.decimals());
        if (diff.signum() == 0) {
            out.passed(category, key, description, "adds up: " + printedText, link);
        } else if (diff.abs().compareTo(tolerance) <= 0) {
            out.passed(category, key, description, "printed " + printedText + ", sum " + sumText + ": difference " + Figures.signed(diff, c.decimals())
                    + " is within rounding (" + figures + " figures rounded to " + c.unit() + ", ±" + tolerance.stripTrailingZeros().toPlainString() + ")", link);
        } else {
            String detail = "printed " + printedText + ", sum " + sumText + ": difference " + Figures.signed(diff, c.decimals())
                    + (scale.rounded() ? " exceeds rounding (±" + tolerance.stripTrailingZeros().toPlainString() + ")" : " (figures in " + c.unit() + " must tie exactly)");
            out.failed(category, description, detail, link, Outcomes.error(code, key, row.location(), failure + ": " + detail,
                    sumText, printedText, hint));
        }
    }

    private static Optional<Row> component(Table t, String ref) {
        return t.row(ref.startsWith("-") ? ref.substring(1) : ref);
    }

    static String label(Row r) { return r.label().isBlank() ? r.id() : r.label(); }

    static String column(Table t, Table.Column c) {
        String p = c.period() != null ? c.period() : c.label();
        if (c.unit() != null && !c.unit().equals(t.unit())) p = p + ", " + c.unit();
        return p;
    }

}
