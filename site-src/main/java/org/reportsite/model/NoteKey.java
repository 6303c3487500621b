package org.reportsite.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Note numbers as written ("4(a)", "4 (a)", "4a", "Note 12(d)") reduced to one key ("4a") and its anchor ("note-4a"). */
public final class NoteKey {
    private static final Pattern KEY = Pattern.compile("(\\d+)([a-z]*)");
    private static final Pattern SUB_LETTERS = Pattern.compile("[a-z]+$");
    private static final Pattern FORM = Pattern.compile("(?i)(?:note\\s*)?(\\d{1,3})\\s*(?:\\(\\s*([a-z]{1,5})\\s*\\)|([a-z]{1,5}))?");

    private NoteKey() {}

    /** The key, or null when the text is not a note number. */
    public static String normalize(String written) {
        if (written == null) return null;
        Matcher m = FORM.matcher(written.strip());
        if (!m.matches()) return null;
        String sub = m.group(2) != null ? m.group(2) : m.group(3);
        return m.group(1).replaceFirst("^0+(?=\\d)", "") + (sub == null ? "" : sub.toLowerCase());
    }

    public static String anchor(String key) { return "note-" + key; }

    /** "4a" → "4(a)" for display. */
    public static String display(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches() || m.group(2).isEmpty()) return key;
        return m.group(1) + "(" + m.group(2) + ")";
    }

    /** The note a key belongs to: "4a" → "4". */
    public static String parent(String key) { return SUB_LETTERS.matcher(key).replaceAll(""); }
}
