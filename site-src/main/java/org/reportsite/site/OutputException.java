package org.reportsite.site;

/** The output folder cannot be prepared or replaced; the message says why and the hint what to do. */
public class OutputException extends RuntimeException {
    private final String hint;

    public OutputException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() { return hint; }
}
