package org.reportsite.diff;

/**
 * A side of a diff cannot be read. {@code usage} is true when the argument is neither a content folder
 * nor a git revision (the command line is wrong), false when it names one whose content cannot be had.
 */
public class SourceException extends Exception {
    private final boolean usage;

    public SourceException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    public boolean usage() { return usage; }
}
