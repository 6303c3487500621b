package org.reportsite.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of a {@code {{chart:TABLE-ID|opt|opt}}} directive, read leniently (for drawing) or checked
 * strictly against the table (for the check stage, so that a typo is an error naming the file and line).
 * <ul>
 *   <li>{@code type=bars} (default: one group of horizontal bars per row, one bar per column),
 *       {@code type=stacked} (one bar per column, split into the rows) or
 *       {@code type=waterfall} (one column; the first and last rows are balances, the rows between are movements)</li>
 *   <li>{@code columns=a,b}: the columns drawn, in this order (default: every amount column in the table's unit)</li>
 *   <li>{@code rows=a,b}: the rows drawn, in this order (default: every line row with a value; totals left out)</li>
 *   <li>{@code million}: thousands shown as millions with one decimal</li>
 *   <li>{@code title=...}: the chart's title (default: the table's)</li>
 * </ul>
 */
public record ChartSpec(Type type, List<String> columns, List<String> rows, String title, boolean million) {

    public enum Type { BARS, STACKED, WATERFALL }

    public static final String HELP = "Chart options: type=bars|stacked|waterfall, columns=a,b, rows=a,b, million, title=Text.";

    public static ChartSpec parse(List<String> options) {
        Type type = Type.BARS;
        List<String> columns = List.of(), rows = List.of();
        String title = null;
        boolean million = false;
        for (String o : options) {
            String key = key(o), value = value(o);
            switch (key) {
                case "type" -> {
                    try {
                        type = Type.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        // reported by problems()
                    }
                }
                case "columns" -> columns = ids(value);
                case "rows" -> rows = ids(value);
                case "title" -> title = value.isBlank() ? null : value.strip();
                case "million" -> million = true;
                default -> { }
            }
        }
        return new ChartSpec(type, columns, rows, title, million);
    }

    /** What is wrong with these options for this table; empty when nothing is. */
    public static List<String> problems(List<String> options, Table t) {
        List<String> out = new ArrayList<>();
        for (String o : options) {
            String key = key(o), value = value(o);
            switch (key) {
                case "type" -> {
                    if (!List.of("bars", "stacked", "waterfall").contains(value)) out.add("unknown chart type \"" + value + "\"");
                }
                case "columns" -> {
                    for (String c : ids(value)) {
                        var col = t.column(c);
                        if (col.isEmpty()) out.add("table " + t.id() + " has no column \"" + c + "\"");
                        else if (col.get().text()) out.add("column \"" + c + "\" holds text, not amounts");
                    }
                }
                case "rows" -> {
                    for (String r : ids(value)) if (t.row(r).isEmpty()) out.add("table " + t.id() + " has no row \"" + r + "\"");
                }
                case "title", "million" -> { }
                default -> out.add("unknown chart option \"" + o + "\"");
            }
        }
        ChartSpec s = parse(options);
        if (s.type() == Type.WATERFALL) {
            if (s.columns().size() != 1) out.add("a waterfall chart draws one column: give columns=ID");
            if (s.rows().size() < 3) out.add("a waterfall chart needs rows=OPENING,MOVEMENT...,CLOSING (at least three rows)");
        }
        return out;
    }

    private static String key(String o) {
        int eq = o.indexOf('=');
        return (eq < 0 ? o : o.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
    }

    private static String value(String o) {
        int eq = o.indexOf('=');
        return eq < 0 ? "" : o.substring(eq + 1).strip();
    }

    private static List<String> ids(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }
}
