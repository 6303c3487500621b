package org.reportsite.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of a table. {@code amounts} holds the numeric cells (exact decimals, signed as published);
 * {@code texts} holds cells of text columns. A column in neither map is nil.
 */
public record Row(String id, String label, Style style, int indent, List<String> notes,
                  List<String> footnotes, Map<String, BigDecimal> amounts, Map<String, String> texts,
                  List<String> sum, List<String> sumColumns, Location location) {

    public enum Style { HEADING, LINE, SUBTOTAL, TOTAL }

    public BigDecimal amount(String column) { return amounts.get(column); }

    public boolean hasValues() { return !amounts.isEmpty() || !texts.isEmpty(); }
}
