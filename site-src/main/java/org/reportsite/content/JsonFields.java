package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed, located access to the fields of a JSON object; every wrong field becomes one finding, not an exception. */
final class JsonFields {
    private final LocatedJson doc;
    private final Findings findings;

    JsonFields(LocatedJson doc, Findings findings) {
        this.doc = doc;
        this.findings = findings;
    }

    Location at(JsonNode n) { return doc.at(n); }

    boolean isObject(JsonNode n, String what) {
        if (n != null && n.isObject()) return true;
        findings.error("json.type", doc.at(n), what + " must be a JSON object {...}", "See docs/content-format.md for its fields.");
        return false;
    }

    /** Reports fields not in {@code known}: a typo in a field name must not be silently ignored. */
    void unknownFields(JsonNode obj, String what, Set<String> known) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                findings.error("json.unknown-field", doc.at(obj.get(f)), "unknown field \"" + f + "\" in " + what,
                        "Known fields: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    String text(JsonNode obj, String field, String what, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) findings.error("json.missing", doc.at(obj), what + " has no \"" + field + "\"",
                    "Add \"" + field + "\": \"...\" to it.");
            return null;
        }
        if (!v.isTextual()) {
            findings.error("json.type", doc.at(v), "\"" + field + "\" of " + what + " must be a string, found " + kind(v),
                    "Write it in double quotes.");
            return null;
        }
        if (required && v.asText().isBlank()) {
            findings.error("json.missing", doc.at(v), "\"" + field + "\" of " + what + " is empty", "Give it a value.");
            return null;
        }
        return v.asText();
    }

    /**
     * A whole number in {@code min..max}. The bound is checked on the exact value, so a huge number is reported as
     * written instead of wrapping around into range.
     */
    int integer(JsonNode obj, String field, String what, int dflt, int min, int max) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber() || v.decimalValue().stripTrailingZeros().scale() > 0) {
            findings.error("json.type", doc.at(v), "\"" + field + "\" of " + what + " must be a whole number, found " + kind(v),
                    "Write a plain whole number without quotes, e.g. 2.");
            return dflt;
        }
        java.math.BigDecimal d = v.decimalValue();
        if (d.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            findings.error("json.range", doc.at(v), "\"" + field + "\" of " + what + " is " + shown(d.toPlainString()) + ", outside " + min + ".." + max,
                    "Use a number from " + min + " to " + max + ".");
            return dflt;
        }
        return d.intValueExact();
    }

    boolean bool(JsonNode obj, String field, String what, boolean dflt) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) {
            findings.error("json.type", doc.at(v), "\"" + field + "\" of " + what + " must be true or false, found " + kind(v),
                    "Write true or false without quotes.");
            return dflt;
        }
        return v.booleanValue();
    }

    List<String> strings(JsonNode obj, String field, String what) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) {
            findings.error("json.type", doc.at(v), "\"" + field + "\" of " + what + " must be a list [\"...\"], found " + kind(v),
                    "Write a list of strings, e.g. [\"a\", \"b\"], or leave the field out.");
            return out;
        }
        for (JsonNode e : v) {
            if (e.isTextual()) out.add(e.asText());
            else findings.error("json.type", doc.at(e), "entries of \"" + field + "\" in " + what + " must be strings, found " + kind(e),
                    "Put each entry in double quotes.");
        }
        return out;
    }

    /** The elements of an array field that are objects (others are reported). */
    List<JsonNode> objects(JsonNode obj, String field, String what, boolean required) {
        JsonNode v = obj.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) findings.error("json.missing", doc.at(obj), what + " has no \"" + field + "\"", "Add \"" + field + "\": [ ... ].");
            return out;
        }
        if (!v.isArray()) {
            findings.error("json.type", doc.at(v), "\"" + field + "\" of " + what + " must be a list [...], found " + kind(v),
                    "Write a list of objects: [ { ... }, { ... } ].");
            return out;
        }
        for (JsonNode e : v) {
            if (e.isObject()) out.add(e);
            else findings.error("json.type", doc.at(e), "entries of \"" + field + "\" in " + what + " must be objects {...}, found " + kind(e),
                    "Write each entry as an object { \"field\": ... }; see docs/content-format.md.");
        }
        return out;
    }

    /** Where the string {@code value} stands in a list of strings (the list itself when it is not found). */
    Location element(JsonNode list, String value) {
        if (list != null && list.isArray()) {
            for (JsonNode e : list) if (e.isTextual() && e.asText().equals(value)) return doc.at(e);
        }
        return doc.at(list);
    }

    /** Ids for a hint: all of them when few, else the first ones and how many more. */
    static String list(java.util.Collection<String> ids) { return list(ids, ", "); }

    static String list(java.util.Collection<String> ids, String separator) {
        final int shown = 12;
        if (ids.size() <= shown + 2) return String.join(separator, ids);
        List<String> first = new ArrayList<>();
        for (String id : ids) {
            if (first.size() == shown) break;
            first.add(id);
        }
        return String.join(separator, first) + separator + "... (" + (ids.size() - shown) + " more)";
    }

    /** A value as written, shortened in the middle when it is very long (a number of 1,000 digits). */
    static String shown(String written) {
        if (written.length() <= 40) return written;
        return written.substring(0, 20) + "..." + written.substring(written.length() - 10) + " (" + written.length() + " characters)";
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isTextual()) return "a string \"" + abbreviate(v.asText()) + "\"";
        if (v.isNumber()) return "a number " + shown(v.decimalValue().toPlainString());
        if (v.isBoolean()) return v.asText();
        if (v.isArray()) return "a list";
        return "an object";
    }

    private static String abbreviate(String s) { return s.length() > 30 ? s.substring(0, 27) + "..." : s; }
}
