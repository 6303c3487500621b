package org.reportsite.model;

/** Where something came from: a content file (relative to the content folder), line and column (1-based; 0 = unknown). */
public record Location(String file, int line, int column) {
    public static Location of(String file) { return new Location(file, 0, 0); }

    public Location atLine(int line) { return new Location(file, line, 0); }

    @Override
    public String toString() {
        if (file == null) return "(no file)";
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
