package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Report;
import org.reportsite.model.Table;

import java.util.List;

/** The number checks, in order: footing, cross-footing, column headers, computed columns, ties, the same line item in two tables, prose figures. */
final class NumberChecks {
    private NumberChecks() {}

    static void run(Report report, Index index, boolean strict, List<CheckResult.Performed> performed, List<Finding> findings,
                    List<CheckResult.Performed> exempted, FollowOn followOn) {
        Outcomes out = new Outcomes(index);
        precision(report, out, followOn);
        new FootingCheck(report, out).run();
        new HeaderYearCheck(report, out).run();
        new ComputedCheck(report, out).run();
        new TieCheck(report, out, followOn).run();
        int performedBefore = out.performed.size(), findingsBefore = out.findings.size();
        new SameItemCheck(report, out, ProseFacts.of(report).resolver().items()).run();
        new ProseCheck(report, out, strict).run();
        // any figure of the text may quote a row that a damaged table lost: its failures wait until the table is fixed
        if (followOn.any()) out.withholdFailures(performedBefore, findingsBefore, followOn);
        performed.addAll(out.performed);
        findings.addAll(out.findings);
        exempted.addAll(out.exempted);
    }

    /** Every precision override of checks.json names a table and columns that exist. */
    private static void precision(Report report, Outcomes out, FollowOn followOn) {
        for (Checks.Precision p : report.checks().precision()) {
            if (p.table() == null || followOn.fold(p.table())) continue;
            Table t = report.tables().get(p.table());
            if (t == null) {
                out.problem(Outcomes.error("precision.unknown", null, p.location(), "precision entry names table \"" + p.table() + "\", which does not exist",
                        null, null, "Tables are data/<id>.json files and the sheets of data/*.xlsx workbooks" + ReferenceCheck.closest(p.table(), report.tables().keySet()) + "."));
                continue;
            }
            for (String c : p.columns()) {
                if (t.column(c).isEmpty()) {
                    out.problem(Outcomes.error("precision.unknown", null, p.location(), "precision entry names column \"" + c + "\" of " + t.id()
                            + ", which does not exist", null, null, "Columns of " + t.id() + ": "
                            + String.join(", ", t.columns().stream().map(Table.Column::id).toList()) + "."));
                }
            }
        }
    }
}
