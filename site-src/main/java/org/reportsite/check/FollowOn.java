package org.reportsite.check;

import org.reportsite.model.Finding;
import org.reportsite.model.Location;
import org.reportsite.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings that would only repeat an error of the content stage. A table whose file has errors (see
 * {@link Report#damagedTables()}) may have lost rows, values or its whole self: a reference to a row it lost,
 * a footing it no longer adds up to, a tie or a figure of the text that used it would all be reported, each
 * far from the cause and before it. They are not reported; each damaged table gets one warning that says how
 * many were held back, so the real error is read first and fixing it brings back whatever remains.
 */
final class FollowOn {
    private final Report report;
    private final Map<String, Integer> withheld = new TreeMap<>();
    private final Map<String, Integer> withheldPages = new TreeMap<>();
    private int prose;

    FollowOn(Report report) { this.report = report; }

    /** Whether a finding about {@code tableId} is a follow-on (the table is damaged); if so it is counted. */
    boolean fold(String tableId) {
        if (tableId == null || !report.damaged(tableId)) return false;
        withheld.merge(tableId, 1, Integer::sum);
        return true;
    }

    boolean any() { return !report.damagedTables().isEmpty(); }

    /** Whether a finding about page {@code pageId} is a follow-on (its file could not be read); if so it is counted. */
    boolean foldPage(String pageId) {
        if (pageId == null || !report.damagedPages().contains(pageId)) return false;
        withheldPages.merge(pageId, 1, Integer::sum);
        return true;
    }

    /**
     * Whether a reference to a note that no page declares is a follow-on: a page that could not be read may be the
     * one that declares it (which note it is, its front matter would have said). Counted against the first such page.
     */
    boolean foldNote() {
        if (report.damagedPages().isEmpty()) return false;
        withheldPages.merge(report.damagedPages().stream().sorted().findFirst().get(), 1, Integer::sum);
        return true;
    }

    /** A figure of the text whose check was held back (any figure may quote a row a damaged table lost). */
    void foldProse() { prose++; }

    /** One warning per damaged table that held findings back. */
    List<Finding> summary() {
        List<Finding> out = new ArrayList<>();
        String tables = String.join(", ", report.damagedTables().stream().sorted().toList());
        for (var e : withheld.entrySet()) {
            out.add(Finding.warning("table.follow-on", Location.of("data/" + e.getKey() + ".json"), e.getValue()
                    + " reference(s) or check(s) that use table \"" + e.getKey() + "\" were not checked because the table has errors",
                    "Fix the errors of this table first; what they hid is reported by the next run."));
        }
        for (var e : withheldPages.entrySet()) {
            out.add(Finding.warning("page.follow-on", Location.of("narrative/" + e.getKey() + ".md"), e.getValue()
                    + " reference(s) to notes or pages were not checked because a page could not be read",
                    "Fix the errors of this page first; what they hid is reported by the next run."));
        }
        if (prose > 0) {
            String first = report.damagedTables().stream().sorted().findFirst().orElse("");
            out.add(Finding.warning("table.follow-on", Location.of("data/" + first + ".json"), prose
                    + " figure(s) of the text were not checked because table(s) " + tables + " have errors",
                    "Fix the errors of the table(s) first; the figures are checked by the next run."));
        }
        return out;
    }
}
