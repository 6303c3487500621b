package org.reportsite.model;

import java.util.Arrays;
import java.util.List;

/**
 * One block of running text of a page as a reader reads it (a paragraph, heading or table cell): Markdown syntax
 * gone, soft line breaks as spaces, a code span, image or table directive as {@link #OBJECT}, a nofact as {@link #NOFACT}, each
 * {@code {{fact:...}}} as {@link #FACT} (the k-th of them is {@code facts.get(k)}). {@code runs} maps the text
 * back to the page body: triples (text start, body offset, length), in text order.
 *
 * <p>Only passages that can hold a figure are kept (those with a digit or a fact), and every heading (they name
 * the line items the paragraphs below speak of, and sub-notes): a page of plain words costs nothing here.
 */
public record Passage(Kind kind, int level, String text, int[] runs, List<Reference> facts) {
    public enum Kind { HEADING, PARAGRAPH, CELL, HEADER_CELL }

    /** Stands for a {@code {{fact:...}}} directive in {@link #text}. */
    public static final char FACT = '\uE000';
    /** Stands for a {@code {{nofact:...}}}: a figure declared not to be one of the dataset. */
    public static final char NOFACT = '\uE001';
    /** Stands for something that is neither words nor a figure: code, an image, another directive. */
    public static final char OBJECT = '\uFFFC';

    /** The body offset of text character {@code i} (of the nearest character before it that came from the body). */
    public int source(int i) {
        int lo = 0, hi = runs.length / 3 - 1, best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[mid * 3] <= i) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (runs.length == 0) return 0;
        int start = runs[best * 3], src = runs[best * 3 + 1], len = runs[best * 3 + 2];
        return src + Math.min(i - start, Math.max(0, len - 1));
    }

    /** The body offset just after text character {@code i}. */
    public int sourceEnd(int i) { return source(i) + 1; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passage p && kind == p.kind && level == p.level && text.equals(p.text) && Arrays.equals(runs, p.runs)
                && facts.equals(p.facts);
    }

    @Override
    public int hashCode() { return (kind.hashCode() * 31 + text.hashCode()) * 31 + Arrays.hashCode(runs); }

    @Override
    public String toString() { return kind + "(" + text + ")"; }
}
