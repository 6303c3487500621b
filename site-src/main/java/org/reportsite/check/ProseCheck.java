package org.reportsite.check;

import org.reportsite.model.Report;

/** Figures quoted in the narrative, looked up in the dataset. */
final class ProseCheck {
    private final Report report;
    private final Outcomes out;

    ProseCheck(Report report, Outcomes out) {
        this.report = report;
        this.out = out;
    }

    void run() {
    }
}
