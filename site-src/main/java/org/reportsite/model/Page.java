package org.reportsite.model;

import java.util.List;

/**
 * A narrative page. {@code markdown} is the body after the front matter; {@code bodyLine} is the line of
 * the source file where the body starts, so positions inside the body map back to the file.
 */
public record Page(String id, String title, int order, String summary, String note, boolean toc,
                   String markdown, int bodyLine, List<Reference> references, Location location) {

    public String outputPath() { return id + ".html"; }

    public boolean isNote() { return note != null; }
}
