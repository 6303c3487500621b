package org.reportsite.check;

import org.reportsite.model.Location;
import org.reportsite.model.Report;
import org.reportsite.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year printed in a column header (its label, second line or spanning group) must be a year of the period
 * the column declares: a "2023" over figures of the six months ended 30 June 2025 cannot be right.
 */
final class HeaderYearCheck {
    static final String CATEGORY = "Column headers";
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19|20)\\d\\d(?![\\d.,]\\d)");

    private final Report report;
    private final Outcomes out;

    HeaderYearCheck(Report report, Outcomes out) {
        this.report = report;
        this.out = out;
    }

    void run() {
        for (Table t : report.tables().values()) {
            for (Table.Column c : t.columns()) {
                if (c.period() == null) continue;
                Set<String> periodYears = years(c.period());
                if (periodYears.isEmpty()) continue;
                List<String> headers = new ArrayList<>();
                if (c.label() != null) headers.add(c.label());
                if (c.subLabel() != null) headers.add(c.subLabel());
                Table.ColumnGroup group = t.groupOf(c.id()).filter(g -> g.label() != null).orElse(null);
                if (group != null) headers.add(group.label());
                Set<String> headerYears = new LinkedHashSet<>();
                for (String h : headers) headerYears.addAll(years(h));
                // the finding goes where the wrong year is written: the column, or the group heading above it
                Set<String> own = new LinkedHashSet<>();
                if (c.label() != null) own.addAll(years(c.label()));
                if (c.subLabel() != null) own.addAll(years(c.subLabel()));
                if (headerYears.isEmpty()) continue;
                String key = "header/" + t.id() + "/" + c.id();
                String description = t.title() + ": header “" + c.label() + "” names the year of its period (" + c.period() + ")";
                Set<String> wrong = new LinkedHashSet<>(headerYears);
                wrong.removeAll(periodYears);
                String link = out.rowLink(t.id(), null);
                if (wrong.isEmpty()) {
                    out.passed(CATEGORY, key, description, "header " + String.join(", ", headerYears) + " matches the period", link);
                } else {
                    String detail = "header says " + String.join(", ", wrong) + ", the column's period is " + c.period();
                    boolean inGroup = group != null && !wrong.stream().anyMatch(own::contains);
                    Location at = inGroup && group.location() != null ? group.location() : c.location() != null ? c.location() : t.location();
                    out.failed(CATEGORY, description, detail, link, Outcomes.error("header.year", key, at,
                            "column \"" + c.id() + "\" of " + t.id() + " is headed \"" + String.join(" / ", headers) + "\", but its figures are for "
                                    + c.period(), String.join(", ", periodYears), String.join(", ", wrong),
                            "Fix the column's \"label\" or \"period\"; if the source prints the header so, keep it and acknowledge the key in checks.json."));
                }
            }
        }
    }

    static Set<String> years(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
