package org.reportsite.content;

import org.reportsite.model.Location;

/** A file that cannot be read into a model at all; becomes one located finding with a stable code. */
public class ContentSyntaxException extends Exception {
    private final String code;
    private final Location location;
    private final String hint;

    public ContentSyntaxException(String code, Location location, String message, String hint) {
        super(message);
        this.code = code;
        this.location = location;
        this.hint = hint;
    }

    /** e.g. {@code json.syntax}, {@code json.number}, {@code content.encoding}, {@code content.read}. */
    public String code() { return code; }

    public Location location() { return location; }

    public String hint() { return hint; }
}
