package org.reportsite.check;

import org.reportsite.model.ReportMeta;
import org.reportsite.model.Table;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as reports write them, in column headers ("Six months ended 30 June 2025", "As at 31 December 2024")
 * and in prose ("at 30 June 2025", "(31 December 2024: ...)", "for the period", "compared with H1 2024", "in 2024",
 * "the same period last year"), and which columns a period of the prose names.
 */
final class Periods {
    /** A period: an end date (or only a year), a length in months when known, or "this period"/"an earlier one". */
    record Period(LocalDate end, int year, int months, Relative relative) {
        static Period of(LocalDate end, int months) { return new Period(end, end.getYear(), months, Relative.NONE); }

        static Period year(int year, int months) { return new Period(null, year, months, Relative.NONE); }

        static final Period CURRENT = new Period(null, 0, 0, Relative.CURRENT);
        static final Period EARLIER = new Period(null, 0, 0, Relative.EARLIER);

        String describe() {
            if (relative == Relative.CURRENT) return "the current period";
            if (relative == Relative.EARLIER) return "an earlier period";
            String d = end != null ? end.getDayOfMonth() + " " + MONTH_NAMES[end.getMonthValue() - 1] + " " + end.getYear() : String.valueOf(year);
            return months == 6 ? "the six months ended " + d : months == 12 ? "the year ended " + d : months > 0 ? months + " months ended " + d : d;
        }
    }

    enum Relative { NONE, CURRENT, EARLIER }

