package org.reportsite.check;

import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Report;

import java.util.List;

/** Footing, cross-footing, ties, computed columns and prose figures. */
final class NumberChecks {
    private NumberChecks() {}

    static void run(Report report, Index index, List<CheckResult.Performed> performed, List<Finding> findings) {
    }
}
