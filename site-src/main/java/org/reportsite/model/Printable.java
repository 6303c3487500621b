package org.reportsite.model;

/**
 * The one escaping of text that came from the input and is echoed in a message (a terminal, a log, the
 * preview's error overlay, the JSON findings): control characters, zero-width and bidirectional formatting
 * characters, line and paragraph separators and unpaired surrogates are shown as {@code <U+202E>}. Such a
 * character could otherwise reorder or hide the text around it ("Trojan Source"), move the cursor, or make
 * two different ids look the same.
 */
public final class Printable {
    private Printable() {}

    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (hidden(cp)) {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(String.format("<U+%04X>", cp));
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }

    /** Whether a code point does not show as itself: C0/C1 controls, format characters (Cf), separators, surrogates. */
    static boolean hidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
