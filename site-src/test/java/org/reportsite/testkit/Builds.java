package org.reportsite.testkit;

import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.render.Templates;
import org.reportsite.site.BuildState;
import org.reportsite.site.SiteBuild;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Builds and checks in process, with the project's templates and static files, and what a test asks of their findings. */
public final class Builds {
    public static final Path TEMPLATES = Path.of("templates");
    public static final Path STATIC = Path.of("static");

    private Builds() {}

    public static SiteBuild.Options options(Path content, Path out) { return options(content, out, false); }

    public static SiteBuild.Options options(Path content, Path out, boolean zip) {
        return new SiteBuild.Options(content, TEMPLATES, STATIC, out, true, null, zip);
    }

    public static SiteBuild.Result build(Path content, Path out) { return SiteBuild.run(options(content, out)); }

    /** A preview session's build, keeping what it made in {@code state}. */
    public static SiteBuild.Result build(SiteBuild.Options options, BuildState state) { return SiteBuild.run(options, state); }

    /** Builds and fails the test unless the build succeeded; returns {@code out}. */
    public static Path built(Path content, Path out, boolean zip) {
        SiteBuild.Result r = SiteBuild.run(options(content, out, zip));
        assertTrue(r.ok(), () -> "build failed: " + r.findings().stream().map(Finding::format).toList());
        return out;
    }

    /** The {@code check} command: loads and checks, writes nothing. */
    public static SiteBuild.Result check(Path content) { return check(content, false); }

    /** The {@code check} command, {@code --strict} or not (an unbound figure of the prose an error or a warning). */
    public static SiteBuild.Result check(Path content, boolean strict) {
        return SiteBuild.run(new SiteBuild.Options(content, TEMPLATES, STATIC, null, false, null, false, strict));
    }

    /** A templates folder read as a build reads it; fails the test when a file of it is refused. */
    public static Templates templates(Path dir) {
        Findings findings = new Findings();
        Templates t = Templates.read(dir, findings);
        assertTrue(t != null && findings.list().isEmpty(), () -> "templates not read: " + findings.list().stream().map(Finding::format).toList());
        return t;
    }

    /** The finding with this key; fails the test, listing every finding, when there is none. */
    public static Finding finding(SiteBuild.Result r, String key) {
        return r.findings().stream().filter(f -> key.equals(f.key())).findFirst()
                .orElseGet(() -> fail("no finding with key " + key + "; findings: " + r.findings().stream().map(Finding::format).toList()));
    }

    public static boolean hasKey(SiteBuild.Result r, String key) {
        return r.findings().stream().anyMatch(f -> key.equals(f.key()));
    }

    /** An error with this code, at this file and line. */
    public static void assertError(Finding f, String code, String file, int line) {
        assertTrue(f.isError(), f.format());
        assertEquals(code, f.code(), f.format());
        assertEquals(file, f.location().file(), f.format());
        assertEquals(line, f.location().line(), f.format());
    }
}
