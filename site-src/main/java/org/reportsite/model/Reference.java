package org.reportsite.model;

import java.util.List;

/**
 * A cross-reference written in Markdown: a directive ({@code {{table:ID}}}, {@code {{fact:T/R/C|opts}}},
 * {@code {{chart:ID}}}) or a link ({@code note:}, {@code table:}, {@code page:}, {@code term:}); {@code LINK} is any
 * other link or image destination, kept so that a broken one can be reported at its line.
 */
public record Reference(Kind kind, String target, List<String> options, Location location) {
    public enum Kind { TABLE, FACT, CHART, NOFACT, NOTE_LINK, TABLE_LINK, PAGE_LINK, TERM_LINK, LINK }
}
