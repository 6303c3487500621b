package org.reportsite.check;

import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Computed columns against the percentages the report prints ({@code published}). A published percentage passes
 * when it is the rounding of some value consistent with the printed inputs: inputs in RMB million are themselves
 * rounded, so 176.5 / 1,739.7 stands for anything between 176.45 / 1,739.75 and 176.55 / 1,739.65. A printed "n.m."
 * passes when {@link ComputedColumns#outcome} finds the percentage not meaningful; a printed figure where the rule
 * says "n.m." (a report may print one for a sign change) is checked arithmetically all the same.
 */
final class ComputedCheck {
    static final String CATEGORY = "Computed columns";

    private final Report report;
    private final Outcomes out;

    ComputedCheck(Report report, Outcomes out) {
        this.report = report;
        this.out = out;
    }

    void run() {
        for (Table t : report.tables().values()) {
            if (report.damaged(t.id())) continue; // its errors are the findings; its sums may miss what they lost
            for (Table.Computed c : t.computed()) {
                if (c.published() == null) continue;
                Optional<Table.Column> pub = t.column(c.published());
                if (pub.isEmpty()) continue;
                if (!"%".equals(Scale.of(t, pub.get(), report.checks()).dimension())) {
                    out.problem(Outcomes.error("computed.published-unit", "computed/" + t.id() + "/" + c.id(), c.location(),
                            "computed column \"" + c.id() + "\" of " + t.id() + " is compared with column \"" + pub.get().id()
                                    + "\", which is in " + pub.get().unit() + ", not in per cent", null, null,
                            "\"published\" must name a column with \"unit\": \"%\"."));
                    continue;
                }
                for (Row r : t.rows()) check(t, c, pub.get(), r);
            }
        }
    }

    private void check(Table t, Table.Computed c, Table.Column pub, Row r) {
        BigDecimal published = r.amount(pub.id());
        // a printed "n.m." is kept as text in the percentage column
        String printedNotMeaningful = published == null ? r.texts().get(pub.id()) : null;
        if (published == null && printedNotMeaningful == null) return;
        String key = "computed/" + t.id() + "/" + r.id() + "/" + c.id();
        String label = c.label().contains("computed") ? c.label() : c.label() + " (computed)";
        String description = t.title() + ": " + FootingCheck.label(r) + ", " + label + " = printed “" + pub.label() + "”"
                + (pub.period() != null ? " (" + pub.period() + ")" : "");
        String link = out.rowLink(t.id(), r.id());
        ComputedColumns.Outcome outcome = ComputedColumns.outcome(t, r, c);
        if (printedNotMeaningful != null) {
            notMeaningful(t, c, pub, r, key, description, link, printedNotMeaningful, outcome);
            return;
        }
        Scale pubScale = Scale.of(t, pub, report.checks());
        String publishedText = Figures.percent(published, pub.decimals());
        BigDecimal value = outcome.exact();
        BigDecimal[] range = ComputedColumns.range(t, r, c, half(t, "change".equals(c.type()) ? c.from() : c.of()),
                half(t, "change".equals(c.type()) ? c.to() : c.of()));
        if (value == null || range == null) {
            String why = "cannot be computed: an input is nil or zero";
            out.failed(CATEGORY, description, why, link, Outcomes.error("computed.nil", key, r.location(),
                    "row \"" + r.id() + "\" of " + t.id() + " prints " + publishedText + " in \"" + pub.id() + "\", but " + c.id() + " " + why,
                    null, publishedText, "Check the row's figures, or remove the printed percentage if it does not belong to this row."));
            return;
        }
        BigDecimal shown = value.setScale(pub.decimals(), RoundingMode.HALF_UP);
        String computedText = Figures.percent(shown, pub.decimals());
        BigDecimal half = pubScale.halfStep();
        boolean ok = range[0].compareTo(published.add(half)) <= 0 && range[1].compareTo(published.subtract(half)) >= 0;
        boolean exactInputs = range[0].compareTo(range[1]) == 0;
        String basis = exactInputs ? "" : " (" + plain(range[0]) + "% to " + plain(range[1]) + "% within the rounding of the inputs)";
        // The report may print a figure where the site's rule says "n.m.": the printed figure is still checked arithmetically.
        String rule = outcome.notMeaningful() == null ? "" : "; the site would show n.m. (" + outcome.notMeaningful().words + ")";
        if (ok) {
            out.passed(CATEGORY, key, description, "computed " + computedText + basis + ", printed " + publishedText + rule, link);
        } else {
            String detail = "computed " + computedText + basis + ", printed " + publishedText + rule;
            out.failed(CATEGORY, description, detail, link, Outcomes.error("computed.mismatch", key, r.location(),
                    "row \"" + r.id() + "\" of " + t.id() + ": the printed " + pub.id() + " is " + publishedText + ", but " + c.id() + " computes "
                            + computedText + basis, computedText, publishedText,
                    "Check the row's figures and the printed percentage against the source; if the source prints it so, acknowledge the key in checks.json."));
        }
    }

    /** A printed "n.m." passes when the rule finds the percentage not meaningful (or there is nothing to compute). */
    private void notMeaningful(Table t, Table.Computed c, Table.Column pub, Row r, String key, String description, String link,
                               String printed, ComputedColumns.Outcome outcome) {
        if (!outcome.meaningful()) {
            out.passed(CATEGORY, key, description, "printed " + printed + ": " + (outcome.nil() ? "no figures to compare"
                    : "not meaningful, " + outcome.notMeaningful().words), link);
            return;
        }
        String computedText = Figures.percent(outcome.exact().setScale(pub.decimals(), RoundingMode.HALF_UP), pub.decimals());
        String detail = "printed " + printed + ", but the percentage is meaningful: computed " + computedText;
        out.failed(CATEGORY, description, detail, link, Outcomes.error("computed.mismatch", key, r.location(),
                "row \"" + r.id() + "\" of " + t.id() + " prints " + printed + " in \"" + pub.id() + "\", but " + c.id() + " computes " + computedText
                        + " (a change is n.m. only when the figure changes sign, the base is nil, or the change is "
                        + ComputedColumns.NOT_MEANINGFUL_FROM + "% or more)", computedText, printed,
                "Check the row's figures against the source; if the source prints n.m. here, acknowledge the key in checks.json."));
    }

    private BigDecimal half(Table t, String column) {
        return t.column(column).map(col -> Scale.of(t, col, report.checks()).halfStep()).orElse(BigDecimal.ZERO);
    }

    private static String plain(BigDecimal v) { return v.setScale(3, RoundingMode.HALF_UP).toPlainString(); }
}
