package org.reportsite.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of a table. {@code amounts} holds the numeric cells (exact decimals, signed as published);
 * {@code texts} holds cells of text columns, and an amount column's "n.m." where the report prints that a
 * percentage is not meaningful ({@link #NOT_MEANINGFUL}). A column in neither map is nil.
 */
public record Row(String id, String label, Style style, int indent, List<String> notes,
                  List<String> footnotes, Map<String, BigDecimal> amounts, Map<String, String> texts,
                  List<String> sum, List<String> sumColumns, Location location) {

    public enum Style { HEADING, LINE, SUBTOTAL, TOTAL }

    /** How reports print "not meaningful" in a percentage column: n.m., n/m, NM (any case, spaces and dots optional). */
    public static final Pattern NOT_MEANINGFUL = Pattern.compile("(?i)n\\.?\\s?[/]?\\s?m\\.?");

    public BigDecimal amount(String column) { return amounts.get(column); }

    public boolean hasValues() { return !amounts.isEmpty() || !texts.isEmpty(); }
}
