package org.reportsite.testkit;

import org.jsoup.nodes.Document;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;

import java.nio.file.Path;
import java.util.List;

/** The bundled report built once per test JVM into a temporary folder, shared by the tests that only read it. */
public final class Bundled {
    private static Path out;
    private static SiteBuild.Result result;

    private Bundled() {}

    public static synchronized Path dir() {
        if (out == null) {
            Path target = TempDirs.fresh("bundled-site");
            result = Builds.build(Content.BUNDLED, target);
            if (!result.ok()) {
                throw new AssertionError("bundled report does not build: " + result.findings().stream()
                        .filter(Finding::isError).map(Finding::format).toList());
            }
            out = target;
        }
        return out;
    }

    public static SiteBuild.Result result() {
        dir();
        return result;
    }

    /** A page of the site, parsed (its base URI is its file, so relative links resolve). */
    public static Document page(String file) { return SiteTree.parse(dir(), file); }

    /** Every .html file of the site, relative and with '/' separators, sorted. */
    public static List<String> htmlFiles() { return SiteTree.pages(dir()); }
}
