package org.reportsite.model;

/** Thrown when content is so broken that a stage cannot go on; carries the findings gathered so far. */
public class ContentException extends RuntimeException {
    private final transient Findings findings;

    public ContentException(Findings findings) {
        super(findings.errorCount() + " error(s) in the content");
        this.findings = findings;
    }

    public Findings findings() { return findings; }
}
