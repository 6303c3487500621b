package org.reportsite.render;

import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a reader knows for what the checks name by key: a figure {@code income-statement/revenue/h1-2025} (bare,
 * negated or in a {@code {{fact:...}}}) becomes "Revenue (Condensed consolidated income statement, six months ended
 * 30 June 2025)", and a page named by id and line ("mdna/results, line 7: ...") its title. Anything that does not
 * resolve in this report is left as written.
 */
final class Readable {
    private static final Pattern FACT_DIRECTIVE = Pattern.compile("\\{\\{fact:([^|}]+)(?:\\|[^}]*)?}}");
    private static final Pattern REF = Pattern.compile("(?<![\\w/.$-])(-?)([a-z0-9][a-z0-9-]*)/([a-z0-9][a-z0-9-]*)/([a-z0-9][a-z0-9-]*|\\*)(?![\\w/-])");
    private static final Pattern PAGE_LINE = Pattern.compile("^([a-z0-9][a-z0-9/_-]*), line \\d+: ");

    private final Report report;

    Readable(Report report) { this.report = report; }

    /** A check's description: a page named by id and line is named by its title, a figure by its line item, table and period. */
    String description(String d) {
        Matcher m = PAGE_LINE.matcher(d);
        if (m.find()) {
            Optional<Page> page = report.page(m.group(1));
            if (page.isPresent()) d = page.get().title() + ": " + d.substring(m.end());
        }
        return words(d, true);
    }

    /** The detail of a check, whose description names the tables and the period: a figure is named by its line item. */
    String text(String s) { return words(s, false); }

    private String words(String s, boolean withPeriod) {
        if (s == null || s.isEmpty()) return s;
        Matcher d = FACT_DIRECTIVE.matcher(s);
        StringBuilder b = new StringBuilder();
        while (d.find()) {
            String ref = d.group(1).strip();
            Matcher r = REF.matcher(ref);
            String words = r.matches() ? figure(r, withPeriod) : null;
            d.appendReplacement(b, Matcher.quoteReplacement(words != null ? words : d.group()));
        }
        d.appendTail(b);
        Matcher r = REF.matcher(b.toString());
        StringBuilder out = new StringBuilder();
        while (r.find()) {
            String words = figure(r, withPeriod);
            r.appendReplacement(out, Matcher.quoteReplacement(words != null ? words : r.group()));
        }
        r.appendTail(out);
        return out.toString();
    }

    /**
     * "Revenue (Income statement, six months ended 30 June 2025)", or "Revenue" alone in a detail (its description
     * names the tables and period), "minus ..." when negated; null when it names no figure.
     */
    private String figure(Matcher m, boolean withPeriod) {
        Table t = report.tables().get(m.group(2));
        if (t == null) return null;
        Optional<Row> row = t.row(m.group(3));
        if (row.isEmpty()) return null;
        String label = row.get().label() == null || row.get().label().isBlank() ? row.get().id() : row.get().label().strip();
        String col = m.group(4);
        String when = null;
        if (!col.equals("*")) {
            Optional<Table.Column> c = t.column(col);
            Optional<Table.Computed> computed = t.computed().stream().filter(x -> x.id().equals(col)).findFirst();
            if (c.isEmpty() && computed.isEmpty()) return null;
            if (withPeriod) when = c.map(Readable::period).orElseGet(() -> computed.get().label());
        }
        if (!withPeriod) return (m.group(1).isEmpty() ? "" : "minus ") + label;
        return (m.group(1).isEmpty() ? "" : "minus ") + label + " (" + t.title() + (when == null ? "" : ", " + when) + ")";
    }

    /** A column's period in running text ("six months ended 30 June 2025", "as at 30 June 2025"), else its header. */
    private static String period(Table.Column c) {
        String p = c.period();
        if (p == null || p.isBlank()) return c.label();
        return p.length() > 1 && Character.isUpperCase(p.charAt(0)) && Character.isLowerCase(p.charAt(1))
                ? p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1) : p;
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) { return list(items, "and"); }

    static String list(List<String> items, String conjunction) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
    }
}
