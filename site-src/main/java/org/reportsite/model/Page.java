package org.reportsite.model;

import java.util.List;

/**
 * A narrative page. {@code markdown} is the body after the front matter; {@code bodyLine} is the line of
 * the source file where the body starts, so positions inside the body map back to the file. {@code references}
 * and {@code passages} were read from the Markdown tree of the body.
 */
public record Page(String id, String title, int order, String summary, String note, boolean toc,
                   String markdown, int bodyLine, List<Reference> references, Location location, List<Passage> passages) {

    public Page(String id, String title, int order, String summary, String note, boolean toc,
                String markdown, int bodyLine, List<Reference> references, Location location) {
        this(id, title, order, summary, note, toc, markdown, bodyLine, references, location, List.of());
    }

    public String outputPath() { return id + ".html"; }

    public boolean isNote() { return note != null; }

    /** Where a body offset is in the page's file. */
    public Location at(SourceLines lines, int bodyOffset) {
        return new Location(location.file(), bodyLine + lines.line(bodyOffset), lines.column(bodyOffset));
    }
}