    /** A period found in a sentence: where, and whether it introduces the figure after a colon ("31 December 2024: HK$..."). */
    record Mention(int start, int end, Period period, boolean colon) {}

    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\s*,?\\s*((?:19|20)\\d\\d)\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,\\s*((?:19|20)\\d\\d)\\b"
            + "|(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+((?:19|20)\\d\\d)\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern HALF = Pattern.compile("(?i)\\b(?:(H[12]|[12]H)\\s*'?((?:19|20)?\\d\\d)|(first|second|1st|2nd) half(?: year)?(?: of)?\\s+((?:19|20)\\d\\d))\\b");
    private static final Pattern FISCAL = Pattern.compile("(?i)\\b(?:FY|fiscal year|financial year)\\s*'?((?:19|20)?\\d\\d)\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)(?:\\b(?:in|for|during|of|than|from|to|over|at|since|versus|vs\\.?)\\s+|\\()((?:19|20)\\d\\d)\\b(?!\\s*(?:Notes?|Bonds?|Scheme|Plan|Share|Award|Option|Convertible)\\b)");
    private static final Pattern LENGTH = Pattern.compile("(?i)\\b(three|six|nine|twelve|3|6|9|12)[- ]months?\\s+(?:period\\s+)?end(?:ed|ing)\\s*$|\\b(?:year|financial year)\\s+end(?:ed|ing)\\s*$");
    private static final Pattern CURRENT = Pattern.compile("(?i)\\b(?:the|this)\\s+(?:current\\s+|reporting\\s+|review\\s+|interim\\s+)?(?:period|half[- ]year|six months)\\b(?!\\s+(?:ended|ending|last|of))"
            + "|\\bthis (?:year|half)\\b");
    private static final Pattern EARLIER = Pattern.compile("(?i)\\b(?:the\\s+)?(?:prior|previous|preceding|last|comparative|corresponding)\\s+(?:year|period|half[- ]year|six months)\\b"
            + "|\\bthe same period (?:of |in )?(?:last|the previous|the prior) year\\b|\\ba year (?:earlier|ago|before)\\b|\\blast year\\b");

    private Periods() {}

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            m.put(MONTH_NAMES[i].toLowerCase(Locale.ROOT), i + 1);
            m.put(MONTH_NAMES[i].substring(0, 3).toLowerCase(Locale.ROOT), i + 1);
        }
        m.put("sept", 9);
        return m;
    }

    /** Every period written in a sentence, in order. */
    static List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        Matcher m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) date(text, out, taken, m.start(), m.end(), m.group(3), m.group(2), m.group(1));
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) date(text, out, taken, m.start(), m.end(), m.group(3), m.group(1), m.group(2));
            else date(text, out, taken, m.start(), m.end(), m.group(6), m.group(4), m.group(5));
        }
        m = ISO_DATE.matcher(text);
        while (m.find()) date(text, out, taken, m.start(), m.end(), m.group(1), m.group(2), m.group(3));
        m = HALF.matcher(text);
        while (m.find()) {
            if (free(taken, m.start(), m.end())) add(text, out, taken, m.start(), m.end(), Period.year(year(m.group(2) != null ? m.group(2) : m.group(4)), 6));
        }
        m = FISCAL.matcher(text);
        while (m.find()) if (free(taken, m.start(), m.end())) add(text, out, taken, m.start(), m.end(), Period.year(year(m.group(1)), 12));
        m = YEAR.matcher(text);
        while (m.find()) if (free(taken, m.start(1), m.end(1))) add(text, out, taken, m.start(1), m.end(1), Period.year(year(m.group(1)), 0));
        m = CURRENT.matcher(text);
        while (m.find()) if (free(taken, m.start(), m.end())) add(text, out, taken, m.start(), m.end(), Period.CURRENT);
        m = EARLIER.matcher(text);
        while (m.find()) if (free(taken, m.start(), m.end())) add(text, out, taken, m.start(), m.end(), Period.EARLIER);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void date(String text, List<Mention> out, boolean[] taken, int start, int end, String y, String month, String day) {
        if (!free(taken, start, end)) return;
        Integer mo = month.matches("\\d+") ? Integer.valueOf(month) : MONTHS.get(month.toLowerCase(Locale.ROOT).replace(".", ""));
        if (mo == null) return;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(y), mo, Integer.parseInt(day));
            String before = text.substring(Math.max(0, start - 40), start);
            Matcher len = LENGTH.matcher(before);
            int months = 0;
            if (len.find()) months = len.group(1) == null ? 12 : switch (len.group(1).toLowerCase(Locale.ROOT)) {
                case "three", "3" -> 3;
                case "six", "6" -> 6;
                case "nine", "9" -> 9;
                default -> 12;
            };
            add(text, out, taken, start, end, Period.of(d, months));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            // not a date ("31 February 2025"): not a period either
        }
    }

    private static void add(String text, List<Mention> out, boolean[] taken, int start, int end, Period p) {
        for (int i = start; i < end; i++) taken[i] = true;
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') after++;
        out.add(new Mention(start, end, p, after < text.length() && text.charAt(after) == ':'));
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) if (taken[i]) return false;
        return true;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return v < 100 ? 2000 + v : v;
    }

    // ---- columns ----

    /** The period a column's figures are for: its declared period, else the table's, else a year in its header. */
    static Period ofColumn(Table t, Table.Column c) {
        for (String s : new String[]{c.period(), t.period()}) {
            if (s == null) continue;
            for (Mention m : find(s)) if (m.period().end() != null) return withLength(m.period(), s);
        }
        int year = 0;
        for (String s : new String[]{c.label(), c.subLabel(), c.id()}) {
            if (s == null) continue;
            for (String found : HeaderYearCheck.years(s)) year = Math.max(year, Integer.parseInt(found));
        }
        return year == 0 ? null : Period.year(year, 0);
    }

    private static Period withLength(Period p, String written) {
        String l = written.toLowerCase(Locale.ROOT);
        if (p.months() > 0) return p;
        if (l.contains("as at") || l.contains("as of") || l.startsWith("at ")) return new Period(p.end(), p.year(), -1, Relative.NONE);
        return p;
    }

    /** The report's own period end, from report.json. */
    static LocalDate currentEnd(ReportMeta meta) {
        if (meta.period() == null || meta.period().end() == null) return null;
        try {
            return LocalDate.parse(meta.period().end());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether a column of period {@code column} is a column the prose period {@code said} names. */
    static boolean names(Period said, Period column, LocalDate current) {
        if (column == null) return said.relative() == Relative.CURRENT && current == null;
        switch (said.relative()) {
            case CURRENT:
                return current == null || column.end() == null ? column.year() == (current == null ? column.year() : current.getYear())
                        : column.end().equals(current);
            case EARLIER:
                return current == null || column.end() == null ? current == null || column.year() < current.getYear()
                        : column.end().isBefore(current);
            default:
        }
        if (said.end() != null && column.end() != null) return said.end().equals(column.end());
        if (said.year() != column.year()) return false;
        return said.months() <= 0 || column.months() == 0 || column.months() == said.months()
                || (column.months() < 0 && said.end() == null);
    }
}
