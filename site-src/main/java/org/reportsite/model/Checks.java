package org.reportsite.model;

import java.util.List;

/** Declared cross-table ties and acknowledged inconsistencies of the published source (checks.json). */
public record Checks(List<Tie> ties, List<Acknowledged> acknowledged) {
    public static final Checks NONE = new Checks(List.of(), List.of());

    /** {@code sum(left) == right}, facts written {@code table/row/column}. */
    public record Tie(String id, String description, List<String> left, String right, Location location) {}

    public record Acknowledged(String finding, String reason, Location location) {}
}
