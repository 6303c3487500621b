package org.reportsite.model;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a {@code {{fact:TABLE/ROW/COLUMN|opt|opt}}} directive: {@code million}, {@code thousand},
 * {@code billion}, {@code abs} and {@code decimals=N} with N from 0 to {@link #MAX_DECIMALS}. One reading for
 * the check (which reports a bad option with its line) and for the renderer (which never acts on one: a
 * {@code decimals=20000000} would otherwise build a number of twenty million digits).
 */
public final class FactOptions {
    public static final int MAX_DECIMALS = 9;
    public static final Set<String> WORDS = Set.of("million", "thousand", "abs", "billion");
    public static final String HELP = "Options: million, thousand, billion, abs, decimals=N (N from 0 to " + MAX_DECIMALS + ").";
    private static final Pattern DECIMALS = Pattern.compile("decimals\\s*=\\s*(.*)", Pattern.DOTALL);

    private FactOptions() {}

    /** What is wrong with one option as written, or null when it is a valid option. */
    public static String problem(String option) {
        if (WORDS.contains(option)) return null;
        Matcher m = DECIMALS.matcher(option);
        if (!m.matches()) return "unknown fact option \"" + option + "\"";
        String n = m.group(1).strip();
        if (!n.matches("\\d+")) return "\"decimals\" must be a whole number from 0 to " + MAX_DECIMALS + ", found \"" + shorten(n) + "\"";
        if (decimals(option) < 0) return "\"decimals\" is " + shorten(n) + ", outside 0.." + MAX_DECIMALS;
        return null;
    }

    /** The number of a valid {@code decimals=N} option, or -1 for anything else (however long its digits). */
    public static int decimals(String option) {
        Matcher m = DECIMALS.matcher(option);
        if (!m.matches()) return -1;
        String n = m.group(1).strip();
        if (!n.matches("\\d{1,3}")) return -1;
        int d = Integer.parseInt(n);
        return d <= MAX_DECIMALS ? d : -1;
    }

    private static String shorten(String s) { return s.length() <= 30 ? s : s.substring(0, 20) + "... (" + s.length() + " characters)"; }
}
