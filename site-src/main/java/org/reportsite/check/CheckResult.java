package org.reportsite.check;

import org.reportsite.model.Finding;

import java.util.List;

/** What the check stage did: every check it ran (for the "Data checks" page) and every finding. */
public record CheckResult(List<Performed> performed, List<Finding> findings) {

    /** One check run: its category, a stable key, what it verified, and how it ended. */
    public record Performed(String category, String key, String description, Status status, String detail) {}

    public enum Status { PASSED, FAILED, ACKNOWLEDGED }

    public long count(Status s) { return performed.stream().filter(p -> p.status() == s).count(); }
}
