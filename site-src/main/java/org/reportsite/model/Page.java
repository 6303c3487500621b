package org.reportsite.model;

import java.util.List;
import java.util.Objects;

/**
 * A narrative page. Its {@link Body} is the body after the front matter ({@link #markdown}) and the passages read
 * from its Markdown tree ({@link #passages}); {@code bodyLine} is the line of the source file where the body starts,
 * so positions inside the body map back to the file. {@code references} were read from the same tree.
 */
public record Page(String id, String title, int order, String summary, String note, boolean toc,
                   Body body, int bodyLine, List<Reference> references, Location location) {

    public Page(String id, String title, int order, String summary, String note, boolean toc,
                String markdown, int bodyLine, List<Reference> references, Location location, List<Passage> passages) {
        this(id, title, order, summary, note, toc, new Body(markdown, passages), bodyLine, references, location);
    }

    public Page(String id, String title, int order, String summary, String note, boolean toc,
                String markdown, int bodyLine, List<Reference> references, Location location) {
        this(id, title, order, summary, note, toc, markdown, bodyLine, references, location, List.of());
    }

    /** The body after the front matter. */
    public String markdown() { return body.markdown(id); }

    /** The running text of the body that can hold a figure, and every heading ({@link Passage}). */
    public List<Passage> passages() { return body.passages(id); }

    public String outputPath() { return id + ".html"; }

    public boolean isNote() { return note != null; }

    /** Where a body offset is in the page's file. */
    public Location at(SourceLines lines, int bodyOffset) {
        return new Location(location.file(), bodyLine + lines.line(bodyOffset), lines.column(bodyOffset));
    }

    /**
     * A page's text: its Markdown and its passages, the largest part of a page by far. A one-off build lets go of it
     * ({@link #release}) once the page is rendered and its prose checked, so that a site of many pages does not keep
     * every page's text to the end; nothing reads it after that (a read throws, naming the page). A preview session
     * never lets go of it: it compares each page with the last build's. Equal when the text is.
     */
    public static final class Body {
        private volatile String markdown;
        private volatile List<Passage> passages;

        public Body(String markdown, List<Passage> passages) {
            this.markdown = Objects.requireNonNull(markdown);
            this.passages = Objects.requireNonNull(passages);
        }

        String markdown(String page) {
            String m = markdown;
            if (m == null) throw released(page);
            return m;
        }

        List<Passage> passages(String page) {
            List<Passage> p = passages;
            if (p == null) throw released(page);
            return p;
        }

        /** Lets go of the text (a one-off build, once the page is rendered and checked). */
        public void release() {
            markdown = null;
            passages = null;
        }

        private static IllegalStateException released(String page) {
            return new IllegalStateException("the text of page " + page + " was read after the build let go of it");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && Objects.equals(markdown, b.markdown) && Objects.equals(passages, b.passages);
        }

        @Override
        public int hashCode() { return Objects.hashCode(markdown) * 31 + Objects.hashCode(passages); }

        @Override
        public String toString() { return markdown == null ? "(released)" : "Body[" + markdown.length() + " chars]"; }
    }
}
