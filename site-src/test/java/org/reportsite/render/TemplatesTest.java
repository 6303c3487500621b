package org.reportsite.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The templates of a build: read once, looked up by name, compared as texts. */
class TemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void namesTheTemplatesAFolderLacks() throws IOException {
        Files.writeString(tmp.resolve("layout.html"), "<p>x</p>");
        assertEquals(List.of("table.html", "glossary.html", "data-checks.html", "contents.html", "404.html"), Builds.templates(tmp).missing());
    }

    @Test
    void theSharedTemplatesAreTheLayoutAndWhatNoPageRendersByName() throws IOException {
        Path dir = Content.copy(Builds.TEMPLATES, tmp.resolve("t"));
        Content.write(dir, "parts/note.html", "<p th:fragment=\"note\">a note</p>");
        Templates t = Builds.templates(dir);
        assertEquals(Set.of("layout.html", "parts/note.html"), t.shared().keySet());
        assertEquals(Builds.templates(dir), t, "equal texts, equal templates");
        Content.write(dir, "glossary.html", "<p>changed</p>");
        assertNotEquals(Builds.templates(dir), t);
        assertEquals(t.shared(), Builds.templates(dir).shared(), "a generated page's template concerns that page only");
    }

    @Test
    void aTemplateThatCannotBeReadIsALocatedErrorAndNoTemplatesAreGiven() throws IOException {
        Content.write(tmp, "layout.html", "<p>x</p>");
        Content.write(tmp, "parts/bad.html", new byte[]{'<', 'p', '>', (byte) 0xE9, '<'});
        Findings findings = new Findings();
        assertNull(Templates.read(tmp, findings));
        assertEquals(List.of("templates.encoding"), findings.list().stream().map(Finding::code).toList());
        assertTrue(findings.list().get(0).location().file().endsWith("/parts/bad.html"), findings.list().get(0).format());
    }

    @Test
    void aTemplateIncludesAnotherByItsPathInTheFolder() throws IOException {
        Content.write(tmp, "parts/note.html", "<p th:fragment=\"note(x)\" th:text=\"${x}\">a note</p>");
        Content.write(tmp, "layout.html", "<div th:replace=\"~{parts/note :: note('included')}\"></div>");
        String html = Builds.templates(tmp).engine().process(Templates.LAYOUT, new Context());
        assertTrue(html.contains("<p>included</p>"), html);
    }
}
