package org.reportsite.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SampleReport;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes page paths and navigation ids with climbing, absolute, drive-letter, backslash, upper-case and
 * non-ASCII names. Whatever the names, the build writes only inside its output folder.
 */
@AddLifecycleHook(FuzzBudget.class)
class PathFuzzTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "C:", "c:evil", "a\\..\\b", "notes", "Index", "glossary", "404", "search", "assets", "downloads",
                        "a b", "é", "中文", "-x", "_x", "x.md", "x.html", "con", "nul", "%2e%2e", "~", "$HOME", "*", "?", "\"", "<x>", "|"),
                Arbitraries.strings().withChars("abcxyz019-_.:\\ ~%").ofMinLength(1).ofMaxLength(6));
        return segment.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
    }

    @Property(tries = 150)
    void whateverTheNamesNothingIsWrittenOutsideTheOutputFolder(@ForAll("names") String pageName, @ForAll("names") String otherId,
                                                                 @ForAll boolean listThePage) throws IOException {
        String navId = listThePage ? pageName : otherId;
        Path sandbox = TempDirs.create("fuzz-paths");
        Path content = sandbox.resolve("content");
        Files.createDirectories(content);
        for (var e : SampleReport.files().entrySet()) Content.write(content, e.getKey(), e.getValue());
        Path narrative = content.resolve("narrative");
        boolean written = false;
        try {
            Path file = narrative.resolve(pageName + ".md").normalize();
            if (file.startsWith(narrative) && !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "---\ntitle: Fuzzed\n---\nText.\n");
                written = true;
            }
        } catch (InvalidPathException | IOException e) {
            // a name this file system cannot hold is not a case
        }
        String nav = navId.replace("\\", "\\\\").replace("\"", "\\\"");
        Content.replace(content, "report.json", "[\"index\"]", "[\"index\", \"" + nav + "\"]");
        List<String> before = tree(sandbox);
        Path out = sandbox.resolve("out").resolve("site");
        String input = "page " + pageName + ".md, navigation id " + navId;
        SiteBuild.Result r = Fuzz.build(content, out, input);
        Statistics.label("outcome").collect(r.ok() ? "built" : "located errors");
        Statistics.label("page file").collect(written ? "written" : "not a file name");
        Fuzz.assertBuiltOrLocated(r, out, input);
        for (String p : tree(sandbox)) {
            assertTrue(before.contains(p) || p.equals("out") || p.startsWith("out/"), "written outside the output: " + p + " for " + input);
        }
        TempDirs.deleteTree(sandbox);
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
