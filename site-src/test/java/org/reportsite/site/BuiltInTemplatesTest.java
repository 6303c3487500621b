package org.reportsite.site;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report kept outside the project folder builds with the generator's built-in templates and static files;
 * a templates or static folder (beside the content, or named on the command line) replaces them file by file.
 */
class BuiltInTemplatesTest {

    /** A second company's report copied alone into a fresh folder: no templates or static folder anywhere near it. */
    private static Path elsewhere() {
        Path home = TempDirs.create("elsewhere");
        return Content.copy(Content.HARBOURLINE, home.resolve("report"));
    }

    @Test
    void aReportOutsideTheProjectBuildsWithTheBuiltInTemplatesAndAssets() throws IOException {
        Path content = elsewhere();
        assertFalse(Files.exists(content.resolveSibling("templates")) || Files.exists(content.resolveSibling("static")));
        Path out = content.resolveSibling("site");
        Cli r = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.all().contains("templates.missing") || r.all().contains("broken link"), r.all());
        for (String asset : List.of("assets/site.css", "assets/site.js")) {
            assertArrayEquals(Files.readAllBytes(Builds.STATIC.resolve(asset)), Files.readAllBytes(out.resolve(asset)), asset + " is the built-in one");
        }
        Set<String> files = SiteTree.files(out);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (String page : SiteTree.pages(out)) {
            Document doc = SiteTree.parse(out, page);
            for (String link : SiteTree.localLinks(doc)) {
                links++;
                String target = SiteTree.target(page, link);
                if (target == null || !files.contains(target)) broken.add(page + " → " + link);
            }
            assertEquals(1, doc.select("link[rel=stylesheet][href$=assets/site.css]").size(), page + " links the stylesheet");
        }
        assertTrue(links > 100, "links were followed: " + links);
        assertEquals(List.of(), broken);
    }

    @Test
    void aFolderBesideTheContentOverridesOneTemplateAndOneAssetTheRestStayBuiltIn() throws IOException {
        Path content = elsewhere();
        Content.write(content.getParent(), "templates/404.html",
                Content.read(Builds.TEMPLATES, "404.html").replace("does not exist.", "does not exist. <span id=\"own-404\">Our own page.</span>"));
        Content.write(content.getParent(), "static/assets/site.css", "/* our own */ body { color: #111; }\n");
        Content.write(content.getParent(), "static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        Path out = content.resolveSibling("site");
        Cli r = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, SiteTree.parse(out, "404.html").select("#own-404").size(), "the folder's 404 template wins");
        assertEquals(0, SiteTree.parse(out, "glossary.html").select("#own-404").size());
        assertTrue(SiteTree.parse(out, "glossary.html").select("main").size() == 1, "the other templates are the built-in ones");
        assertEquals("/* our own */ body { color: #111; }\n", Files.readString(out.resolve("assets/site.css")));
        assertArrayEquals(Files.readAllBytes(Builds.STATIC.resolve("assets/site.js")), Files.readAllBytes(out.resolve("assets/site.js")));
        assertTrue(Files.exists(out.resolve("logo.svg")), "a file the built-in ones lack is added");
    }

    @Test
    void namedFoldersOverrideAsWell() throws IOException {
        Path content = elsewhere();
        Path templates = TempDirs.create("own-templates");
        Content.write(templates, "404.html", Content.read(Builds.TEMPLATES, "404.html").replace("does not exist.", "does not exist. <span id=\"named-404\">x</span>"));
        Path statics = TempDirs.create("own-static");
        Content.write(statics, "assets/site.js", "// ours\n");
        Path out = content.resolveSibling("site");
        Cli r = Cli.run("build", "--content", content.toString(), "--out", out.toString(), "--templates", templates.toString(), "--static", statics.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, SiteTree.parse(out, "404.html").select("#named-404").size());
        assertEquals("// ours\n", Files.readString(out.resolve("assets/site.js")));
        assertArrayEquals(Files.readAllBytes(Builds.STATIC.resolve("assets/site.css")), Files.readAllBytes(out.resolve("assets/site.css")));
    }

    @Test
    void aNamedFolderThatDoesNotExistIsAClearError() {
        Path content = elsewhere();
        Path out = content.resolveSibling("site");
        for (String option : List.of("--templates", "--static")) {
            Path missing = content.resolveSibling("no-such-folder");
            Cli r = Cli.run("build", "--content", content.toString(), "--out", out.toString(), option, missing.toString());
            assertEquals(1, r.exitCode(), r.all());
            assertTrue(r.err().contains(missing + ": error [") && r.err().contains("given with " + option + " does not exist"), r.err());
            assertTrue(r.err().contains("leave " + option + " out"), r.err());
            assertFalse(r.err().contains("Run from the project folder"), r.err());
            assertFalse(Files.exists(out), "nothing published");
        }
    }
}
