package org.reportsite.model;

import java.util.List;

/** Declared cross-table ties, precision overrides and acknowledged inconsistencies of the published source (checks.json). */
public record Checks(List<Tie> ties, List<Precision> precision, List<Acknowledged> acknowledged) {
    public static final Checks NONE = new Checks(List.of(), List.of(), List.of());

    public Checks(List<Tie> ties, List<Acknowledged> acknowledged) { this(ties, List.of(), acknowledged); }

    /**
     * {@code sum(left) == right}, facts written {@code table/row/column}; a leading {@code -} negates a fact.
     * With {@code columns}, a fact whose column is {@code *} stands for each of those columns in turn.
     */
    public record Tie(String id, String description, List<String> left, String right, List<String> columns, Location location) {
        public Tie(String id, String description, List<String> left, String right, Location location) {
            this(id, description, left, right, List.of(), location);
        }
    }

    /**
     * Overrides whether a table's figures (or some of its columns') are rounded from finer data
     * ({@code rounded = true}: sums tolerate rounding) or exact ({@code rounded = false}: sums must tie to the unit).
     */
    public record Precision(String table, List<String> columns, boolean rounded, String reason, Location location) {}

    public record Acknowledged(String finding, String reason, Location location) {}
}
