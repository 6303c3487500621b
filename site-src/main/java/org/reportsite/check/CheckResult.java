package org.reportsite.check;

import org.reportsite.model.Finding;

import java.util.List;

/**
 * What the check stage did: every check it ran (for the "Data checks" page), every finding, and the figures of
 * the text declared not to be dataset figures ({@code {{nofact:...}}}), which were seen and deliberately not checked.
 */
public record CheckResult(List<Performed> performed, List<Finding> findings, List<Performed> exempted) {

    public CheckResult(List<Performed> performed, List<Finding> findings) { this(performed, findings, List.of()); }

    /**
     * One check run: its category, a stable key, what it verified, how it ended, and where the checked
     * figure lives ({@code link}: a {@code table:} or {@code page:} link for the site, or null).
     */
    public record Performed(String category, String key, String description, Status status, String detail, String link) {
        public Performed(String category, String key, String description, Status status, String detail) {
            this(category, key, description, status, detail, null);
        }

        public Performed withStatus(Status s, String newDetail) {
            return new Performed(category, key, description, s, newDetail, link);
        }
    }

    public enum Status { PASSED, FAILED, ACKNOWLEDGED }

    /**
     * The id of a check's entry on the Data checks page, made from its key and one-to-one with it: {@code a-z},
     * {@code 0-9} and {@code -} are kept, {@code /} becomes {@code .}, any other character {@code _hex_}
     * ({@code foot/use-of-proceeds/total/actual-use} → {@code check-foot.use-of-proceeds.total.actual-use}).
     */
    public static String anchor(String key) {
        StringBuilder sb = new StringBuilder("check-");
        key.codePoints().forEach(c -> {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') sb.appendCodePoint(c);
            else if (c == '/') sb.append('.');
            else sb.append('_').append(Integer.toHexString(c)).append('_');
        });
        return sb.toString();
    }

    public long count(Status s) { return performed.stream().filter(p -> p.status() == s).count(); }

    public long count(String category, Status s) {
        return performed.stream().filter(p -> p.category().equals(category) && p.status() == s).count();
    }

    /** The categories in the order their first check ran. */
    public List<String> categories() { return performed.stream().map(Performed::category).distinct().toList(); }
}
