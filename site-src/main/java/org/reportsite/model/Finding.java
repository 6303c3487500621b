package org.reportsite.model;

/**
 * One problem found in the content or its numbers.
 *
 * @param code     stable code, e.g. {@code json.syntax}, {@code ref.note}, {@code foot.mismatch}
 * @param key      stable identity of what was checked (used to acknowledge a published inconsistency), may be null
 * @param expected what the check expected, may be null
 * @param actual   what the content has, may be null
 * @param hint     what to do about it
 */
public record Finding(Severity severity, String code, String key, Location location,
                      String message, String expected, String actual, String hint) {

    public static Finding error(String code, Location where, String message, String hint) {
        return new Finding(Severity.ERROR, code, null, where, message, null, null, hint);
    }

    public static Finding warning(String code, Location where, String message, String hint) {
        return new Finding(Severity.WARNING, code, null, where, message, null, null, hint);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    public Finding withSeverity(Severity s, String newHint) {
        return new Finding(s, code, key, location, message, expected, actual, newHint);
    }

    /**
     * One line for a terminal: {@code file:line: error [code] message (expected X, found Y)}, and the hint on the
     * next. Everything that may echo the input is escaped ({@link Printable}): no control or bidirectional
     * character of the content reaches the terminal.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(location == null ? "(report)" : Printable.escape(location.toString())).append(": ")
          .append(severity == Severity.ERROR ? "error" : "warning")
          .append(" [").append(code).append("] ").append(Printable.escape(message));
        if (expected != null || actual != null) {
            sb.append(expected == null ? " (found " + Printable.escape(actual) + ")"
                    : " (expected " + Printable.escape(expected) + ", found " + Printable.escape(actual) + ")");
        }
        if (hint != null && !hint.isBlank()) sb.append("\n    ").append(Printable.escape(hint));
        return sb.toString();
    }
}
