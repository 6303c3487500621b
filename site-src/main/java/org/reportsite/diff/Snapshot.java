package org.reportsite.diff;

import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.content.ContentLoader;
import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.InputFolder;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a diff, loaded and checked: the report, the findings of loading (warnings) and of the check stage, and the folder it came
 * from (for the raw text of pages). Load errors are kept apart: with them the report is incomplete
 * (a table that does not parse is simply missing) and a diff would be misleading.
 */
public record Snapshot(ContentSource source, Report report, List<Finding> loadErrors, List<Finding> findings) {

    public static Snapshot load(ContentSource source) {
        Findings loadFindings = new Findings();
        Report report = ContentLoader.load(source.dir(), loadFindings);
        List<Finding> errors = loadFindings.list().stream().filter(Finding::isError).toList();
        if (report == null || !errors.isEmpty()) return new Snapshot(source, report, errors, List.of());
        CheckResult checks = Checker.run(report, new Index(report));
        List<Finding> all = new java.util.ArrayList<>(loadFindings.list());
        all.addAll(checks.findings());
        return new Snapshot(source, report, List.of(), List.copyOf(all));
    }

    public boolean loaded() { return report != null && loadErrors.isEmpty(); }

    /**
     * A content file's text (relative to the content folder), or null when it does not exist or may not be read
     * (a link out of the folder: the change report is published, so it must not show a file from elsewhere).
     */
    String text(String relative) {
        Path p = source.dir().resolve(relative);
        if (!Files.isRegularFile(p)) return null;
        try {
            return InputFolder.content(source.dir()).readText(p, relative);
        } catch (ContentSyntaxException e) {
            return null;
        }
    }
}
