package org.reportsite.content;

import org.reportsite.model.Location;

/** A file that cannot be read into a model at all; becomes one located finding. */
public class ContentSyntaxException extends Exception {
    private final Location location;
    private final String hint;

    public ContentSyntaxException(Location location, String message, String hint) {
        super(message);
        this.location = location;
        this.hint = hint;
    }

    public Location location() { return location; }

    public String hint() { return hint; }
}
