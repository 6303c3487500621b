package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Reads the common, simple front matter without the YAML parser: one {@code field: value} per line for the
 * known fields, where a value is a double-quoted string (escapes {@code \"} and {@code \\} only), a whole
 * number, {@code true}/{@code false}, or a plain one-line text starting with a letter that YAML could not
 * read as anything else (no {@code :}, {@code #}, quotes, brackets or braces, no yes/no/on/off/null words,
 * no trailing space). It gives exactly the node the YAML parser gives for such lines (tested against it) and
 * null for anything else, which then goes to the YAML parser as before. Creating a YAML parser per page
 * cost more than the rest of reading the page; a report's front matter is nearly always this simple.
 */
final class FrontMatter {
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private FrontMatter() {}

    /** The fields of {@code lines[from..to)} as YAML would read them, or null when they are not all simple. */
    static ObjectNode simple(String[] lines, int from, int to, Set<String> fields) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int i = from; i < to; i++) {
            String line = lines[i];
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0 || line.length() < colon + 3 || line.charAt(colon + 1) != ' ') return null;
            String key = line.substring(0, colon);
            if (!fields.contains(key) || out.has(key)) return null;
            JsonNode value = value(line.substring(colon + 2));
            if (value == null) return null;
            out.set(key, value);
        }
        return out;
    }

    private static JsonNode value(String v) {
        if (v.isEmpty()) return null;
        char c = v.charAt(0);
        if (c == '"') return quoted(v);
        if (c == '-' || (c >= '0' && c <= '9')) return number(v);
        if (v.equals("true")) return JsonNodeFactory.instance.booleanNode(true);
        if (v.equals("false")) return JsonNodeFactory.instance.booleanNode(false);
        return plain(v);
    }

    private static JsonNode quoted(String v) {
        if (v.length() < 2 || v.charAt(v.length() - 1) != '"') return null;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '"') return null;
            if (c == '\\') {
                if (i + 1 >= v.length() - 1) return null;
                char n = v.charAt(++i);
                if (n != '"' && n != '\\') return null;
                sb.append(n);
            } else if (printable(c)) {
                sb.append(c);
            } else {
                return null;
            }
        }
        return JsonNodeFactory.instance.textNode(sb.toString());
    }

    /** 0 or -?[1-9][0-9]{0,8}: always an int for YAML (no octal, hex, underscores, signs or exponents). */
    private static JsonNode number(String v) {
        int start = v.charAt(0) == '-' ? 1 : 0;
        int digits = v.length() - start;
        if (digits < 1 || digits > 9) return null;
        if (v.charAt(start) == '0' && (digits > 1 || start == 1)) return null;
        for (int i = start; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
        return JsonNodeFactory.instance.numberNode(Integer.parseInt(v));
    }

    private static JsonNode plain(String v) {
        if (!Character.isLetter(v.charAt(0))) return null;
        if (v.charAt(v.length() - 1) == ' ' || YAML_WORDS.contains(v.toLowerCase(java.util.Locale.ROOT))) return null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ':' || c == '#' || c == '"' || c == '\'' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\\' || c == '|'
                    || c == '>' || c == '`' || c == '&' || c == '*' || c == '!' || c == '%' || c == '@' || !printable(c)) {
                return null;
            }
        }
        return JsonNodeFactory.instance.textNode(v);
    }

    /** Space and visible characters of the Basic Multilingual Plane; tabs, controls, separators and format characters are left to YAML. */
    private static boolean printable(char c) {
        if (c < 0x80) return c >= 0x20 && c != 0x7F;
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
