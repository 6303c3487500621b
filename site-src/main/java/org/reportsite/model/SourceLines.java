package org.reportsite.model;

import java.util.Arrays;

/** Line and column of an offset in a text ({@code \n} ends a line), found by binary search. */
public final class SourceLines {
    private final int[] starts;

    public SourceLines(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) s = Arrays.copyOf(s, n * 2);
            s[n++] = i + 1;
        }
        starts = Arrays.copyOf(s, n);
    }

    /** The 0-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The 1-based column of an offset. */
    public int column(int offset) { return offset - starts[line(offset)] + 1; }
}
