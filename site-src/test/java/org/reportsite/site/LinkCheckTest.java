package org.reportsite.site;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links written as plain Markdown are checked too: a missing file or anchor fails the build at its line. */
class LinkCheckTest {

    private SiteBuild.Result buildWithLine(String line) throws IOException {
        Path content = Content.bundled().dir();
        Path page = content.resolve("narrative/other-information.md");
        List<String> lines = new ArrayList<>(Files.readAllLines(page));
        lines.add("");
        lines.add(line);
        Files.write(page, lines);
        return Builds.build(content, Files.createTempDirectory("links").resolve("site"));
    }

    @Test
    void aBrokenAnchorFailsWithTheMarkdownLine() throws IOException {
        SiteBuild.Result r = buildWithLine("See [the notes](notes/note-15.html#no-such-anchor).");
        assertFalse(r.ok());
        Finding f = r.findings().stream().filter(x -> x.code().equals("link.broken")).findFirst().orElseThrow();
        assertEquals("narrative/other-information.md", f.location().file());
        assertTrue(f.location().line() > 1);
        assertTrue(f.message().contains("no anchor #no-such-anchor"), f.message());
    }

    @Test
    void aMissingFileAndADirectoryLinkFail() throws IOException {
        assertTrue(buildWithLine("See [missing](notes/note-99.html).").findings().stream()
                .anyMatch(x -> x.code().equals("link.broken") && x.message().contains("no such file")));
        assertTrue(buildWithLine("See [folder](notes/).").findings().stream()
                .anyMatch(x -> x.code().equals("link.broken") && x.message().contains("must name a file")));
    }
}
