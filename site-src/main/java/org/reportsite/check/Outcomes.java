package org.reportsite.check;

import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** Collects what the number checks did: every check run (passed or failed) and every finding. */
final class Outcomes {
    final List<CheckResult.Performed> performed = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<CheckResult.Performed> exempted = new ArrayList<>();
    private final Index index;

    Outcomes(Index index) { this.index = index; }

    void passed(String category, String key, String description, String detail, String link) {
        performed.add(new CheckResult.Performed(category, key, description, CheckResult.Status.PASSED, detail, link));
    }

    /** A check that failed: recorded for the "Data checks" page, and its finding (an error, unless acknowledged later). */
    void failed(String category, String description, String detail, String link, Finding f) {
        performed.add(new CheckResult.Performed(category, f.key(), description, CheckResult.Status.FAILED, detail, link));
        findings.add(f);
    }

    /** A check that failed whose finding is reported once for several checks (under {@code key}, which acknowledges them all). */
    void failedUnder(String category, String key, String description, String detail, String link) {
        performed.add(new CheckResult.Performed(category, key, description, CheckResult.Status.FAILED, detail, link));
    }

    /** A figure declared not to be a dataset figure: seen, and deliberately not checked. */
    void exempt(String category, String key, String description, String detail, String link) {
        exempted.add(new CheckResult.Performed(category, key, description, CheckResult.Status.PASSED, detail, link));
    }

    /** Drops the failures recorded since the given sizes (their findings and their entries), counting them as follow-ons. */
    void withholdFailures(int performedFrom, int findingsFrom, FollowOn followOn) {
        List<Finding> kept = new ArrayList<>(findings.subList(0, findingsFrom));
        for (Finding f : findings.subList(findingsFrom, findings.size())) {
            if (f.isError()) followOn.foldProse();
            else kept.add(f);
        }
        findings.clear();
        findings.addAll(kept);
        List<CheckResult.Performed> keptP = new ArrayList<>(performed.subList(0, performedFrom));
        for (CheckResult.Performed p : performed.subList(performedFrom, performed.size())) {
            if (p.status() != CheckResult.Status.FAILED) keptP.add(p);
        }
        performed.clear();
        performed.addAll(keptP);
    }

    /** A problem with a check's declaration (no check could run). */
    void problem(Finding f) { findings.add(f); }

    static Finding error(String code, String key, Location where, String message, String expected, String actual, String hint) {
        return new Finding(Severity.ERROR, code, key, where, message, expected, actual, hint);
    }

    /** A link to a table row for the site, when the table is placed on a page (an unplaced table has no address). */
    String rowLink(String table, String row) {
        if (index == null || index.tableHome(table).isEmpty()) return null;
        return row == null ? "table:" + table : "table:" + table + "#" + Index.rowAnchor(table, row);
    }
}
